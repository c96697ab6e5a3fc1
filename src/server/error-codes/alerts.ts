import type { ErrorDefinitions } from './definition.js';

/** Alerts and the operations centre. */
export const ALERT_ERRORS = {
  alert_transition_refused: {
    status: 409,
    vi: 'Không thể "{action}" cảnh báo đang ở trạng thái "{state}".',
    en: 'Cannot {action} an alert that is {state}.',
  },
  alert_unit_not_in_force: {
    status: 400,
    vi: 'Đơn vị {unit} không có hiệu lực vào ngày {date} của cảnh báo.',
    en: 'The unit {unit} was not in force on {date}, the day of the alert.',
  },
  alert_step_unknown: {
    status: 400,
    vi: 'Loại cảnh báo này không có bước "{step}" trong quy trình.',
    en: 'This alert type has no step "{step}" in its checklist.',
  },
  alert_assignee_required: {
    status: 400,
    vi: 'Hãy chọn đơn vị hoặc cán bộ được giao xử lý.',
    en: 'Give the unit or the officer to assign.',
  },
  alert_image_single: { status: 400, vi: 'Mỗi cảnh báo chỉ kèm một ảnh (trường "image").', en: 'An alert carries at most one image (field "image").' },
  alert_json_required: {
    status: 400,
    vi: 'Trường "alert" phải chứa nội dung cảnh báo dạng JSON.',
    en: 'The field "alert" must hold the alert as JSON.',
  },
} as const satisfies ErrorDefinitions;
