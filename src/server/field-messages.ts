import type { Locale } from '../db/schema.js';

/**
 * Messages of the project's own validation rules for the capabilities' fields (time ranges, trap counts, device
 * attributes, GS1 keys and the traceability catalogue), by the key the schema gives as its message. Part of
 * ISSUE_MESSAGES (messages.ts), kept here for its size.
 */
export const FIELD_ISSUE_MESSAGES: Record<string, Record<Locale, string>> = {
  from_before_to: { vi: 'thời điểm bắt đầu phải trước thời điểm kết thúc', en: 'the start must come before the end' },
  range_400_days: { vi: 'khoảng thời gian tối đa 400 ngày', en: 'at most 400 days' },
  species_unknown: { vi: 'loài không có trong danh mục bẫy đèn', en: 'not a species the light traps count' },
  counts_required: { vi: 'cần số đếm của ít nhất một loài', en: 'give the count of at least one species' },
  stage_unknown: { vi: 'giai đoạn cây trồng không có trong danh mục', en: 'not a crop stage of the list' },
  window_dates: { vi: 'ngày bắt đầu phải trước hoặc bằng ngày kết thúc', en: 'the first day must not come after the last' },
  values_1_to_100: { vi: 'từ 1 đến 100 giá trị mỗi lần gửi', en: 'from 1 to 100 values per message' },
  attribute_key: { vi: 'tên thuộc tính phải bắt đầu bằng chữ cái, chỉ gồm chữ cái không dấu, chữ số và "_" (tối đa 60 ký tự)', en: 'an attribute name starts with a letter and holds only letters, digits and "_" (at most 60)' },
  attribute_value: { vi: 'giá trị thuộc tính phải là chữ (tối đa 200 ký tự), số hoặc đúng/sai', en: 'an attribute value is a text (at most 200 characters), a number or true/false' },
  attributes_1_to_50: { vi: 'từ 1 đến 50 thuộc tính mỗi lần gửi', en: 'from 1 to 50 attributes per message' },
  attributes_at_most_100: { vi: 'một thiết bị có tối đa 100 thuộc tính', en: 'a device holds at most 100 attributes' },
  attribute_reserved: { vi: 'thuộc tính "gateway" do quản trị viên đặt, thiết bị không tự gửi', en: 'the "gateway" attribute is set by an administrator, not sent by the device' },
  attributes_too_large: { vi: 'thuộc tính gửi một lần dài quá 8 kB', en: 'the attributes of one message exceed 8 kB' },
  attributes_object: { vi: 'thuộc tính phải là một đối tượng JSON {"tên": giá trị}', en: 'attributes must be one JSON object {"name": value}' },
  gtin_length: { vi: 'GTIN gồm 8, 12, 13 hoặc 14 chữ số', en: 'a GTIN has 8, 12, 13 or 14 digits' },
  gtin_check_digit: { vi: 'chữ số kiểm tra của GTIN không đúng', en: 'the GTIN\'s check digit is wrong' },
  gln_length: { vi: 'GLN gồm 13 chữ số', en: 'a GLN has 13 digits' },
  gln_check_digit: { vi: 'chữ số kiểm tra của GLN không đúng', en: 'the GLN\'s check digit is wrong' },
  tax_code_format: { vi: 'mã số thuế gồm 10 chữ số, hoặc 13 với mã chi nhánh (0301234567-001)', en: 'a tax code has 10 digits, or 13 with a branch (0301234567-001)' },
  gs1_chars: { vi: 'chỉ gồm chữ cái không dấu, chữ số và các dấu GS1 cho phép (tối đa 20 ký tự)', en: 'only unaccented letters, digits and the punctuation GS1 allows (at most 20 characters)' },
  phone_format: { vi: 'số điện thoại gồm 8 đến 20 chữ số', en: 'a phone number has 8 to 20 digits' },
  uri_format: { vi: 'phải là một URI (urn:epc:id:sgln:… hoặc https://…)', en: 'must be a URI (urn:epc:id:sgln:… or https://…)' },
  lat_lon_together: { vi: 'cần cả vĩ độ và kinh độ, hoặc không có cả hai', en: 'give both latitude and longitude, or neither' },
  category_unknown: { vi: 'nhóm sản phẩm không có trong danh mục', en: 'not a product category of the list' },
  ocop_group_unknown: { vi: 'nhóm OCOP không có trong danh mục (Quyết định 148/QĐ-TTg)', en: 'not an OCOP group of the list (Decision 148/QĐ-TTg)' },
  ocop_stars_group: { vi: 'sản phẩm OCOP cần cả số sao và nhóm sản phẩm', en: 'an OCOP product needs both its stars and its group' },
  expiry_after_production: { vi: 'hạn sử dụng không được trước ngày sản xuất', en: 'the expiry date cannot come before the production date' },
  scheme_unknown: { vi: 'loại chứng nhận không có trong danh mục', en: 'not a certification scheme of the list' },
  valid_to_after_from: { vi: 'ngày hết hiệu lực không được trước ngày cấp', en: 'the end of validity cannot come before its start' },
};
