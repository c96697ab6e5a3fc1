import { z } from 'zod';

/** The years a date may have: those PostgreSQL stores and ISO 8601 writes in four digits. */
const inRange = (year: number) => year >= 1 && year <= 9999;

/**
 * A calendar date, YYYY-MM-DD. zod's z.iso.date() lets the year 0000 through, which PostgreSQL does not have (1 BC
 * is followed by AD 1) and refuses as out of range: such a date is refused here, as a 400 naming the field.
 */
export const isoDate = () => z.iso.date().refine((d) => !d.startsWith('0000-'), { message: 'date_year' });

/** A moment given as a date or a timestamp (read as a Date), in the same years. */
export const instant = () => z.coerce.date().refine((d) => inRange(d.getUTCFullYear()), { message: 'date_year' });
