// Text helpers for search: a cheap Markdown → one-line plain text, and a
// length-preserving fold so offsets found in folded text index the original.

import { decodeUnits, MarkupScanner } from './markupScanner';

// Single spaces are the common case; only touch runs and other blanks (much faster than /\s+/).
const WHITESPACE = /\s\s+|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * Markdown reduced to the words a reader sees, on one line. Code stays (people
 * search for `sys.intern`); only markers go. Underscores are kept on purpose:
 * `__init__` matters more here than `_emphasis_`.
 */
export function markdownToPlainText(md: string): string {
  return collapseWhitespace(stripMarkup(md));
}

let scanner: MarkupScanner | undefined;

/**
 * markdownToPlainText before its whitespace is collapsed: line markers (fences, headings, quotes,
 * list and table-rule markers) and inline markers (link and image syntax, autolink brackets, tags,
 * `**`, `~~`, backticks, `|`, `*emphasis*`) go; their words stay. The index strips with the same scanner.
 */
export function stripMarkup(md: string): string {
  scanner ??= new MarkupScanner();
  const units = scanner.strip(md);
  return decodeUnits(units, units.length);
}

/** Every run of whitespace one space, none at the ends. */
export function collapseWhitespace(s: string): string {
  return s.replace(WHITESPACE, ' ').trim();
}

const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const utf16 = new TextDecoder('utf-16le');

/**
 * Lower-case and map full-width ASCII (ＧＩＬ，？) to half-width, keeping the
 * length: offsets in the result are offsets in the input, which highlight
 * ranges and snippets rely on.
 */
export function foldText(s: string): string {
  let lower = s.toLowerCase();
  if (lower.length !== s.length) {
    // Rare (e.g. "İ" lower-cases to two units): fold char by char, keeping odd ones as they are.
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const l = s[i].toLowerCase();
      out += l.length === 1 ? l : s[i];
    }
    lower = out;
  }
  if (!HAS_FULL_WIDTH.test(lower)) return lower;
  // Chinese text has full-width punctuation every few chars; a code-unit loop beats a replace
  // callback per match. (Uint16Array is little-endian wherever VS Code runs.)
  const units = new Uint16Array(lower.length);
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    units[i] = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 32 : c;
  }
  return utf16.decode(units);
}

/**
 * foldText of one UTF-16 unit where that needs no context: ASCII, CJK text and
 * punctuation, full-width forms and common symbols, which is nearly all of a
 * Chinese answer. -1 for anything else (other scripts, surrogates): fold the
 * whole string with foldText then.
 */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0x3000) {
    if (c <= 0x9fff) return c === 0x3000 ? 32 : c;
    if (c >= 0xff01 && c <= 0xff5e) return c >= 0xff21 && c <= 0xff3a ? c - 0xfec0 : c - 0xfee0;
    if ((c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff5f && c <= 0xffef)) return c;
    return -1;
  }
  if ((c >= 0xa0 && c <= 0xbf) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x2190 && c <= 0x23ff) || (c >= 0x2500 && c <= 0x27bf)) return c;
  return -1;
}
