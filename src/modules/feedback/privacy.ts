/**
 * Personal data people write into what the public reads — a citizen's description, an officer's answer or note:
 * phone numbers and e-mail addresses, in the spellings people use to slip past a filter (separators of any kind,
 * non-breaking and zero-width spaces, parentheses, full-width digits, "a @ b.com", "a (at) b (dot) com"). The public
 * sees them masked; an officer can also replace a description's public text entirely (case_record.public_description).
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SEP = String.raw`[\s.\-/\\_()]*`;
const AT = String.raw`\s*(?:@|\(at\)|\[at\]|\sat\s)\s*`;
const DOT = String.raw`\s*(?:\.|\(dot\)|\[dot\]|\sdot\s)\s*`;
const EMAIL = new RegExp(String.raw`[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}`, 'giu');
const PHONE = new RegExp(String.raw`(?<![\p{N}])\(?(?:\+?\s*84|0)\)?(?:${SEP}\p{N}){8,10}(?![\p{N}])`, 'gu');
export const MASK = '[đã ẩn]';

export function maskPersonalData(text: string): string {
  // NFKC reads full-width digits and letters as plain ones, and a non-breaking space as a space.
  const plain = text.normalize('NFKC').replace(INVISIBLE, '');
  return plain.replace(EMAIL, MASK).replace(PHONE, MASK);
}

/** What the public reads of a citizen's description. */
export function publicText(row: { description: string; public_description?: string | null }): string {
  return row.public_description ?? maskPersonalData(row.description);
}

/** What the public reads of an officer's answer or note: masked as descriptions are. */
export const publicWords = (text: string | null | undefined): string | null => (text ? maskPersonalData(text) : text ?? null);
