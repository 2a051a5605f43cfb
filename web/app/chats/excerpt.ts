/**
 * The part of a found message around what was searched for, with the matching words marked.
 * Matches the way the server's search does: whole words of the query as prefixes, ignoring case
 * and accents ("cafe" finds "Café").
 */

/** A piece of the excerpt; `match` pieces are shown marked. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a query as the server reads them. */
export function queryWords(query: string): string[] {
  return (query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).map(fold);
}

/**
 * Cuts `body` to about `size` characters around the first match and marks every word that starts
 * with a query word.
 */
export function excerpt(body: string, query: string, size = 140): ExcerptPart[] {
  const words = queryWords(query);
  const found: Array<{ start: number; end: number }> = [];
  for (const word of body.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = fold(word[0]);
    if (words.some((w) => folded.startsWith(w))) found.push({ start: word.index, end: word.index + word[0].length });
  }
  const first = found[0]?.start ?? 0;
  let from = Math.max(0, first - Math.floor(size / 3));
  const to = Math.min(body.length, from + size);
  from = Math.max(0, Math.min(from, to - size));
  const parts: ExcerptPart[] = [];
  let at = from;
  for (const { start, end } of found) {
    if (end <= from || start >= to) continue;
    if (start > at) parts.push({ text: body.slice(at, start), match: false });
    parts.push({ text: body.slice(Math.max(start, at), Math.min(end, to)), match: true });
    at = Math.min(end, to);
  }
  if (at < to) parts.push({ text: body.slice(at, to), match: false });
  if (from > 0) parts.unshift({ text: '…', match: false });
  if (to < body.length) parts.push({ text: '…', match: false });
  return parts;
}
