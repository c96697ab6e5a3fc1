import { describe, expect, it } from 'vitest';
import { MASK, maskPersonalData, publicText, publicWords } from './privacy.js';

describe('personal data in public text', () => {
  it('masks Vietnamese phone numbers in their usual spellings and e-mail addresses', () => {
    expect(maskPersonalData('Gọi 0912 345 678 hoặc +84 912.345.678, mail nguyen.van.a@gmail.com')).toBe(`Gọi ${MASK} hoặc ${MASK}, mail ${MASK}`);
    expect(maskPersonalData('Số nhà 0299-3822 123')).toBe(`Số nhà ${MASK}`);
  });
  it('leaves house numbers, dates and amounts alone', () => {
    const text = 'Ổ gà trước số 123 đường Lê Lợi từ ngày 15/07/2025, sâu 20 cm, dài 2.000 m';
    expect(maskPersonalData(text)).toBe(text);
  });
  it('prefers the text an officer wrote for publication', () => {
    expect(publicText({ description: 'Gọi 0912345678', public_description: 'Đường hư hỏng' })).toBe('Đường hư hỏng');
    expect(publicText({ description: 'Gọi 0912345678', public_description: null })).toBe(`Gọi ${MASK}`);
  });
  it.each([
    ['non-breaking spaces', 'Gọi 0912\u00a0345\u00a0678'],
    ['zero-width spaces', 'Gọi 09\u200b12\u200b345\u200b678'],
    ['parentheses', 'Gọi (0299) 3822 123'],
    ['slashes', 'Gọi 0912/345/678'],
    ['full-width digits', 'Gọi ０９１２３４５６７８'],
    ['an e-mail with spaces', 'Gửi hoa @ gmail.com'],
    ['an e-mail in words', 'Gửi hoa (at) gmail (dot) com'],
    ['an e-mail with a zero-width space', 'Gửi h\u200boa@gmail.com'],
  ])('masks %s', (_, text) => {
    expect(maskPersonalData(text)).toMatch(new RegExp(`^(Gọi|Gửi) \\[đã ẩn\\]$`));
  });

  it("masks an officer's answer and notes as it masks descriptions", () => {
    expect(publicWords('Đã xử lý; liên hệ anh Nam 0912.345.678')).toBe(`Đã xử lý; liên hệ anh Nam ${MASK}`);
    expect(publicWords(null)).toBeNull();
  });
});
