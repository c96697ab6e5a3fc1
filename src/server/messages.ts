import type { FormulaFault } from '../core/data/index.js';
import type { Locale } from '../db/schema.js';

/** Every stable error code with its Vietnamese and English message. `{name}` placeholders are filled from params. */
export const MESSAGES = {
  validation_failed: { vi: 'Dữ liệu không hợp lệ: {detail}', en: 'Invalid input: {detail}' },
  malformed_json: { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  payload_too_large: { vi: 'Nội dung gửi lên quá lớn (tối đa {limit}).', en: 'The request body is too large (at most {limit}).' },
  unsupported_media_type: { vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.' },
  route_not_found: { vi: 'Không có địa chỉ {method} {url}.', en: 'No route {method} {url}.' },
  unauthenticated: { vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  invalid_credentials: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  account_locked: {
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau {minutes} phút.',
    en: 'Account temporarily locked after repeated failed logins. Try again in {minutes} minutes.',
  },
  account_disabled: { vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'This account is disabled.' },
  too_many_requests: { vi: 'Quá nhiều yêu cầu. Thử lại sau {after}.', en: 'Too many requests. Try again in {after}.' },
  csrf_invalid: { vi: 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.', en: 'Missing or wrong CSRF token. Reload the page.' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  out_of_scope: { vi: 'Đơn vị này nằm ngoài phạm vi phụ trách của bạn.', en: 'This unit is outside your scope.' },
  token_scope_missing: { vi: 'Mã truy cập không có phạm vi {scope}.', en: 'The API token lacks the scope {scope}.' },
  already_exists: { vi: '{what} đã tồn tại.', en: '{what} already exists.' },
  wrong_password: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  weak_password: {
    vi: 'Mật khẩu phải dài ít nhất 10 ký tự, có chữ và số, và khác tên đăng nhập.',
    en: 'The password must be at least 10 characters long, contain letters and digits, and differ from the username.',
  },
  unit_not_found: { vi: 'Không tìm thấy đơn vị {code} vào ngày {date}.', en: 'No unit {code} in force on {date}.' },
  unit_not_in_force: { vi: 'Đơn vị {code} không còn hiệu lực.', en: 'Unit {code} is no longer in force.' },
  invalid_geojson: { vi: 'Tệp ranh giới không hợp lệ: {detail}', en: 'Invalid boundary file: {detail}' },
  cannot_delete_self: { vi: 'Không thể tự khóa tài khoản của chính mình.', en: 'You cannot disable your own account.' },
  invalid_value: {
    vi: 'Dữ liệu không hợp lệ ở dòng {row} ({field}): {reasonVi}',
    en: 'Invalid value in row {row} ({field}): {reasonEn}',
  },
  values_misfit: {
    vi: '{count} giá trị đã lưu không hợp với kiểu mới (đầu tiên: {first}); chưa đổi gì.',
    en: '{count} stored values do not fit the new type (first: {first}); nothing was changed.',
  },
  invalid_formula: {
    vi: 'Công thức không hợp lệ tại vị trí {position}: {reasonVi}',
    en: 'Invalid formula at position {position}: {reasonEn}',
  },
  transition_refused: {
    vi: 'Không thể {action} hồ sơ đang ở trạng thái {state}.',
    en: 'Cannot {action} a case that is {state}.',
  },
  import_conflicts: {
    vi: 'Tệp có {count} dòng không hợp lệ; chưa nhập dòng nào. Xem danh sách xung đột.',
    en: 'The file has {count} invalid rows; nothing was imported. See the conflicts.',
  },
  invalid_photo: {
    vi: 'Tệp {name} không phải là ảnh (chỉ nhận JPEG, PNG, WebP, HEIC).',
    en: 'The file {name} is not a photo (JPEG, PNG, WebP or HEIC only).',
  },
  photo_too_large: { vi: 'Ảnh quá lớn (tối đa {limit} mỗi ảnh).', en: 'The photo is too large (at most {limit} each).' },
  too_many_photos: { vi: 'Chỉ được gửi tối đa {max} ảnh.', en: 'At most {max} photos can be sent.' },
  report_locked: {
    vi: 'Báo cáo đang ở trạng thái {state}: không sửa được (đã gửi hoặc đã duyệt).',
    en: 'The report is {state}: it cannot be edited (submitted or approved).',
  },
  report_conflict: {
    vi: 'Báo cáo đã được lưu ở nơi khác (phiên bản {revision}). Tải lại để không ghi đè.',
    en: 'The report was saved elsewhere (revision {revision}). Reload it so nothing is overwritten.',
  },
  report_invalid: { vi: 'Báo cáo còn {count} lỗi; sửa trước khi gửi.', en: 'The report has {count} errors; fix them before submitting.' },
  children_not_approved: {
    vi: 'Còn {count} báo cáo của đơn vị cấp dưới chưa được duyệt.',
    en: '{count} reports of units below are not approved yet.',
  },
  workbook_invalid: {
    vi: 'Tệp Excel có {count} ô không hợp lệ (ô đầu tiên: {first}); chưa nạp gì. Xem danh sách chi tiết.',
    en: 'The workbook has {count} invalid cells (first: {first}); nothing was loaded. See the details.',
  },
  attachment_type: {
    vi: 'Tệp {name} không được nhận: chỉ nhận PDF, Word, Excel, OpenDocument, JPEG, PNG (kiểm tra theo nội dung tệp).',
    en: 'The file {name} is not accepted: PDF, Word, Excel, OpenDocument, JPEG or PNG only (checked by content).',
  },
  unavailable: { vi: 'Hệ thống đang khởi động hoặc tạm dừng.', en: 'The service is starting or shutting down.' },
  internal: { vi: 'Lỗi hệ thống. Vui lòng thử lại sau.', en: 'Internal error. Please try again later.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof MESSAGES;

/** A template with its `{name}` placeholders filled from params (an absent one stays as written). */
export const fillTemplate = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));

export function formatMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[code][locale], params);
}

/** What is wrong with an indicator formula (formula.ts names the fault; the check of references adds two). */
export const FORMULA_FAULTS: Record<FormulaFault | 'unknown_element' | 'not_disaggregation', Record<Locale, string>> = {
  empty: { vi: 'công thức trống', en: 'the formula is empty' },
  unexpected_end: { vi: 'công thức dừng giữa chừng', en: 'unexpected end of formula' },
  unexpected: { vi: 'ký tự "{ch}" không đúng chỗ', en: 'unexpected "{ch}"' },
  expected_close: { vi: 'thiếu dấu ")"', en: 'expected ")"' },
  unbalanced: { vi: 'thừa dấu ")"', en: 'unbalanced ")"' },
  expected_brace: { vi: 'sau "#" phải là "{"', en: 'expected "{" after "#"' },
  expected_element: { vi: 'thiếu mã chỉ tiêu dữ liệu', en: 'expected a data element code' },
  expected_coc: { vi: 'thiếu mã phân tổ sau dấu "."', en: 'expected a disaggregation code after "."' },
  expected_close_brace: { vi: 'thiếu dấu "}"', en: 'expected "}"' },
  unknown_element: { vi: 'không có chỉ tiêu dữ liệu {code}', en: 'unknown data element {code}' },
  not_disaggregation: { vi: '{coc} không phải là phân tổ của {code}', en: '{coc} is not a disaggregation of {code}' },
};

/** Why a data value is refused: values.ts names the fault, the file importer adds the first five. */
export const VALUE_FAULTS = {
  missing_element: { vi: 'thiếu mã chỉ tiêu dữ liệu', en: 'Data element is missing' },
  missing_period: { vi: 'thiếu mã kỳ', en: 'Period is missing' },
  missing_unit: { vi: 'thiếu mã đơn vị', en: 'Organisation unit is missing' },
  attribute_combo: { vi: 'không có tổ hợp thuộc tính "{value}" (chỉ dùng "default")', en: 'Attribute option combo not found (only "default" is used)' },
  unit_code: { vi: 'không có đơn vị mã {value} có hiệu lực trong kỳ', en: 'Organisation unit not found or not in force during the period' },
  unknown_element: { vi: 'không có chỉ tiêu dữ liệu {value}', en: 'unknown data element {value}' },
  not_period: {
    vi: '"{value}" không phải là mã kỳ (2024, 2024S1, 2024Q3, 2024M07, 2024W31, 20240715)',
    en: '"{value}" is not a period code (2024, 2024S1, 2024Q3, 2024M07, 2024W31, 20240715)',
  },
  period_type: { vi: '{element} chỉ nhận kỳ {typesVi}, không nhận kỳ {typeVi}', en: '{element} accepts {types} periods, not {type}' },
  unknown_unit: { vi: 'không có đơn vị này', en: 'unknown unit' },
  unit_not_in_force: { vi: 'đơn vị không có hiệu lực trong kỳ {period}', en: 'the unit was not in force during {period}' },
  out_of_scope: { vi: 'đơn vị nằm ngoài phạm vi của bạn', en: 'outside your units' },
  not_disaggregation: { vi: 'không phải là phân tổ của {element}', en: 'not a disaggregation of {element}' },
  comment_too_long: { vi: 'ghi chú dài quá 2.000 ký tự', en: 'comment longer than 2,000 characters' },
  text_too_long: { vi: 'văn bản dài quá 50.000 ký tự', en: 'text longer than 50,000 characters' },
  not_boolean: { vi: 'không phải giá trị đúng/sai (true/false)', en: 'not a boolean (true/false)' },
  not_number: { vi: 'không phải là số: "{value}"', en: 'not a number: "{value}"' },
  not_finite: { vi: 'số quá lớn', en: 'not a finite number' },
  not_integer: { vi: 'không phải là số nguyên: {value}', en: 'not an integer: {value}' },
  percentage_range: { vi: 'tỷ lệ phần trăm phải từ 0 đến 100: {value}', en: 'a percentage must lie between 0 and 100: {value}' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ValueFault = keyof typeof VALUE_FAULTS;

/** Period types as Vietnamese readers name them. */
export const PERIOD_TYPE_VI: Record<string, string> = { year: 'năm', sixmonth: '6 tháng', quarter: 'quý', month: 'tháng', week: 'tuần', day: 'ngày' };

/** Messages of the project's own validation rules, by the key the schema gives as its message. */
export const ISSUE_MESSAGES: Record<string, Record<Locale, string>> = {
  name_chars: {
    vi: "chỉ được dùng chữ, số, khoảng trắng và các dấu . , ' ( ) / & – - _ × % :",
    en: "only letters, digits, spaces and . , ' ( ) / & – - _ × % : are allowed",
  },
  no_double_dash: { vi: 'không được chứa "--"', en: 'must not contain "--"' },
  consent_required: {
    vi: 'cần đồng ý cho phép sử dụng thông tin cá nhân để xử lý phản ánh (Nghị định 13/2023/NĐ-CP)',
    en: 'consent to the use of personal data for handling the report is required (Decree 13/2023)',
  },
  code_chars: { vi: 'chỉ được dùng chữ in hoa, số và dấu _', en: 'upper-case letters, digits and _ only' },
};
