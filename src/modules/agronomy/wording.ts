import { dayMonthYear, lunarLabel } from '../../core/calendar/index.js';
import type { Locale } from '../../db/schema.js';

// How agronomy says its numbers and dates, in Vietnamese first (decimal comma) and English.

const formats = { vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) };

export const perMille = (value: number, locale: Locale) => `${formats[locale].format(value)}‰`;

/** "20/10/2026 (10/9 ÂL)": a farmer's calendar gives both. */
export const solarAndLunar = (iso: string, locale: Locale) => `${dayMonthYear(iso)} (${lunarLabel(iso, locale)})`;
