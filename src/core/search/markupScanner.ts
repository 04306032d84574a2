// Markdown markup stripped by hand into reused UTF-16 buffers (stripMarkup in plainText.ts
// is this scanner decoded to a string): no intermediate strings or per-match callbacks,
// which were most of an index build's garbage at 10,000 questions.
// Each pass reads every unit a bounded number of times: linear time.
// A unit test compares it with the regular expressions it replaced, on random Markdown.

/** JavaScript's \s (and what trim() removes), for one UTF-16 unit. */
export function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const utf16 = new TextDecoder('utf-16le');

/** UTF-16 units as a string, lone surrogates kept (TextDecoder would replace them). */
export function decodeUnits(units: Uint16Array, length: number): string {
  let surrogates = false;
  for (let i = 0; i < length && !surrogates; i++) surrogates = (units[i] & 0xf800) === 0xd800;
  if (!surrogates) return utf16.decode(units.subarray(0, length));
  let out = '';
  for (let i = 0; i < length; i += 4096) out += String.fromCharCode(...units.subarray(i, Math.min(length, i + 4096)));
  return out;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const LT = 60;
const GT = 62;
const HASH = 35;
const LBRACKET = 91;
const RBRACKET = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const LPAREN = 40;
const RPAREN = 41;
const PIPE = 124;
const TILDE = 126;

/** A line terminator for `^`, `$` and `.` under the m flag. */
function isLineEnd(c: number): boolean {
  return c === LF || c === CR || c === 0x2028 || c === 0x2029;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** `\w` without the u flag. */
function isWord(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === UNDERSCORE;
}

export class MarkupScanner {
  private lines = new Uint16Array(4096);
  private out = new Uint16Array(4096);

  /** stripMarkup(md) as UTF-16 units; the view is only valid until the next call. */
  strip(md: string): Uint16Array {
    if (this.lines.length < md.length) {
      const size = Math.max(md.length, 2 * this.lines.length);
      this.lines = new Uint16Array(size);
      this.out = new Uint16Array(size);
    }
    const n = this.stripLines(md);
    return this.out.subarray(0, this.stripInline(n));
  }

  /** LINE_MARKUP: at most one match per line, at its start, replaced by one space. */
  private stripLines(md: string): number {
    const b = this.lines;
    const n = md.length;
    let o = 0;
    let p = 0;
    while (p <= n) {
      const end = lineMarkupEnd(md, p);
      if (end !== -1) {
        b[o++] = SPACE;
        p = end;
      }
      // Copy to the end of this line, its terminator included.
      while (p < n) {
        const c = md.charCodeAt(p++);
        b[o++] = c;
        if (isLineEnd(c)) break;
      }
      if (p >= n) break;
    }
    return o;
  }

  /** INLINE_MARKUP over the first pass's `n` units, leftmost match first, alternatives in order. */
  private stripInline(n: number): number {
    const b = this.lines;
    const out = this.out;
    let o = 0;
    let i = 0;
    const at = (k: number) => (k < n ? b[k] : -1);
    while (i < n) {
      const c = b[i];
      if (c === LBRACKET || (c === BANG && at(i + 1) === LBRACKET)) {
        const open = c === BANG ? i + 1 : i;
        const end = linkEnd(b, n, open);
        if (end !== -1) {
          // Text between the brackets: link and reference text alike.
          let t = open + 1;
          while (b[t] !== RBRACKET) out[o++] = b[t++];
          i = end;
          continue;
        }
      } else if (c === LT) {
        const auto = autolinkEnd(b, n, i);
        if (auto !== -1) {
          for (let t = i + 1; t < auto - 1; t++) out[o++] = b[t];
          i = auto;
          continue;
        }
        const tag = tagEnd(b, n, i);
        if (tag !== -1) {
          out[o++] = SPACE;
          i = tag;
          continue;
        }
      } else if (c === STAR) {
        if (at(i + 1) === STAR) {
          i += 2;
          continue;
        }
        const close = emphasisClose(b, n, i);
        if (close !== -1) {
          for (let t = i + 1; t < close; t++) out[o++] = b[t];
          i = close + 1;
          continue;
        }
      } else if (c === TILDE) {
        if (at(i + 1) === TILDE) {
          i += 2;
          continue;
        }
      } else if (c === BACKTICK) {
        while (i < n && b[i] === BACKTICK) i++;
        continue;
      } else if (c === PIPE) {
        out[o++] = SPACE;
        i++;
        continue;
      }
      out[o++] = c;
      i++;
    }
    return o;
  }
}

/** End of the LINE_MARKUP match at line start `p`, -1 if none. */
function lineMarkupEnd(md: string, p: number): number {
  const n = md.length;
  const at = (k: number) => (k < n ? md.charCodeAt(k) : -1);
  let q = p;
  while (isBlank(at(q))) q++;
  const c = at(q);
  // Fences: the whole line.
  if (c === BACKTICK || c === TILDE) {
    let r = q;
    while (at(r) === c) r++;
    if (r - q < 3) return -1;
    while (r < n && !isLineEnd(md.charCodeAt(r))) r++;
    return r;
  }
  // Table rules: (|[ \t]*)? :? --- [-:| \t]* to the end of the line.
  if (c === PIPE || c === COLON || c === DASH) {
    let r = q;
    if (at(r) === PIPE) {
      r++;
      while (isBlank(at(r))) r++;
    }
    if (at(r) === COLON) r++;
    if (at(r) === DASH && at(r + 1) === DASH && at(r + 2) === DASH) {
      r += 3;
      for (let d = at(r); d === DASH || d === COLON || d === PIPE || isBlank(d); d = at(++r));
      if (r === n || isLineEnd(md.charCodeAt(r))) return r;
    }
  }
  // Headings and quotes, repeated, then maybe a list marker.
  let r = q;
  for (;;) {
    const d = at(r);
    if (d === HASH) {
      let k = r;
      while (at(k) === HASH) k++;
      if (k - r > 6 || !isBlank(at(k))) break;
      r = k;
      while (isBlank(at(r))) r++;
    } else if (d === GT) {
      r++;
      if (isBlank(at(r))) r++;
    } else break;
  }
  if (r > q) {
    const list = listMarkerEnd(md, r);
    return list === -1 ? r : list;
  }
  // List items, maybe with a task box.
  const list = listMarkerEnd(md, q);
  if (list === -1) return -1;
  if (at(list) === LBRACKET && (at(list + 1) === SPACE || at(list + 1) === 120 || at(list + 1) === 88) && at(list + 2) === RBRACKET && isBlank(at(list + 3))) {
    let r2 = list + 3;
    while (isBlank(at(r2))) r2++;
    return r2;
  }
  return list;
}

/** ([-*+]|\d+[.)])[ \t]+ at `q`: its end, or -1. */
function listMarkerEnd(md: string, q: number): number {
  const n = md.length;
  const at = (k: number) => (k < n ? md.charCodeAt(k) : -1);
  let r = q;
  const c = at(r);
  if (c === DASH || c === STAR || c === PLUS) r++;
  else if (isDigit(c)) {
    while (isDigit(at(r))) r++;
    const d = at(r);
    if (d !== DOT && d !== RPAREN) return -1;
    r++;
  } else return -1;
  if (!isBlank(at(r))) return -1;
  while (isBlank(at(r))) r++;
  return r;
}

/**
 * [text](url) or [text][ref] with `[` at `open`: the end of the match, or -1.
 * Text and url stop at a newline or another bracket.
 */
function linkEnd(b: Uint16Array, n: number, open: number): number {
  let j = open + 1;
  while (j < n && b[j] !== RBRACKET && b[j] !== LF && b[j] !== LBRACKET) j++;
  if (j >= n || b[j] !== RBRACKET || j + 1 >= n) return -1;
  const next = b[j + 1];
  let k = j + 2;
  if (next === LPAREN) {
    while (k < n && b[k] !== LPAREN && b[k] !== RPAREN && b[k] !== LF && b[k] !== LBRACKET && b[k] !== RBRACKET) k++;
    if (k < n && b[k] === RPAREN) return k + 1;
  }
  // A reference link needs some text.
  if (next === LBRACKET && j > open + 1) {
    while (k < n && b[k] !== RBRACKET && b[k] !== LF && b[k] !== LBRACKET) k++;
    if (k < n && b[k] === RBRACKET) return k + 1;
  }
  return -1;
}

const HTTP = [104, 116, 116, 112];
const MAILTO = [109, 97, 105, 108, 116, 111];

function startsWith(b: Uint16Array, n: number, at: number, word: readonly number[]): boolean {
  if (at + word.length > n) return false;
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return false;
  return true;
}

/** <http://…>, <https://…>, <mailto:…> at `i`: the end of the match, or -1. */
function autolinkEnd(b: Uint16Array, n: number, i: number): number {
  let k: number;
  if (startsWith(b, n, i + 1, HTTP)) {
    k = i + 5;
    if (k < n && b[k] === 115) k++;
  } else if (startsWith(b, n, i + 1, MAILTO)) k = i + 7;
  else return -1;
  if (k >= n || b[k] !== COLON) return -1;
  const from = ++k;
  while (k < n && b[k] !== LT && b[k] !== GT && !isWhitespace(b[k])) k++;
  return k > from && k < n && b[k] === GT ? k + 1 : -1;
}

/** An HTML tag at `i`: the end of the match, or -1. */
function tagEnd(b: Uint16Array, n: number, i: number): number {
  let j = i + 1;
  if (j < n && b[j] === SLASH) j++;
  if (j >= n || !isAsciiLetter(b[j])) return -1;
  j++;
  while (j < n && (isAsciiLetter(b[j]) || isDigit(b[j]) || b[j] === DASH)) j++;
  if (j < n && isWhitespace(b[j])) {
    let k = j + 1;
    while (k < n && b[k] !== LT && b[k] !== GT && b[k] !== LF) k++;
    return k < n && b[k] === GT ? k + 1 : -1;
  }
  if (j < n && b[j] === SLASH) j++;
  return j < n && b[j] === GT ? j + 1 : -1;
}

/**
 * *emphasis* opening at `i` (not after a word char or `*`): the index of the
 * closing `*`, or -1. The shortest text that ends on a non-space and whose
 * `*` is not followed by a word char or `*`; text before its last char holds
 * no `*` or newline.
 */
function emphasisClose(b: Uint16Array, n: number, i: number): number {
  if (i > 0 && (isWord(b[i - 1]) || b[i - 1] === STAR)) return -1;
  for (let j = i + 1; j + 1 < n; j++) {
    const c = b[j];
    if (j === i + 1 && isWhitespace(c)) return -1;
    if (!isWhitespace(c) && b[j + 1] === STAR && (j + 2 >= n || !(isWord(b[j + 2]) || b[j + 2] === STAR))) return j + 1;
    if (c === STAR || c === LF) return -1;
  }
  return -1;
}
