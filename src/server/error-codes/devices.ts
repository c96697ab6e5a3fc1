import type { ErrorDefinitions } from './definition.js';

/** Field devices and their telemetry (modules/devices). */
export const DEVICE_ERRORS = {
  device_token_invalid: { status: 401, vi: 'Mã truy cập của thiết bị không đúng hoặc đã bị thu hồi.', en: 'The device access token is wrong or has been revoked.' },
  telemetry_refused: {
    status: 400,
    vi: 'Dữ liệu đo không được nhận ({reason}); không giá trị nào của lần gửi này được lưu.',
    en: 'The telemetry was refused ({reason}); nothing of this message was stored.',
  },
  attributes_refused: {
    status: 400,
    vi: 'Thuộc tính của thiết bị không được nhận: {reason}{key}; không thuộc tính nào của lần gửi này được lưu.',
    en: 'The device attributes were refused: {reason}{key}; nothing of this message was stored.',
  },
  provision_refused: { status: 401, vi: 'Khóa hoặc mã bí mật cấp phép thiết bị không đúng.', en: 'The provisioning key or secret is wrong.' },
} as const satisfies ErrorDefinitions;
