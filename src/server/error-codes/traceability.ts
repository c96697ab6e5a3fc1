import type { ErrorDefinitions } from './definition.js';

/** Producers, products and lots, EPCIS capture and query, the Digital Link resolver (modules/traceability). */
export const TRACEABILITY_ERRORS = {
  producer_verified_field: {
    status: 409,
    vi: 'Cơ sở đã được xác minh: đơn vị hành chính, mã số thuế và GLN chỉ do cán bộ sở thay đổi.',
    en: 'The producer has been verified: its unit, tax code and GLN are changed by the department only.',
  },
  producer_status_move: {
    status: 409,
    vi: 'Không chuyển được cơ sở từ trạng thái "{from}" sang "{to}".',
    en: 'A producer cannot move from "{from}" to "{to}".',
  },
  gtin_taken: { status: 409, vi: 'Mã GTIN {gtin} đã được đăng ký cho một sản phẩm khác.', en: 'The GTIN {gtin} is registered to another product.' },
  lot_taken: { status: 409, vi: 'Sản phẩm này đã có lô {lot}.', en: 'This product already has a lot {lot}.' },
  lot_already_recalled: { status: 409, vi: 'Lô này đã bị thu hồi.', en: 'This lot has already been recalled.' },
  place_taken: { status: 409, vi: 'Mã vùng/cơ sở {code} hoặc định danh vị trí của nó đã được dùng.', en: 'The place code {code} or its location identifier is already in use.' },
  epcis_invalid: {
    status: 400,
    vi: 'Tài liệu EPCIS có {count} lỗi, không sự kiện nào được lưu. Lỗi đầu tiên: {first}',
    en: 'The EPCIS document has {count} problem(s); no event was stored. The first: {first}',
  },
  epcis_too_large: {
    status: 413,
    vi: 'Mỗi lần ghi nhận tối đa {max} sự kiện (tài liệu có {count}).',
    en: 'A capture holds at most {max} events (this one has {count}).',
  },
  epcis_not_json: { status: 415, vi: 'Gửi tài liệu EPCIS dạng JSON-LD (application/ld+json hoặc application/json).', en: 'Send the EPCIS document as JSON-LD (application/ld+json or application/json).' },
  epcis_xml_invalid: { status: 400, vi: 'Tài liệu EPCIS dạng XML không đọc được: {detail}', en: 'The EPCIS XML document cannot be read: {detail}' },
  epcis_query_invalid: { status: 400, vi: 'Tham số truy vấn EPCIS không hợp lệ: {detail}', en: 'Invalid EPCIS query parameter: {detail}' },
  epcis_page_token: { status: 400, vi: 'Mã trang (nextPageToken) không đúng hoặc đã hết hạn.', en: 'The nextPageToken is wrong or has expired.' },
  producer_required: {
    status: 400,
    vi: 'Cán bộ ghi nhận sự kiện thay cho một cơ sở cần nêu cơ sở đó (producerId).',
    en: 'An officer capturing on behalf of a producer names it (producerId).',
  },
  digital_link_invalid: { status: 400, vi: 'Mã không phải GS1 Digital Link hợp lệ: {detail}', en: 'Not a valid GS1 Digital Link: {detail}' },
  not_registered: { status: 404, vi: 'Mã {code} chưa được đăng ký trên Tỉnh Số.', en: 'The code {code} is not registered on Tỉnh Số.' },
  certificate_json_required: {
    status: 400,
    vi: 'Gửi chứng nhận dạng JSON trong trường "certificate" của biểu mẫu, tệp minh chứng trong trường "evidence".',
    en: 'Send the certificate as JSON in the form field "certificate", its evidence file in "evidence".',
  },
  evidence_type: {
    status: 400,
    vi: 'Tệp minh chứng {name} không được nhận: chỉ nhận PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).',
    en: 'The evidence file {name} is not accepted: PDF, JPEG or PNG only (checked by content).',
  },
  lot_recalled: { status: 409, vi: 'Lô này đã bị thu hồi: không cấp thêm số sê-ri.', en: 'This lot has been recalled: no more serials are issued.' },
  import_file_type: {
    status: 400,
    vi: 'Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx) trong trường "file".',
    en: 'Only a CSV (UTF-8) or Excel (.xlsx) file is accepted in the field "file".',
  },
  import_too_many_rows: { status: 413, vi: 'Mỗi lần nhập tối đa {max} dòng (tệp có {count}); hãy chia nhỏ tệp.', en: 'An import holds at most {max} rows (the file has {count}); split it.' },
  import_empty: { status: 400, vi: 'Tệp không có dòng sản phẩm hay lô hàng nào.', en: 'The file holds no product or lot row.' },
  import_invalid: {
    status: 400,
    vi: 'Tệp có {count} lỗi (đầu tiên: dòng {row}, cột {field}); chưa lưu gì. Xem danh sách chi tiết.',
    en: 'The file has {count} problem(s) (first: row {row}, column {field}); nothing was stored. See the details.',
  },
  link_type_missing: { status: 404, vi: 'Mã {code} không có liên kết loại {linkType}.', en: 'The code {code} has no link of type {linkType}.' },
} as const satisfies ErrorDefinitions;
