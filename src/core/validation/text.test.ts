import { describe, expect, it } from 'vitest';
import { nameText } from './text.js';

describe('names people type', () => {
  it('takes real names of units, people and indicators, with their marks and punctuation', () => {
    for (const name of ['Phường Sóc Trăng', 'Nguyễn Thị Ánh', 'Tỷ lệ người dân từ 15 tuổi trở lên (%)', 'People aged 15+ with a payment account', 'Ấp Tân Hòa – khóm 3']) {
      expect(nameText(200).safeParse(name).success, name).toBe(true);
    }
  });

  it('refuses markup, statement separators and comment markers, naming why', () => {
    expect(nameText(200).safeParse('<b>Phường</b>').error?.issues[0]?.message).toBe('name_chars');
    expect(nameText(200).safeParse('Phường 1; DROP TABLE').error?.issues[0]?.message).toBe('name_chars');
    expect(nameText(200).safeParse('Phường -- 1').error?.issues[0]?.message).toBe('no_double_dash');
  });
});
