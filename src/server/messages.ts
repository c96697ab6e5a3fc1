import type { FormulaFault } from '../core/data/index.js';
import type { Locale } from '../db/schema.js';
import { FIELD_ISSUE_MESSAGES } from './field-messages.js';

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
  not_in_data_set: { vi: 'chỉ tiêu {value} không thuộc bộ dữ liệu {dataSet}', en: 'data element {value} is not in the data set {dataSet}' },
  not_period: {
    vi: '"{value}" không phải là mã kỳ (2024, 2024S1, 2024Q3, 2024M07, 2024W31, 20240715)',
    en: '"{value}" is not a period code (2024, 2024S1, 2024Q3, 2024M07, 2024W31, 20240715)',
  },
  period_type: { vi: '{element} chỉ nhận kỳ {typesVi}, không nhận kỳ {typeVi}', en: '{element} accepts {types} periods, not {type}' },
  unknown_unit: { vi: 'không có đơn vị này', en: 'unknown unit' },
  unit_not_in_force: { vi: 'đơn vị không có hiệu lực trong kỳ {period}', en: 'the unit was not in force during {period}' },
  out_of_scope: { vi: 'đơn vị nằm ngoài phạm vi của bạn', en: 'outside your units' },
  computed_element: { vi: '{element} do hệ thống tự tính, không nhập tay', en: '{element} is computed by the platform, not entered' },
  level_not_reporting: { vi: '{element} do {levelsVi} báo cáo, không do {levelVi}', en: '{element} is reported by {levels}, not by a {level}' },
  not_disaggregation: { vi: 'không phải là phân tổ của {element}', en: 'not a disaggregation of {element}' },
  comment_too_long: { vi: 'ghi chú dài quá 2.000 ký tự', en: 'comment longer than 2,000 characters' },
  text_too_long: { vi: 'văn bản dài quá 50.000 ký tự', en: 'text longer than 50,000 characters' },
  not_boolean: { vi: 'không phải giá trị đúng/sai (true/false)', en: 'not a boolean (true/false)' },
  not_number: { vi: 'không phải là số: "{value}"', en: 'not a number: "{value}"' },
  not_finite: { vi: 'số quá lớn', en: 'not a finite number' },
  out_of_range: { vi: 'số vượt quá giới hạn cho phép (±10^15): {value}', en: 'beyond the allowed magnitude (±10^15): {value}' },
  not_integer: { vi: 'không phải là số nguyên: {value}', en: 'not an integer: {value}' },
  percentage_range: { vi: 'tỷ lệ phần trăm phải từ 0 đến 100: {value}', en: 'a percentage must lie between 0 and 100: {value}' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ValueFault = keyof typeof VALUE_FAULTS;

/** Period types as Vietnamese readers name them. */
export const PERIOD_TYPE_VI: Record<string, string> = { year: 'năm', sixmonth: '6 tháng', quarter: 'quý', month: 'tháng', week: 'tuần', day: 'ngày' };

/** An indicator's baseline and target as Vietnamese readers name them. */
export const TARGET_KIND_VI: Record<'baseline' | 'target', string> = { baseline: 'cơ sở', target: 'mục tiêu' };

/** Messages of the project's own validation rules, by the key the schema gives as its message. */
export const ISSUE_MESSAGES: Record<string, Record<Locale, string>> = {
  name_chars: {
    vi: "chỉ được dùng chữ, số, khoảng trắng và các dấu . , ' ( ) / & – - _ × % : +",
    en: "only letters, digits, spaces and . , ' ( ) / & – - _ × % : + are allowed",
  },
  no_double_dash: { vi: 'không được chứa "--"', en: 'must not contain "--"' },
  consent_required: {
    vi: 'cần đồng ý cho phép sử dụng thông tin cá nhân để xử lý phản ánh (Nghị định 13/2023/NĐ-CP)',
    en: 'consent to the use of personal data for handling the report is required (Decree 13/2023)',
  },
  code_chars: { vi: 'chỉ được dùng chữ in hoa, số và dấu _', en: 'upper-case letters, digits and _ only' },
  identifier_chars: {
    vi: 'chỉ được dùng chữ không dấu, số, dấu chấm, gạch ngang và gạch dưới',
    en: 'letters, digits, dot, dash and underscore only',
  },
  http_or_https: { vi: 'địa chỉ phải bắt đầu bằng http:// hoặc https://', en: 'the address must start with http:// or https://' },
  period_or_dates: {
    vi: 'cần có kỳ (period), hoặc startDate và endDate, hoặc lastUpdated',
    en: 'give period, or startDate and endDate, or lastUpdated',
  },
  element_or_data_set: { vi: 'cần có chỉ tiêu (dataElement) hoặc bộ dữ liệu (dataSet)', en: 'give dataElement or dataSet' },
  element_or_indicator: { vi: 'cần có đúng một trong hai: element hoặc indicator', en: 'give either element or indicator' },
  period_codes: {
    vi: 'không phải là danh sách mã kỳ (ví dụ 2024;2024Q3;2024M07)',
    en: 'not a list of period codes (e.g. 2024;2024Q3;2024M07)',
  },
  email_or_phone: { vi: 'cần có e-mail hoặc số điện thoại', en: 'give an e-mail or a phone number' },
  reporting_level_or_units: {
    vi: 'cần chọn cấp báo cáo hoặc danh sách đơn vị báo cáo',
    en: 'give a reporting level or a list of units',
  },
  date_year: { vi: 'năm phải từ 1 đến 9999', en: 'the year must be between 1 and 9999' },
  evidence_size: { vi: 'bằng chứng (evidence) dài quá 8 kB khi viết thành JSON', en: 'the evidence is longer than 8 kB as JSON' },
  ring_not_closed: {
    vi: 'vòng ranh giới chưa khép kín (điểm đầu và điểm cuối khác nhau)',
    en: 'ring is not closed (first and last positions differ)',
  },
  headers_at_most_10: { vi: 'tối đa 10 tiêu đề (header)', en: 'at most 10 headers' },
  xyz_template: { vi: 'cần mẫu địa chỉ http(s) có {z}, {x} và {y}', en: 'expected an http(s) template with {z}, {x} and {y}' },
  mqtt_url: { vi: 'cần địa chỉ mqtt://… hoặc mqtts://…', en: 'expected an mqtt://… or mqtts://… address' },
  ...FIELD_ISSUE_MESSAGES,
};
