import type { ErrorDefinitions } from './definition.js';

/** The data-value store: catalogue, values, formulas, imports. */
export const DATA_ERRORS = {
  invalid_value: {
    status: 400,
    vi: 'Dữ liệu không hợp lệ ở dòng {row} ({field}): {reasonVi}',
    en: 'Invalid value in row {row} ({field}): {reasonEn}',
  },
  values_misfit: {
    status: 400,
    vi: '{count} giá trị đã lưu không hợp với kiểu mới (đầu tiên: {first}); chưa đổi gì.',
    en: '{count} stored values do not fit the new type (first: {first}); nothing was changed.',
  },
  invalid_formula: {
    status: 400,
    vi: 'Công thức không hợp lệ tại vị trí {position}: {reasonVi}',
    en: 'Invalid formula at position {position}: {reasonEn}',
  },
  import_conflicts: {
    status: 409,
    vi: 'Tệp có {count} dòng không hợp lệ; chưa nhập dòng nào. Xem danh sách xung đột.',
    en: 'The file has {count} invalid rows; nothing was imported. See the conflicts.',
  },
  workbook_unreadable: { status: 400, vi: 'Tệp không phải là bảng tính XLSX đọc được.', en: 'The file is not a readable XLSX workbook.' },
  workbook_no_sheet: {
    status: 400,
    vi: 'Tệp nén không có trang tính nào nên không phải là bảng tính Excel (.xlsx).',
    en: 'The ZIP archive holds no worksheet, so it is not an Excel workbook (.xlsx).',
  },
  workbook_too_large: {
    status: 413,
    vi: 'Bảng tính giải nén ra quá lớn (tối đa {limit}); hãy chia nhỏ tệp hoặc gửi dạng CSV.',
    en: 'The workbook is too large once unzipped (at most {limit}); split it or send CSV.',
  },
  workbook_too_many_rows: {
    status: 413,
    vi: 'Bảng tính có quá nhiều dòng (tối đa {limit}); hãy chia nhỏ tệp hoặc gửi dạng CSV.',
    en: 'The workbook has too many rows (at most {limit}); split it or send CSV.',
  },
  workbook_too_many_cells: {
    status: 413,
    vi: 'Bảng tính có quá nhiều ô (tối đa {limit}); hãy chia nhỏ tệp hoặc gửi dạng CSV.',
    en: 'The workbook has too many cells (at most {limit}); split it or send CSV.',
  },
  workbook_busy: {
    status: 503,
    vi: 'Máy chủ đang đọc nhiều bảng tính cùng lúc; hãy gửi lại tệp sau {after} giây.',
    en: 'The server is reading many workbooks at once; send the file again in {after} seconds.',
  },
  csv_unreadable: {
    status: 400,
    vi: 'Tệp CSV không đọc được ở dòng {line} (lỗi {csvCode}).',
    en: 'The CSV file cannot be read at line {line}: {detail}',
  },
  unknown_data_set: { status: 400, vi: 'Không có bộ dữ liệu (chế độ báo cáo) mã {code}.', en: 'There is no data set (reporting regime) {code}.' },
  unknown_element: { status: 400, vi: 'Không có chỉ tiêu dữ liệu {code}.', en: 'There is no data element {code}.' },
  element_period_type: { status: 400, vi: 'Chỉ tiêu {code} không nhận kỳ {typeVi}.', en: '{code} does not accept {type} periods.' },
  coc_required: {
    status: 400,
    vi: 'Chỉ tiêu {code} được nhập theo phân tổ {combo}: hãy chọn phân tổ.',
    en: '{code} is entered by {combo}: give a disaggregation (coc).',
  },
  not_disaggregation: { status: 400, vi: '{coc} không phải là phân tổ của {code}.', en: '{coc} is not a disaggregation of {code}.' },
  option_repeated: { status: 400, vi: 'Phân loại {category} có mã lựa chọn bị lặp.', en: 'An option code of {category} is repeated.' },
  category_options_differ: {
    status: 409,
    vi: 'Phân loại {code} đã có với các lựa chọn {options}.',
    en: '{code} already exists with the options {options}.',
  },
  text_not_aggregable: {
    status: 400,
    vi: 'Giá trị dạng văn bản không tổng hợp được: dùng aggUnits "none".',
    en: 'Text values cannot be aggregated: use aggUnits "none".',
  },
  target_repeated: {
    status: 400,
    vi: 'Giá trị {kindVi} của năm {year} được nhập hai lần.',
    en: 'The {kind} of {year} is given twice.',
  },
} as const satisfies ErrorDefinitions;
