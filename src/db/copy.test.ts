import { describe, expect, it } from 'vitest';
import { copyField } from './copy.js';

describe('COPY text fields', () => {
  it('escapes what would end a field or a row, and writes null as \\N', () => {
    expect(copyField('Phường 5')).toBe('Phường 5');
    expect(copyField('a\tb\nc\rd\\N')).toBe('a\\tb\\nc\\rd\\\\N');
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(12.5)).toBe('12.5');
    expect(copyField(false)).toBe('false');
  });
});
