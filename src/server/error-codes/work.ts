import type { ErrorDefinitions } from './definition.js';

/** Cases, citizen feedback and periodic reports: the work officers do. */
export const WORK_ERRORS = {
  client_ref_reused: {
    status: 422,
    vi: 'Mã gửi (clientRef) này đã dùng cho một phản ánh khác; mỗi phản ánh cần một mã riêng.',
    en: 'This client id (clientRef) was used for another report; each report needs an id of its own.',
  },
  transition_refused: { status: 409, vi: 'Không thể {action} hồ sơ đang ở trạng thái {state}.', en: 'Cannot {action} a case that is {state}.' },
  field_required_for_action: { status: 400, vi: 'Thao tác "{action}" cần có {field}.', en: 'The action "{action}" needs {field}.' },
  action_single_only: {
    status: 400,
    vi: 'Thao tác "{action}" chỉ làm được trên từng hồ sơ một.',
    en: 'The action "{action}" is done case by case.',
  },
  merge_into_self: { status: 400, vi: 'Không thể gộp hồ sơ vào chính nó.', en: 'A case cannot be merged into itself.' },
  merge_into_duplicate: {
    status: 400,
    vi: 'Hãy gộp vào hồ sơ gốc, không gộp vào một hồ sơ trùng khác.',
    en: 'Merge into the original, not into another duplicate.',
  },
  officer_not_in_unit: {
    status: 400,
    vi: 'Cán bộ này không thuộc đơn vị đang xử lý hồ sơ.',
    en: 'This officer does not belong to the unit handling the case.',
  },
  last_rule_catch_all: {
    status: 400,
    vi: 'Quy tắc cuối cùng phải áp dụng cho mọi lĩnh vực (category: null).',
    en: 'The last rule must apply to every category (category: null).',
  },
  rule_unit_mismatch: {
    status: 400,
    vi: 'Chỉ ghi đơn vị khi quy tắc chuyển đến một đơn vị (target: unit), và khi đó phải ghi.',
    en: 'A unit is given exactly when the target is unit.',
  },
  anonymous_not_accepted: {
    status: 400,
    vi: 'Lĩnh vực "{categoryVi}" không nhận phản ánh ẩn danh.',
    en: 'The category "{categoryEn}" does not accept anonymous reports.',
  },
  place_required: { status: 400, vi: 'Cần chọn xã, phường nơi xảy ra sự việc.', en: 'Choose the commune where it happened.' },
  contact_required: { status: 400, vi: 'Họ tên là bắt buộc khi không gửi ẩn danh.', en: 'A name is required unless the report is anonymous.' },
  report_json_required: {
    status: 400,
    vi: 'Thiếu nội dung phản ánh (trường "report", dạng JSON).',
    en: 'The report is required as JSON in the field "report".',
  },
  invalid_photo: {
    status: 400,
    vi: 'Tệp {name} không phải là ảnh (chỉ nhận JPEG, PNG, WebP, HEIC).',
    en: 'The file {name} is not a photo (JPEG, PNG, WebP or HEIC only).',
  },
  photo_too_large: { status: 413, vi: 'Ảnh quá lớn (tối đa {limit} mỗi ảnh).', en: 'The photo is too large (at most {limit} each).' },
  too_many_photos: { status: 400, vi: 'Chỉ được gửi tối đa {max} ảnh.', en: 'At most {max} photos can be sent.' },
  report_locked: {
    status: 409,
    vi: 'Báo cáo đang ở trạng thái {state}: không sửa được (đã gửi hoặc đã duyệt).',
    en: 'The report is {state}: it cannot be edited (submitted or approved).',
  },
  report_conflict: {
    status: 409,
    vi: 'Báo cáo đã được lưu ở nơi khác (phiên bản {revision}). Tải lại để không ghi đè.',
    en: 'The report was saved elsewhere (revision {revision}). Reload it so nothing is overwritten.',
  },
  report_invalid: { status: 400, vi: 'Báo cáo còn {count} lỗi; sửa trước khi gửi.', en: 'The report has {count} errors; fix them before submitting.' },
  children_not_approved: {
    status: 409,
    vi: 'Còn {count} báo cáo của đơn vị cấp dưới chưa được duyệt.',
    en: '{count} reports of units below are not approved yet.',
  },
  unit_not_expected: {
    status: 400,
    vi: 'Đơn vị này không thuộc diện báo cáo theo chế độ này trong kỳ này.',
    en: 'This unit does not report under this regime for this period.',
  },
  item_not_on_form: { status: 400, vi: 'Mục {item} không có trong biểu mẫu.', en: '{item} is not on the form.' },
  period_not_of_regime: {
    status: 400,
    vi: '{code} không phải là kỳ {frequencyVi} của chế độ báo cáo.',
    en: '{code} is not a {frequency} period of the regime.',
  },
  regime_frequency_locked: {
    status: 409,
    vi: 'Chế độ báo cáo đã có báo cáo nên không đổi được tần suất; hãy tạo chế độ mới.',
    en: 'The frequency of a regime with reports cannot change; create a new regime.',
  },
  too_many_attachments: { status: 400, vi: 'Mỗi báo cáo có tối đa {max} tệp đính kèm.', en: 'A report has at most {max} attachments.' },
  workbook_invalid: {
    status: 400,
    vi: 'Tệp Excel có {count} ô không hợp lệ (ô đầu tiên: {first}); chưa nạp gì. Xem danh sách chi tiết.',
    en: 'The workbook has {count} invalid cells (first: {first}); nothing was loaded. See the details.',
  },
  attachment_type: {
    status: 400,
    vi: 'Tệp {name} không được nhận: chỉ nhận PDF, Word, Excel, OpenDocument, JPEG, PNG (kiểm tra theo nội dung tệp).',
    en: 'The file {name} is not accepted: PDF, Word, Excel, OpenDocument, JPEG or PNG only (checked by content).',
  },
  briefing_not_due: {
    status: 400,
    vi: 'Chưa thể lập bản tin của ngày {date}: ngày này chưa đến.',
    en: 'The briefing of {date} cannot be made yet: that day has not come.',
  },
} as const satisfies ErrorDefinitions;
