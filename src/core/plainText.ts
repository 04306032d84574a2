// Text helpers for search: a cheap Markdown → one-line plain text, and a
// length-preserving fold so offsets found in folded text index the original.

// Line starts: fence lines go whole; heading, quote, list and table-rule markers go.
const LINE_MARKUP = /^[ \t]*(?:(?:`{3,}|~{3,}).*|\|?[ \t]*:?-{3,}[-:| \t]*$|(?:#{1,6}[ \t]+|>[ \t]?)+(?:(?:[-*+]|\d+[.)])[ \t]+)?|(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)/gm;
// Inline: links and images keep their text, autolinks their address; tags, **, ~~, `, | go.
const INLINE_MARKUP = /!?\[([^\]\n]*)\]\([^)\n]*\)|!?\[([^\]\n]+)\]\[[^\]\n]*\]|<((?:https?|mailto):[^>\s]+)>|<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>\n]*)?\/?>|\*\*|~~|`+|\|/g;
const EMPHASIS = /(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?=[^\w*]|$)/g;
// Single spaces are the common case; only touch runs and other blanks (much faster than /\s+/).
const WHITESPACE = /\s\s+|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

const inline = (m: string, linkText?: string, refText?: string, autolink?: string): string => linkText ?? refText ?? autolink ?? (m[0] === '<' ? ' ' : m === '|' ? ' ' : '');

/**
 * Markdown reduced to the words a reader sees, on one line. Code stays (people
 * search for `sys.intern`); only markers go. Underscores are kept on purpose:
 * `__init__` matters more here than `_emphasis_`.
 */
export function markdownToPlainText(md: string): string {
  return md
    .replace(LINE_MARKUP, ' ')
    .replace(INLINE_MARKUP, inline)
    .replace(EMPHASIS, '$1$2')
    .replace(WHITESPACE, ' ')
    .trim();
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const toHalfWidth = (c: string): string => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

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
  return lower.replace(FULL_WIDTH, toHalfWidth);
}
