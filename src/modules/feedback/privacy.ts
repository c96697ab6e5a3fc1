/**
 * Personal data a citizen may write into a description: phone numbers and e-mail addresses. The public sees them
 * masked; an officer can also replace the public text entirely (case_record.public_description).
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE = /(?<![\p{N}])(?:\+?84|0)(?:[ .-]?\p{N}){8,10}(?![\p{N}])/gu;
export const MASK = '[đã ẩn]';

export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, MASK).replace(PHONE, MASK);
}

/** What the public reads of a citizen's description. */
export function publicText(row: { description: string; public_description?: string | null }): string {
  return row.public_description ?? maskPersonalData(row.description);
}
