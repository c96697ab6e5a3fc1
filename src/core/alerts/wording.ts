import type { AlertState, Severity } from '../../db/schema.js';
import type { AlertAction } from './schema.js';

// How messages and errors name severities, states and actions (the web app has its own in its locale files).

export const SEVERITY_WORDS: Record<Severity, { vi: string; en: string }> = {
  critical: { vi: 'Nghiêm trọng', en: 'Critical' },
  major: { vi: 'Cao', en: 'Major' },
  minor: { vi: 'Trung bình', en: 'Minor' },
  warning: { vi: 'Lưu ý', en: 'Warning' },
  info: { vi: 'Thông tin', en: 'Info' },
};

export const STATE_WORDS: Record<AlertState, { vi: string; en: string }> = {
  open: { vi: 'mới', en: 'open' },
  acknowledged: { vi: 'đã tiếp nhận', en: 'acknowledged' },
  assigned: { vi: 'đã giao xử lý', en: 'assigned' },
  resolved: { vi: 'đã xử lý xong', en: 'resolved' },
  closed: { vi: 'đã đóng', en: 'closed' },
  dismissed: { vi: 'đã bỏ qua', en: 'dismissed' },
};

export const ACTION_WORDS: Record<AlertAction, { vi: string; en: string }> = {
  acknowledge: { vi: 'tiếp nhận', en: 'acknowledge' },
  assign: { vi: 'giao xử lý', en: 'assign' },
  resolve: { vi: 'xử lý xong', en: 'resolve' },
  close: { vi: 'đóng', en: 'close' },
  dismiss: { vi: 'bỏ qua', en: 'dismiss' },
  reopen: { vi: 'mở lại', en: 'reopen' },
  note: { vi: 'ghi chú', en: 'note' },
  check: { vi: 'đánh dấu bước', en: 'tick a step of' },
  uncheck: { vi: 'bỏ đánh dấu bước', en: 'untick a step of' },
};
