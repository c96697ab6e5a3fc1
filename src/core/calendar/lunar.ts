import { getLunarDate } from '@dqcai/vn-lunar';

export interface LunarDate { day: number; month: number; year: number; leap: boolean }

/** The Vietnamese lunar date of a solar day ('YYYY-MM-DD'), as farmers' calendars give it. */
export function lunarDate(iso: string): LunarDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const l = getLunarDate(d, m, y);
  return { day: l.day, month: l.month, year: l.year, leap: l.leap };
}

/** "12/9 ÂL" or "3/2 nhuận ÂL" in Vietnamese, "12/9 lunar" in English. */
export function lunarLabel(iso: string, locale: 'vi' | 'en'): string {
  const l = lunarDate(iso);
  if (locale === 'vi') return `${l.day}/${l.month}${l.leap ? ' nhuận' : ''} ÂL`;
  return `${l.day}/${l.month}${l.leap ? ' (leap)' : ''} lunar`;
}
