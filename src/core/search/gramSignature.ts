import { collapseWhitespace, foldText, foldUnit, isWhitespace } from './plainText';

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
    let h = hashChar(c) >>> this.shift;
    this.bits[base + (h >>> 5)] |= 1 << (h & 31);
    if (prev !== -1) {
      h = hashPair(prev, c) >>> this.shift;
      this.bits[base + (h >>> 5)] |= 1 << (h & 31);
    }
    return c;
  }

  /**
   * An answer's search text, foldText(collapseWhitespace(stripped)), adding its
   * bits on the way: one pass over the answer instead of four. Falls back to
   * those functions where a char needs foldText's context.
   */
  addAnswer(doc: number, stripped: string): string {
    const base = doc * this.words;
    if (scratch.length < stripped.length) scratch = new Uint16Array(Math.max(stripped.length, 2 * scratch.length));
    const units = scratch;
    let out = 0;
    let changed = false;
    let space = false;
    let prev = -1;
    for (let i = 0; i < stripped.length; i++) {
      const raw = stripped.charCodeAt(i);
      if (isWhitespace(raw)) {
        if (raw !== 32 || space || out === 0) changed = true;
        space = out > 0;
        continue;
      }
      const c = foldUnit(raw);
      if (c === -1) {
        const folded = foldText(collapseWhitespace(stripped));
        this.add(doc, folded);
        return folded;
      }
      if (c !== raw) changed = true;
      if (space) {
        space = false;
        units[out++] = 32;
        prev = this.mark(base, prev, 32);
      }
      units[out++] = c;
      prev = this.mark(base, prev, c);
    }
    if (space) changed = true;
    return changed ? utf16.decode(units.subarray(0, out)) : stripped;
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

const utf16 = new TextDecoder('utf-16le');
/** Reused between answers: folding 10,000 of them should not allocate 10,000 buffers. */
let scratch = new Uint16Array(4096);

function hashChar(c: number): number {
  return Math.imul(c ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
}

function hashPair(a: number, b: number): number {
  return Math.imul(Math.imul(a, 0x85ebca6b) ^ b, 0x9e3779b1) >>> 0;
}
