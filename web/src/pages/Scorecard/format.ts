/** A figure in the reader's language, to the indicator's decimals; a dash when there is none. */
export const format = (value: number | null | undefined, decimals: number, locale: string) =>
  value === null || value === undefined ? '—' : value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
