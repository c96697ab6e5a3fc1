import type { Locale } from '../../db/schema.js';
import { AppError } from '../../server/errors.js';
import type { EpcisProblem } from './epcis/validate.js';

// A capture's problems in the reader's words: each keeps its JSON pointer and rule (for programs) and gains a
// sentence in both languages. The schema's English detail follows where it carries the allowed values.

const WORDS: Record<string, Record<Locale, string>> = {
  required: { vi: 'thiếu trường bắt buộc', en: 'is required' },
  additional: { vi: 'không phải trường của sự kiện này (trường mở rộng cần tiền tố không gian tên)', en: 'is not a field of this event (an extension needs a namespace prefix)' },
  enum: { vi: 'không phải một giá trị cho phép', en: 'is not an allowed value' },
  cbv: { vi: 'không phải thuật ngữ CBV 2.0, cũng không phải URI của bộ từ vựng khác', en: 'is neither a CBV 2.0 term nor a URI of another vocabulary' },
  type: { vi: 'sai kiểu dữ liệu', en: 'has the wrong type' },
  format: { vi: 'sai định dạng', en: 'is not in the right format' },
  pattern: { vi: 'sai dạng', en: 'does not have the right form' },
  minItems: { vi: 'danh sách trống', en: 'is an empty list' },
  maxItems: { vi: 'danh sách quá dài', en: 'is too long a list' },
  const: { vi: 'sai giá trị', en: 'has the wrong value' },
  duplicate: { vi: 'sự kiện đã được ghi nhận (trùng eventID)', en: 'this event has already been captured (same eventID)' },
  hash_mismatch: { vi: 'eventID dạng mã băm không khớp nội dung sự kiện', en: 'the hash eventID does not match the event\'s content' },
  scope: { vi: 'sự kiện nêu sản phẩm hoặc sự kiện của cơ sở khác', en: 'the event names another producer\'s product or event' },
  declares_unknown: { vi: 'khai báo sai sót cho một sự kiện không có', en: 'an error declaration for an event that does not exist' },
  pre_harvest_interval: { vi: 'thu hoạch trong thời gian cách ly thuốc bảo vệ thực vật', en: 'harvest within a pesticide\'s pre-harvest interval' },
};

const wording = (p: EpcisProblem, locale: Locale) => {
  const words = WORDS[p.code]?.[locale] ?? WORDS.format![locale];
  const extra = p.code === 'enum' || p.code === 'pre_harvest_interval' || (locale === 'en' && !WORDS[p.code]) ? ` (${p.detail})` : '';
  return `${p.pointer || '(document)'}: ${words}${extra}`;
};

export interface WordedProblem extends EpcisProblem { message: string; messages: Record<Locale, string> }

export const worded = (p: EpcisProblem, locale: Locale): WordedProblem => ({ ...p, message: wording(p, locale), messages: { vi: wording(p, 'vi'), en: wording(p, 'en') } });

/** The refusal of a whole document: 400 naming every problem, the first in the message. */
export function epcisInvalid(problems: EpcisProblem[], locale: Locale): AppError {
  return new AppError('epcis_invalid', { count: problems.length, first: { vi: wording(problems[0]!, 'vi'), en: wording(problems[0]!, 'en') } }, undefined, {
    details: problems.map((p) => worded(p, locale)),
  });
}
