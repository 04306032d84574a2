import Fuse from 'fuse.js';
import { hasHan } from './pinyinKeys';

/**
 * The distinct words of all titles and keywords, for typo matching. Fuse runs
 * over these few thousand short strings instead of over every document, so a
 * typo costs the same whether there are 300 questions or 10,000.
 */
export interface TermPostings {
  /** Documents whose title holds the term as a word. */
  title: number[];
  /** Documents that list it as a keyword or a word of one. */
  keywords: number[];
}

export interface FuzzyTerm {
  term: string;
  /** Fuse score, 0 = exact. */
  score: number;
  postings: TermPostings;
}

const LATIN_WORD = /[a-z][a-z0-9_]*(?:[.+-][a-z0-9_]+)*/g;
const MIN_TERM = 3;

export class TermVocabulary {
  private readonly postings = new Map<string, TermPostings>();
  private fuse: Fuse<string> | undefined;

  addTitle(doc: number, foldedTitle: string): void {
    for (const w of foldedTitle.match(LATIN_WORD) ?? []) this.add(w, doc, 'title');
  }

  addKeyword(doc: number, foldedKeyword: string): void {
    this.add(foldedKeyword, doc, 'keywords');
    if (hasHan(foldedKeyword)) return;
    const words = foldedKeyword.match(LATIN_WORD) ?? [];
    if (words.length > 1) for (const w of words) this.add(w, doc, 'keywords');
  }

  /** Builds the Fuse index once all documents are added. */
  seal(): void {
    this.fuse = new Fuse([...this.postings.keys()], {
      includeScore: true,
      isCaseSensitive: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.34,
      minMatchCharLength: 2,
    });
  }

  /** Terms within Fuse's threshold of `query`, best first. */
  fuzzy(query: string, limit = 12): FuzzyTerm[] {
    if (!this.fuse) this.seal();
    return (this.fuse as Fuse<string>).search(query, { limit }).map((r) => ({
      term: r.item,
      score: r.score ?? 1,
      postings: this.postings.get(r.item) as TermPostings,
    }));
  }

  get size(): number {
    return this.postings.size;
  }

  private add(term: string, doc: number, field: keyof TermPostings): void {
    if (term.length < MIN_TERM) return;
    let p = this.postings.get(term);
    if (!p) this.postings.set(term, (p = { title: [], keywords: [] }));
    const list = p[field];
    if (list[list.length - 1] !== doc) list.push(doc);
  }
}
