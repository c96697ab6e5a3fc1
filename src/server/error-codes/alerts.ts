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
  alert_type_taken: {
    status: 409,
    vi: 'Mã loại cảnh báo "{code}" đã được dùng; hãy chọn mã khác.',
    en: 'The alert type code "{code}" is already taken; choose another.',
  },
  alert_field_unknown: {
    status: 400,
    vi: 'Không có lĩnh vực "{code}"; hãy chọn một lĩnh vực trong danh mục.',
    en: 'There is no field "{code}"; choose one of the listed fields.',
  },
  alert_type_in_use: {
    status: 409,
    vi: 'Không xoá được loại cảnh báo "{code}" vì đang có {count} cảnh báo thuộc loại này. Hãy ngừng sử dụng loại này: không nhận cảnh báo mới, các cảnh báo hiện có vẫn được xử lý đến cùng.',
    en: 'The alert type "{code}" cannot be removed: {count} alerts are of this type. Retire it instead: no new alerts of it are accepted, and the existing ones are handled to their end.',
  },
  alert_type_shipped: {
    status: 409,
    vi: 'Loại cảnh báo "{code}" có sẵn trong nền tảng nên không xoá được; có thể ngừng sử dụng loại này.',
    en: 'The alert type "{code}" ships with the platform and cannot be removed; it can be retired.',
  },
  alert_type_platform: {
    status: 409,
    vi: 'Loại cảnh báo "{code}" do chính các phân hệ của nền tảng phát sinh nên không thể ngừng sử dụng hay xoá.',
    en: 'The platform\'s own modules raise alerts of type "{code}": it can be neither retired nor removed.',
  },
  alert_type_retired: {
    status: 409,
    vi: 'Loại cảnh báo "{code}" đã ngừng sử dụng, không nhận cảnh báo mới.',
    en: 'The alert type "{code}" is retired: no new alerts of it are accepted.',
  },
} as const satisfies ErrorDefinitions;
