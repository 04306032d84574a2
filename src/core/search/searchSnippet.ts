import { markdownToPlainText } from './plainText';

export type Range = [number, number];

const SNIPPET_CHARS = 80;
const SNIPPET_LEAD = 24;

/** Adds up to `max` non-overlapping occurrences of `needle` in `hay`. */
export function occurrences(hay: string, needle: string, out: Range[], max = 8): void {
  if (!needle) return;
  for (let i = hay.indexOf(needle), n = 0; i !== -1 && n < max; i = hay.indexOf(needle, i + needle.length), n++) out.push([i, i + needle.length]);
}

/** Sorted, with overlapping and touching ranges joined. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * About 80 chars of `plain` around offset `at`, starting on a word when one
 * begins close by, with "…" where it was cut. `folded` is the folded `plain`
 * (same length); `needles` are highlighted wherever they occur in the window.
 */
export function snippetAround(plain: string, folded: string, at: number, needles: readonly string[]): { snippet: string; snippetRanges: Range[] } {
  let start = Math.max(0, at - SNIPPET_LEAD);
  const space = plain.lastIndexOf(' ', at);
  if (start > 0 && space >= start && space < at) start = space + 1;
  const end = Math.min(plain.length, start + SNIPPET_CHARS);
  const lead = start > 0 ? '…' : '';
  const ranges: Range[] = [];
  const window = folded.slice(start, end);
  for (const needle of needles) occurrences(window, needle, ranges);
  return {
    snippet: lead + plain.slice(start, end) + (end < plain.length ? '…' : ''),
    snippetRanges: mergeRanges(ranges).map(([a, b]) => [a + lead.length, b + lead.length]),
  };
}

/** First line of the answer a reader would see (not a heading, fence or rule), as plain text. */
export function firstLine(md: string): string {
  let from = 0;
  while (from < md.length) {
    let to = md.indexOf('\n', from);
    if (to === -1) to = md.length;
    const line = md.slice(from, to).trim();
    from = to + 1;
    if (!line || /^(#{1,6}\s|```|~~~|---|\*\*\*|<!--)/.test(line)) continue;
    const plain = markdownToPlainText(line);
    if (plain) return plain.length > SNIPPET_CHARS ? plain.slice(0, SNIPPET_CHARS) + '…' : plain;
  }
  return '';
}
