import type { ErrorDefinitions } from './definition.js';

/** Traps, salinity, sowing bulletins and their subscribers (modules/agronomy). */
export const AGRONOMY_ERRORS = {
  range_too_long: { status: 400, vi: 'Khoảng thời gian dài quá {days} ngày.', en: 'The period is longer than {days} days.' },
  not_a_trap: { status: 400, vi: 'Thiết bị này không phải bẫy đèn.', en: 'This device is not a light trap.' },
  bulletin_not_draft: {
    status: 409,
    vi: 'Bản tin đã {status}: chỉ sửa hoặc duyệt được bản tin còn là bản nháp.',
    en: 'The bulletin is already {status}: only a draft can be edited or approved.',
  },
  bulletin_not_approved: { status: 409, vi: 'Bản tin chưa được duyệt nên chưa thể công bố.', en: 'The bulletin has not been approved, so it cannot be published.' },
  bulletin_own_approval: {
    status: 403,
    vi: 'Người soạn bản tin không tự duyệt được: cần một cán bộ khác duyệt.',
    en: 'Whoever drafted a bulletin cannot approve it: another officer must.',
  },
  no_trap_peaks: {
    status: 422,
    vi: 'Chưa có đợt rầy cao điểm nào ở các bẫy của khu vực trong {days} ngày qua nên chưa dự báo được; hãy nhập lịch thủ công.',
    en: 'The traps of the area show no planthopper peak in the last {days} days, so there is nothing to forecast from; enter the windows by hand.',
  },
  count_json_required: {
    status: 400,
    vi: 'Biểu mẫu có ảnh cần số đếm ở dạng JSON trong trường "count".',
    en: 'A form with a photo needs the count as JSON in the field "count".',
  },
  night_out_of_window: { status: 400, vi: 'Đêm đếm phải nằm trong {days} ngày qua, không ở tương lai.', en: 'The night counted must lie within the last {days} days, not in the future.' },
  night_already_counted: {
    status: 409,
    vi: 'Bẫy này đã có số đếm của đêm {night} (do {by} nhập).',
    en: 'This trap already has a count for the night of {night} (entered by {by}).',
  },
  unsubscribe_unknown: { status: 404, vi: 'Liên kết hủy đăng ký không đúng hoặc đã được dùng.', en: 'The unsubscribe link is wrong or has been used.' },
} as const satisfies ErrorDefinitions;
