import type { ErrorDefinitions } from './definition.js';

/** Traps, salinity, sowing bulletins and their subscribers (modules/agronomy). */
export const AGRONOMY_ERRORS = {
  not_a_trap: { status: 400, vi: 'Thiết bị này không phải bẫy đèn.', en: 'This device is not a light trap.' },
  bulletin_not_draft: {
    status: 409,
    vi: 'Bản tin không còn là bản nháp (đã duyệt hoặc đã công bố): chỉ sửa hoặc duyệt được bản nháp.',
    en: 'The bulletin is no longer a draft (approved or published): only a draft can be edited or approved.',
  },
  bulletin_not_approved: { status: 409, vi: 'Bản tin chưa được duyệt nên chưa thể công bố.', en: 'The bulletin has not been approved, so it cannot be published.' },
  bulletin_own_approval: {
    status: 403,
    vi: 'Người soạn bản tin không tự duyệt được: cần một cán bộ khác duyệt.',
    en: 'Whoever drafted a bulletin cannot approve it: another officer must.',
  },
  no_trap_peaks: {
    status: 422,
    vi: 'Chưa có đợt rầy cao điểm nào ở các bẫy của khu vực trong {days} ngày qua nên chưa dự báo được; hãy gửi kèm khung lịch (windows) để soạn thủ công.',
    en: 'The traps of the area show no planthopper peak in the last {days} days, so there is nothing to forecast from; send the windows to draft it by hand.',
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
  night_already_reported: {
    status: 409,
    vi: 'Bẫy này đã tự gửi số đếm của đêm {night}: số đếm tay không được cộng thêm vào.',
    en: 'This trap sent its own counts for the night of {night}: a hand count is not added to them.',
  },
  client_ref_taken: { status: 409, vi: 'Mã gửi (clientRef) này đã được dùng cho một số đếm khác.', en: 'This clientRef was used for another count.' },
  unsubscribe_unknown: { status: 404, vi: 'Liên kết hủy đăng ký không đúng hoặc đã được dùng.', en: 'The unsubscribe link is wrong or has been used.' },
} as const satisfies ErrorDefinitions;
