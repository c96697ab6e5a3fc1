// The Vietnamese working calendar: public holidays, announced swaps, deadlines in working days.
// The public surface: other modules import this file only (see docs/architecture.md).
export { calendarRoutes } from './routes.js';
export { loadWorkingCalendar } from './service.js';
export { VN_UTC_OFFSET_MS, WorkingCalendar, addDays, dayMonthYear, vnDate } from './working-days.js';
export type { HolidayRule } from './working-days.js';
export { lunarDate, lunarLabel } from './lunar.js';
export type { LunarDate } from './lunar.js';
