/** A LIKE/ILIKE pattern that matches `text` literally: %, _ and \ typed by a user are not wildcards. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
