import type { Locale } from '../../db/schema.js';

/** A word in each language, given as a message's parameter where the thrower knows both wordings. */
export type Term = Record<Locale, string>;

/** What fills a message's `{name}` placeholders: a value written the same in both languages, or a term. */
export type MessageParams = Record<string, string | number | Term>;

/**
 * The words the platform's own codes stand for, by the placeholder that carries them: `{action}`, `{state}` and
 * `{field}` are filled with a code ("rate", "in_progress", "officerId"), which a message shows as its reader names
 * it. A code not listed reads as written.
 */
const TERMS: Record<'action' | 'state' | 'field', Record<string, Term>> = {
  action: {
    route: { vi: 'chuyển đơn vị xử lý', en: 'route' },
    accept: { vi: 'tiếp nhận', en: 'accept' },
    forward: { vi: 'chuyển đơn vị khác', en: 'forward' },
    return: { vi: 'trả lại', en: 'return' },
    start: { vi: 'bắt đầu xử lý', en: 'start' },
    answer: { vi: 'trả lời', en: 'answer' },
    close: { vi: 'đóng', en: 'close' },
    reopen: { vi: 'mở lại', en: 'reopen' },
    merge: { vi: 'gộp', en: 'merge' },
    rate: { vi: 'đánh giá', en: 'rate' },
    assign: { vi: 'giao cán bộ xử lý', en: 'assign' },
    extend: { vi: 'gia hạn', en: 'extend' },
    priority: { vi: 'đổi mức ưu tiên', en: 'change the priority of' },
    recategorise: { vi: 'đổi lĩnh vực', en: 'recategorise' },
    place: { vi: 'đổi nơi xảy ra', en: 'move' },
    submit: { vi: 'gửi', en: 'submit' },
    approve: { vi: 'phê duyệt', en: 'approve' },
    unlock: { vi: 'mở khóa', en: 'unlock' },
  },
  state: {
    received: { vi: 'đã tiếp nhận', en: 'received' },
    routed: { vi: 'đã chuyển đơn vị xử lý', en: 'routed' },
    forwarded: { vi: 'đang chuyển đơn vị khác', en: 'forwarded' },
    accepted: { vi: 'đơn vị đã nhận', en: 'accepted' },
    in_progress: { vi: 'đang xử lý', en: 'in progress' },
    answered: { vi: 'đã trả lời', en: 'answered' },
    closed: { vi: 'đã đóng', en: 'closed' },
    returned: { vi: 'đã trả lại', en: 'returned' },
    merged: { vi: 'đã gộp', en: 'merged' },
    draft: { vi: 'bản nháp', en: 'a draft' },
    submitted: { vi: 'đã gửi', en: 'submitted' },
    approved: { vi: 'đã phê duyệt', en: 'approved' },
  },
  field: {
    note: { vi: 'ghi chú (lý do)', en: 'a note' },
    answer: { vi: 'nội dung trả lời', en: 'an answer' },
    unitId: { vi: 'đơn vị (unitId)', en: 'a unit (unitId)' },
    officerId: { vi: 'cán bộ (officerId)', en: 'an officer (officerId)' },
    mergeInto: { vi: 'phản ánh được gộp vào (mergeInto)', en: 'the report to merge into (mergeInto)' },
    priority: { vi: 'mức ưu tiên', en: 'a priority' },
  },
};

/** Things a message names by a term of its own (`{what}` of already_exists, say). */
export const THINGS = {
  rating: { vi: 'Đánh giá của câu trả lời này', en: 'A rating of this answer' },
} satisfies Record<string, Term>;

/** The parameters as a reader of this language reads them: terms in its words, the platform's codes by their name. */
export function paramsIn(params: MessageParams, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => {
    if (typeof value === 'object') return [name, value[locale]];
    // A day is written day/month/year in either language, as every screen writes it.
    if (name === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return [name, `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`];
    const term = typeof value === 'string' ? TERMS[name as keyof typeof TERMS]?.[value] : undefined;
    return [name, term ? term[locale] : value];
  }));
}

/** Fields of request bodies as a Vietnamese reader names them, by path or by the path's last name. */
const FIELD_NAMES_VI: Record<string, string> = {
  username: 'tên đăng nhập', password: 'mật khẩu', displayName: 'tên hiển thị', role: 'vai trò', orgUnitId: 'đơn vị', unitId: 'đơn vị',
  description: 'nội dung', category: 'lĩnh vực', placeUnitId: 'nơi xảy ra', 'contact.name': 'họ tên', name: 'tên', phone: 'số điện thoại', email: 'thư điện tử',
  consent: 'sự đồng ý', rating: 'điểm đánh giá', solved: 'đã giải quyết hay chưa', comment: 'nhận xét', answer: 'nội dung trả lời', note: 'ghi chú',
  reason: 'lý do', workingDays: 'số ngày làm việc', title: 'tiêu đề', nameVi: 'tên tiếng Việt', nameEn: 'tên tiếng Anh', code: 'mã', unit: 'đơn vị tính',
  unitLabel: 'đơn vị tính', period: 'kỳ', value: 'giá trị', url: 'địa chỉ', events: 'sự kiện', numerator: 'tử số', denominator: 'mẫu số',
};

/**
 * A field named by its request path ("contact.email") as a reader of this language reads it: in Vietnamese its name
 * with the path after it; in English the path, whose names are English.
 */
export function fieldLabel(path: string, locale: Locale): string {
  if (locale === 'en') return path;
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).at(-1) ?? path;
  const name = FIELD_NAMES_VI[path] ?? FIELD_NAMES_VI[last];
  return name ? `${name} (${path})` : path;
}
