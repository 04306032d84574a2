// Text helpers for search: a cheap Markdown → one-line plain text, and a
// length-preserving fold so offsets found in folded text index the original.

const FENCE_LINE = /^[ \t]*(?:`{3,}|~{3,})[^\n]*$/gm;
const HEADING_OR_QUOTE = /^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)+/gm;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm;
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm;
const IMAGE_OR_LINK = /!?\[([^\]\n]*)\]\([^)\n]*\)/g;
const REF_LINK = /!?\[([^\]\n]+)\]\[[^\]\n]*\]/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>\n]*)?\/?>/g;
const STRONG = /\*\*|~~/g;
const EMPHASIS = /(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?=[^\w*]|$)/g;
const BACKTICKS = /`+/g;
const PIPES = /[ \t]*\|[ \t]*/g;
const WHITESPACE = /\s+/g;

/**
 * Markdown reduced to the words a reader sees, on one line. Code stays (people
 * search for `sys.intern`); only markers go. Underscores are kept on purpose:
 * `__init__` matters more here than `_emphasis_`.
 */
export function markdownToPlainText(md: string): string {
  return md
    .replace(FENCE_LINE, ' ')
    .replace(TABLE_RULE, ' ')
    .replace(HEADING_OR_QUOTE, '')
    .replace(LIST_MARKER, '')
    .replace(IMAGE_OR_LINK, '$1')
    .replace(REF_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(HTML_TAG, ' ')
    .replace(STRONG, '')
    .replace(EMPHASIS, '$1$2')
    .replace(BACKTICKS, '')
    .replace(PIPES, ' ')
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
