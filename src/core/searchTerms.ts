import Fuse from 'fuse.js';
import { hasHan } from './pinyinKeys';

/**
 * The distinct words of all titles and keywords, for typo matching. Fuse
 * scores a query against a few dozen of these, picked by shared letter pairs,
 * instead of against every question: a typo costs about the same for 300
 * questions as for 10,000.
 */
export interface TermPostings {
  /** Questions whose title holds the term as a word. */
  title: number[];
  /** Questions that list it as a keyword or as a word of one. */
  keywords: number[];
  /** Per entry of `keywords`: where in that question's keyword list it stands, 0 (first) to 1. */
  keywordAt: number[];
}

export interface FuzzyTerm {
  term: string;
  /** Fuse score, 0 = exact. */
  score: number;
  postings: TermPostings;
}

const LATIN_WORD = /[a-z][a-z0-9_]*(?:[.+-][a-z0-9_]+)*/g;
const MIN_TERM = 3;
/** Fuse never sees more candidates than this, however common the letter pairs. */
const MAX_CANDIDATES = 64;

export const FUSE_OPTIONS = {
  includeScore: true,
  isCaseSensitive: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.34,
  minMatchCharLength: 2,
} as const;

export class TermVocabulary {
  private readonly postings = new Map<string, TermPostings>();
  private terms: string[] = [];
  private readonly pairs = new Map<string, number[]>();

  addTitle(doc: number, foldedTitle: string): void {
    for (const w of foldedTitle.match(LATIN_WORD) ?? []) this.add(w, doc, 'title', 0);
  }

  /** `at`: the keyword's place in the question's list, 0 (first) to 1. */
  addKeyword(doc: number, foldedKeyword: string, at: number): void {
    this.add(foldedKeyword, doc, 'keywords', at);
    if (hasHan(foldedKeyword)) return;
    const words = foldedKeyword.match(LATIN_WORD) ?? [];
    if (words.length > 1) for (const w of words) this.add(w, doc, 'keywords', at);
  }

  /** Indexes letter pairs once every question is added. */
  seal(): void {
    this.terms = [...this.postings.keys()];
    this.terms.forEach((term, i) => {
      for (const p of letterPairs(term)) {
        let list = this.pairs.get(p);
        if (!list) this.pairs.set(p, (list = []));
        list.push(i);
      }
    });
  }

  /** Vocabulary terms within Fuse's threshold of `query`, best first. */
  fuzzy(query: string, limit = 12): FuzzyTerm[] {
    const qp = letterPairs(query);
    // One edit breaks at most two pairs; allow two edits.
    const need = Math.max(1, qp.length - 4);
    const shared = new Map<number, number>();
    for (const p of qp) for (const i of this.pairs.get(p) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const candidates = [...shared]
      .filter(([, n]) => n >= need)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([i]) => this.terms[i]);
    if (candidates.length === 0) return [];
    return new Fuse(candidates, FUSE_OPTIONS).search(query, { limit }).map((r) => ({
      term: r.item,
      score: r.score ?? 1,
      postings: this.postings.get(r.item) as TermPostings,
    }));
  }

  private add(term: string, doc: number, field: 'title' | 'keywords', at: number): void {
    if (term.length < MIN_TERM) return;
    let p = this.postings.get(term);
    if (!p) this.postings.set(term, (p = { title: [], keywords: [], keywordAt: [] }));
    const list = p[field];
    if (list[list.length - 1] === doc) return;
    list.push(doc);
    if (field === 'keywords') p.keywordAt.push(at);
  }
}

function letterPairs(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return [...out];
}
