/** Dates as the province lives them: Việt Nam's day (UTC+7), written day/month/year. */
const VN_OFFSET_MS = 7 * 3600_000;

/** Today in Việt Nam, as an ISO date. */
export const vnToday = () => new Date(Date.now() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** The Vietnamese day of a moment (an ISO timestamp). */
export const vnDateOf = (at: string) => new Date(Date.parse(at) + VN_OFFSET_MS).toISOString().slice(0, 10);

/** 2026-11-25 → 25/11/2026. */
export const dayMonthYear = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
