import Fuse from 'fuse.js';
import { hasHan } from './pinyinKeys';

/**
 * The distinct words of all titles and keywords, and the title pinyin, for
 * typo matching. Fuse scores a query against a few dozen of these, picked by
 * shared letter pairs, instead of against every question: a typo costs about
 * the same for 300 questions as for 10,000.
 */
export interface TermPostings {
  /** Questions whose title holds the term as a word. */
  title: number[];
  /** Questions that list it as a keyword or as a word of one. */
  keywords: number[];
  /** Per entry of `keywords`: where in that question's keyword list it stands, 0 (first) to 1. */
  keywordAt: number[];
  /** Questions whose title pinyin (PinyinKeys.full) this is. */
  pinyin: number[];
}

export interface FuzzyTerm {
  term: string;
  /** Fuse score, 0 = exact. */
  score: number;
  postings: TermPostings;
  /** Longest stretch of `term` Fuse matched, [start, endExclusive]. */
  matched: [number, number];
}

const LATIN_WORD = /[a-z][a-z0-9_]*(?:[.+-][a-z0-9_]+)*/g;
const MIN_TERM = 3;
/** Fuse never sees more candidates than this, however common the letter pairs. */
const MAX_CANDIDATES = 64;
/** One edit breaks at most two letter pairs; candidates may have lost two edits' worth. */
const PAIRS_LOST = 4;

const FUSE_OPTIONS = {
  includeScore: true,
  includeMatches: true,
  isCaseSensitive: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.34,
  minMatchCharLength: 2,
} as const;

export class TermVocabulary {
  private readonly postings = new Map<string, TermPostings>();
  private terms: string[] = [];
  private pairs = new Map<string, Int32Array>();
  private counts = new Uint16Array(0);
  private sealed = false;

  addTitle(doc: number, foldedTitle: string): void {
    for (const w of foldedTitle.match(LATIN_WORD) ?? []) this.add(w, doc, 'title');
  }

  /**
   * The postings a keyword puts its questions in: its own and, for a Latin
   * phrase, its words'. Keywords repeat across questions, so the caller keeps
   * these per keyword and hands them to addKeyword.
   */
  keywordPostings(foldedKeyword: string): TermPostings[] {
    const out: TermPostings[] = [];
    const own = this.posting(foldedKeyword);
    if (own) out.push(own);
    if (hasHan(foldedKeyword)) return out;
    const words = foldedKeyword.match(LATIN_WORD) ?? [];
    if (words.length > 1) {
      for (const w of words) {
        const p = this.posting(w);
        if (p) out.push(p);
      }
    }
    return out;
  }

  /** `at`: the keyword's place in the question's list, 0 (first) to 1. */
  addKeyword(doc: number, postings: readonly TermPostings[], at: number): void {
    for (const p of postings) {
      const list = p.keywords;
      if (list[list.length - 1] === doc) continue;
      list.push(doc);
      p.keywordAt.push(at);
    }
  }

  addPinyin(doc: number, full: string): void {
    this.add(full, doc, 'pinyin');
  }

  /**
   * Indexes letter pairs once every question is added. Only typos need them,
   * so this waits for the first one (a third of a build at 10,000 questions).
   */
  private seal(): void {
    this.sealed = true;
    this.terms = [...this.postings.keys()];
    const lists = new Map<string, number[]>();
    this.terms.forEach((term, i) => {
      for (const p of letterPairs(term)) {
        let list = lists.get(p);
        if (!list) lists.set(p, (list = []));
        list.push(i);
      }
    });
    this.pairs = new Map([...lists].map(([p, list]) => [p, Int32Array.from(list)]));
    this.counts = new Uint16Array(this.terms.length);
  }

  /** Vocabulary terms within Fuse's threshold of `query`, best first. */
  fuzzy(query: string, limit = 16): FuzzyTerm[] {
    if (!this.sealed) this.seal();
    const qp = letterPairs(query);
    const need = Math.max(1, qp.length - PAIRS_LOST);
    const counts = this.counts;
    const touched: number[] = [];
    for (const p of qp) {
      for (const i of this.pairs.get(p) ?? []) if (counts[i]++ === 0) touched.push(i);
    }
    const candidates = touched.filter((i) => counts[i] >= need).sort((a, b) => counts[b] - counts[a] || a - b).slice(0, MAX_CANDIDATES);
    for (const i of touched) counts[i] = 0;
    if (candidates.length === 0) return [];
    return new Fuse(candidates.map((i) => this.terms[i]), FUSE_OPTIONS).search(query, { limit }).map((r) => ({
      term: r.item,
      score: r.score ?? 1,
      postings: this.postings.get(r.item) as TermPostings,
      matched: longest(r.matches?.[0]?.indices ?? [], r.item.length),
    }));
  }

  private add(term: string, doc: number, field: 'title' | 'pinyin'): void {
    const p = this.posting(term);
    if (!p) return;
    const list = field === 'title' ? p.title : p.pinyin;
    if (list[list.length - 1] !== doc) list.push(doc);
  }

  /** The term's postings, made on first sight (their order is the order Fuse breaks ties in); none for short terms. */
  private posting(term: string): TermPostings | undefined {
    if (term.length < MIN_TERM) return undefined;
    let p = this.postings.get(term);
    if (!p) this.postings.set(term, (p = { title: [], keywords: [], keywordAt: [], pinyin: [] }));
    return p;
  }
}

function letterPairs(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return [...out];
}

/** Fuse reports inclusive [start, end] stretches; the longest one, end made exclusive. */
function longest(indices: readonly (readonly [number, number])[], length: number): [number, number] {
  let best: [number, number] = [0, length];
  let size = -1;
  for (const [a, b] of indices) {
    if (b - a > size) {
      size = b - a;
      best = [a, b + 1];
    }
  }
  return best;
}
