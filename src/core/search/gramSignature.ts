import { decodeUnits, isWhitespace } from './markupScanner';
import { collapseWhitespace, foldText, foldUnit } from './plainText';

/**
 * One small bit set per question holding hashed chars and char pairs of its
 * text. A term can only be a substring of text whose set has all the term's
 * bits, so most questions are ruled out with a few bit tests instead of an
 * indexOf over kilobytes — what makes a term that occurs nowhere cheap.
 * No false negatives; false positives only cost the indexOf they would have
 * cost anyway.
 */
export class GramSignatures {
  private readonly words: number;
  private readonly shift: number;
  private readonly bits: Uint32Array;

  /** `bitsPerDoc` must be a power of two between 32 and 2^16. */
  constructor(count: number, bitsPerDoc: number) {
    this.words = bitsPerDoc >>> 5;
    this.shift = 32 - Math.log2(bitsPerDoc);
    this.bits = new Uint32Array(count * this.words);
  }

  add(doc: number, text: string): void {
    const base = doc * this.words;
    let prev = -1;
    for (let i = 0; i < text.length; i++) prev = this.mark(base, prev, text.charCodeAt(i));
  }

  /** Sets the bits of char `c` and of the pair it ends; returns `c` as the next `prev`. */
  private mark(base: number, prev: number, c: number): number {
    this.markChar(base, c);
    if (prev !== -1) this.markPair(base, prev, c);
    return c;
  }

  private markChar(base: number, c: number): void {
    const h = hashChar(c) >>> this.shift;
    this.bits[base + (h >>> 5)] |= 1 << (h & 31);
  }

  private markPair(base: number, a: number, b: number): void {
    const h = hashPair(a, b) >>> this.shift;
    this.bits[base + (h >>> 5)] |= 1 << (h & 31);
  }

  /**
   * Appends an answer's search text, foldText(collapseWhitespace(stripped)), to
   * `texts`, adding its bits on the way: one pass over the stripped answer
   * (MarkupScanner's units) instead of four. Only Han chars get a bit of their
   * own: answers are searched for one Latin letter never. Falls back to those
   * functions where a char needs foldText's context.
   */
  addAnswer(doc: number, stripped: Uint16Array, texts: TextPool): void {
    const base = doc * this.words;
    const units = texts.reserve(stripped.length);
    const start = texts.length;
    let out = start;
    let space = false;
    let prev = -1;
    for (let i = 0; i < stripped.length; i++) {
      const raw = stripped[i];
      if (isWhitespace(raw)) {
        space = out > start;
        continue;
      }
      const c = foldUnit(raw);
      if (c === -1) {
        const folded = foldText(collapseWhitespace(decodeUnits(stripped, stripped.length)));
        this.add(doc, folded);
        texts.pushString(folded);
        return;
      }
      if (space) {
        space = false;
        units[out++] = 32;
        this.markPair(base, prev, 32);
        prev = 32;
      }
      units[out++] = c;
      if (prev !== -1) this.markPair(base, prev, c);
      // Answers are searched for one char only when it is Han (see SearchIndex.matchBodies).
      if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) this.markChar(base, c);
      prev = c;
    }
    texts.push(out);
  }

  /** Bits a text must have to hold `term`: its char pairs, or its one char. */
  keys(term: string): number[] {
    const out = new Set<number>();
    if (term.length === 1) out.add(hashChar(term.charCodeAt(0)) >>> this.shift);
    for (let i = 1; i < term.length; i++) out.add(hashPair(term.charCodeAt(i - 1), term.charCodeAt(i)) >>> this.shift);
    return [...out];
  }

  mayContain(doc: number, keys: readonly number[]): boolean {
    const base = doc * this.words;
    for (const k of keys) if ((this.bits[base + (k >>> 5)] & (1 << (k & 31))) === 0) return false;
    return true;
  }
}

/**
 * Texts (the answers' search texts) written into one reused buffer and
 * decoded a chunk at a time, each text a slice of its chunk's string: one
 * decode per few dozen answers instead of one per answer.
 */
export class TextPool {
  private units: Uint16Array;
  private ends: number[] = [];
  private readonly done: string[] = [];
  length = 0;

  constructor(private readonly chunk = 16384) {
    this.units = new Uint16Array(Math.min(chunk, 1 << 16) * 2);
  }

  /** The buffer, with room for `n` more units after `length`; only valid until the next call. */
  reserve(n: number): Uint16Array {
    if (this.length + n > this.units.length) {
      if (this.length >= this.chunk) this.flush();
      if (this.length + n > this.units.length) {
        const grown = new Uint16Array(Math.max(this.length + n, 2 * this.units.length));
        grown.set(this.units.subarray(0, this.length));
        this.units = grown;
      }
    }
    return this.units;
  }

  /** Ends the current text at `end` (units written from `length` on). */
  push(end: number): void {
    this.length = end;
    this.ends.push(end);
  }

  pushString(s: string): void {
    const units = this.reserve(s.length);
    for (let i = 0; i < s.length; i++) units[this.length + i] = s.charCodeAt(i);
    this.push(this.length + s.length);
  }

  /** The texts in the order they were added. */
  texts(): string[] {
    this.flush();
    return this.done;
  }

  private flush(): void {
    const all = decodeUnits(this.units, this.length);
    let start = 0;
    for (const end of this.ends) this.done.push(all.slice(start, (start = end)));
    this.ends = [];
    this.length = 0;
  }
}

function hashChar(c: number): number {
  return Math.imul(c ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
}

function hashPair(a: number, b: number): number {
  return Math.imul(Math.imul(a, 0x85ebca6b) ^ b, 0x9e3779b1) >>> 0;
}

