import type { ErrorDefinitions } from './definition.js';

/** Connectors to other systems (modules/connectors): a pull that fails, a configuration refused, a row refused. */
export const CONNECTOR_ERRORS = {
  connector_http_status: {
    status: 422,
    vi: 'Hệ thống nguồn trả lời mã HTTP {httpStatus}.',
    en: 'The source system answered HTTP {httpStatus}.',
  },
  connector_timeout: {
    status: 422,
    vi: 'Hệ thống nguồn không trả lời trong {seconds} giây.',
    en: 'The source system did not answer within {seconds} seconds.',
  },
  connector_unreachable: {
    status: 422,
    vi: 'Không kết nối được tới hệ thống nguồn ({reason}).',
    en: 'Could not reach the source system ({reason}).',
  },
  connector_too_large: {
    status: 422,
    vi: 'Dữ liệu của hệ thống nguồn vượt quá {max} MB.',
    en: 'The source system sent more than {max} MB.',
  },
  connector_parse_failed: {
    status: 422,
    vi: 'Không đọc được dữ liệu nhận về theo định dạng {format}: {reason}.',
    en: 'The data received could not be read as {format}: {reason}.',
  },
  connector_not_array: {
    status: 422,
    vi: 'Dữ liệu JSON không có danh sách bản ghi tại "{path}".',
    en: 'The JSON data holds no list of records at "{path}".',
  },
  connector_row_missing: {
    status: 400,
    vi: 'Thiếu giá trị ở trường "{name}".',
    en: 'The field "{name}" has no value.',
  },
  connector_row_unit: {
    status: 400,
    vi: 'Không có đơn vị mang mã "{code}" trong kỳ {period}.',
    en: 'No unit bore the code "{code}" in the period {period}.',
  },
  connector_row_not_object: {
    status: 400,
    vi: 'Bản ghi không phải là một đối tượng JSON.',
    en: 'The record is not a JSON object.',
  },
} as const satisfies ErrorDefinitions;
