import { z } from 'zod';

/**
 * Names of people, units and devices: letters of any script with their marks, digits, spaces and the punctuation
 * real names use. Markup, statement separators and comment markers are refused outright, so such input never
 * reaches a screen, an export or a log as anything but a clear 400.
 */
const NAME = /^[\p{L}\p{M}\p{N} .,'()/&–_×%:+-]+$/u;

export const nameText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(NAME, { message: 'name_chars' })
    .refine((s) => !s.includes('--'), { message: 'no_double_dash' });
