import type { ErrorDefinitions } from './definition.js';

const UNCHANGED = { vi: 'Cơ sở dữ liệu không bị thay đổi.', en: 'The database was not changed.' };

/**
 * Restoring a backup (the operator tool): each way a file can fail to prove itself whole has its own code, and each
 * says that nothing was written, because restore refuses before it touches the database.
 */
export const BACKUP_ERRORS = {
  backup_file_missing: { status: 404, vi: 'Không có tệp sao lưu {file}.', en: 'There is no backup file {file}.' },
  backup_unreadable: {
    status: 400,
    vi: `Không đọc được tệp {file}: đây không phải tệp gzip, hoặc tệp nén đã hỏng hay bị cắt ngắn. ${UNCHANGED.vi}`,
    en: `The file {file} cannot be read: it is not gzip, or the compressed file is damaged or cut short. ${UNCHANGED.en}`,
  },
  backup_not_a_backup: {
    status: 400,
    vi: `Tệp {file} không phải bản sao lưu Tỉnh Số (dòng đầu không phải phần đầu của một bản sao lưu). ${UNCHANGED.vi}`,
    en: `The file {file} is not a Tỉnh Số backup (its first line is not a backup header). ${UNCHANGED.en}`,
  },
  backup_format_old: {
    status: 400,
    vi: `Bản sao lưu {file} có định dạng cũ {format}, không có dòng kết thúc nên không thể chứng minh là còn nguyên vẹn; phiên bản này không khôi phục nó. Hãy khôi phục bằng phiên bản đã tạo ra nó, rồi sao lưu lại bằng phiên bản này. ${UNCHANGED.vi}`,
    en: `The backup {file} is in the old format {format}, which has no end record, so it cannot be proven whole; this version does not restore it. Restore it with the version that made it, then back up again with this one. ${UNCHANGED.en}`,
  },
  backup_format_unknown: {
    status: 400,
    vi: `Bản sao lưu {file} có định dạng {format} mà phiên bản này không đọc được (phiên bản này đọc {expected}). ${UNCHANGED.vi}`,
    en: `The backup {file} is in the format {format}, which this version cannot read (it reads {expected}). ${UNCHANGED.en}`,
  },
  backup_header_only: {
    status: 400,
    vi: `Bản sao lưu {file} chỉ có phần đầu, không có dữ liệu và không có dòng kết thúc: tệp đã bị cắt ngắn. ${UNCHANGED.vi}`,
    en: `The backup {file} holds only its header, with no data and no end record: the file was cut short. ${UNCHANGED.en}`,
  },
  backup_truncated: {
    status: 400,
    vi: `Bản sao lưu {file} dừng ở dòng {line} (dữ liệu của bảng {table}) mà không có dòng kết thúc: tệp đã bị cắt ngắn hoặc chưa ghi xong. ${UNCHANGED.vi}`,
    en: `The backup {file} stops at line {line} (rows of the table {table}) without its end record: the file was cut short or never finished. ${UNCHANGED.en}`,
  },
  backup_line_cut: {
    status: 400,
    vi: `Dòng {line} của bản sao lưu {file} bị cắt giữa chừng: tệp không trọn vẹn. ${UNCHANGED.vi}`,
    en: `Line {line} of the backup {file} is cut off in the middle: the file is incomplete. ${UNCHANGED.en}`,
  },
  backup_line_unreadable: {
    status: 400,
    vi: `Dòng {line} của bản sao lưu {file} không đọc được: tệp đã hỏng hoặc bị sửa. ${UNCHANGED.vi}`,
    en: `Line {line} of the backup {file} cannot be read: the file is damaged or was edited. ${UNCHANGED.en}`,
  },
  backup_after_end: {
    status: 400,
    vi: `Bản sao lưu {file} vẫn còn dữ liệu sau dòng kết thúc (dòng {line}): tệp đã bị ghép thêm hoặc bị sửa. ${UNCHANGED.vi}`,
    en: `The backup {file} goes on after its end record (line {line}): something was appended or the file was edited. ${UNCHANGED.en}`,
  },
  backup_end_record_invalid: {
    status: 400,
    vi: `Dòng kết thúc của bản sao lưu {file} (dòng {line}) không khớp với phần đầu của nó: tệp đã hỏng hoặc bị sửa. ${UNCHANGED.vi}`,
    en: `The end record of the backup {file} (line {line}) does not match its header: the file is damaged or was edited. ${UNCHANGED.en}`,
  },
  backup_row_count_mismatch: {
    status: 400,
    vi: `Bảng {table} trong bản sao lưu {file} có {actual} bản ghi, nhưng dòng kết thúc ghi {expected}: tệp không trọn vẹn. ${UNCHANGED.vi}`,
    en: `The table {table} in the backup {file} has {actual} rows, but its end record counts {expected}: the file is incomplete. ${UNCHANGED.en}`,
  },
  backup_checksum_mismatch: {
    status: 400,
    vi: `Dữ liệu bảng {table} trong bản sao lưu {file} không khớp với mã kiểm tra SHA-256 ở dòng kết thúc: tệp đã hỏng hoặc bị sửa. ${UNCHANGED.vi}`,
    en: `The rows of the table {table} in the backup {file} do not match the SHA-256 checksum in its end record: the file is damaged or was edited. ${UNCHANGED.en}`,
  },
  backup_file_checksum_mismatch: {
    status: 400,
    vi: `Bản sao lưu {file} không khớp với mã kiểm tra SHA-256 của cả tệp ở dòng kết thúc (phần đầu hoặc thứ tự các dòng đã bị sửa). ${UNCHANGED.vi}`,
    en: `The backup {file} does not match the whole-file SHA-256 checksum in its end record (its header or the order of its lines was edited). ${UNCHANGED.en}`,
  },
  backup_changed: {
    status: 409,
    vi: `Tệp {file} đã thay đổi trong lúc khôi phục nên mọi thay đổi đã được hủy. ${UNCHANGED.vi} Hãy chạy lại khi tệp không còn bị ghi.`,
    en: `The file {file} changed while it was being restored, so everything was rolled back. ${UNCHANGED.en} Run again once nothing writes to the file.`,
  },
  backup_schema_mismatch: {
    status: 409,
    vi: `Bản sao lưu {file} được tạo với các migration [{backup}], còn cơ sở dữ liệu có [{database}]: hãy khôi phục bằng cùng một phiên bản. ${UNCHANGED.vi}`,
    en: `The backup {file} was made with the migrations [{backup}], the database has [{database}]: restore it with the same version. ${UNCHANGED.en}`,
  },
  backup_tables_unknown: {
    status: 409,
    vi: `Bản sao lưu {file} có các bảng mà cơ sở dữ liệu này không có: {tables}. ${UNCHANGED.vi}`,
    en: `The backup {file} has tables this database lacks: {tables}. ${UNCHANGED.en}`,
  },
} as const satisfies ErrorDefinitions;
