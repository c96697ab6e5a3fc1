/**
 * Dates as the province lives them: Việt Nam's day (UTC+7), written day/month/year in either language (en-GB reads
 * dates the same way), so a screen never shows an ISO date. Every date or moment shown to users goes through here.
 */
const VN_OFFSET_MS = 7 * 3600_000;

const vnIso = (at: string | Date) => new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + VN_OFFSET_MS).toISOString();

/** Today in Việt Nam, as an ISO date. */
export const vnToday = () => vnIso(new Date()).slice(0, 10);

/** The Vietnamese day of a moment (an ISO timestamp), as an ISO date. */
export const vnDateOf = (at: string | Date) => vnIso(at).slice(0, 10);

/** 2026-11-25 → 25/11/2026; a moment (2026-11-25T10:00:00Z) → its day in Việt Nam. */
export const dayMonthYear = (iso: string) => {
  const day = iso.length > 10 ? vnDateOf(iso) : iso;
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
};

/** A moment as read in Việt Nam: 25/11/2026 17:05. */
export const dateTime = (at: string | Date) => {
  const iso = vnIso(at);
  return `${dayMonthYear(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
};
