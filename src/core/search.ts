// Question search for the QuickPick and the CLI. Runs on every keystroke, so
// everything that can be is computed once in build(): folded titles and
// keywords, title pinyin, plain-text answers and a typo vocabulary.
import { foldText, markdownToPlainText } from './plainText';
import { keywordPinyin, pinyinKeys, type PinyinKeys } from './pinyinKeys';
import { parseQuery, queryTerms } from './searchQuery';
import { TermVocabulary } from './searchTerms';

export { markdownToPlainText } from './plainText';
export { parseQuery, type ParsedQuery } from './searchQuery';

export interface SearchDoc {
  id: string;
  title: string;
  topic: string;
  tags: string[];
  keywords: string[];
  /** Answer Markdown. */
  body: string;
}

export interface SearchHit {
  id: string;
  /** Lower is better, 0..1. */
  score: number;
  matchedIn: 'title' | 'keywords' | 'pinyin' | 'body' | 'filter';
  /** [start, endExclusive] ranges in the title to highlight. */
  titleRanges: [number, number][];
  /** Up to ~80 chars of the answer around the match, or its first line. */
  snippet: string;
  snippetRanges: [number, number][];
}

export interface SearchOptions {
  limit?: number;
}

interface Entry {
  doc: SearchDoc;
  title: string;
  /** Folded keywords as SEP kw SEP kw SEP, so one indexOf finds whole and prefix matches. */
  keywords: string;
  pinyin: PinyinKeys | undefined;
  /** Pinyin of Han keywords, SEP-joined like `keywords`. */
  keywordFull: string;
  keywordInitials: string;
  tags: string[];
  topic: string;
  /** Folded plain-text answer; same length as markdownToPlainText(doc.body). */
  body: string;
}

const SEP = '\u0001';
const DEFAULT_LIMIT = 20;
const SNIPPET_CHARS = 80;
const SNIPPET_LEAD = 24;

// How a term matched one document; the order is the order they rank in.
const TITLE = 0;
const KEYWORD = 1;
const PINYIN_FULL = 2;
const PINYIN_INITIALS = 3;
const KEYWORD_PINYIN = 4;
const FUZZY_TITLE = 5;
const FUZZY_KEYWORD = 6;
const BIGRAM = 7;
const BODY = 8;
const NONE = 9;

const MATCHED_IN: SearchHit['matchedIn'][] = ['title', 'keywords', 'pinyin', 'pinyin', 'pinyin', 'title', 'keywords', 'title', 'body'];

// Per-term scores: title < keywords < pinyin < typo < body, finer steps inside each.
const S = {
  titleWhole: 0,
  titleStartWord: 0.03,
  titleWord: 0.05,
  titleWordPrefix: 0.08,
  titleHan: 0.06,
  titleInside: 0.3,
  keywordWhole: 0.14,
  keywordPrefix: 0.17,
  keywordWord: 0.2,
  keywordWordPrefix: 0.22,
  keywordInside: 0.34,
  pinyinFullStart: 0.24,
  pinyinFull: 0.27,
  pinyinInitialsStart: 0.26,
  pinyinInitials: 0.29,
  keywordPinyin: 0.32,
  keywordInitials: 0.33,
  fuzzyTitle: 0.4,
  fuzzyKeyword: 0.42,
  fuzzySpread: 0.3,
  bigram: 0.45,
  bigramSpread: 0.2,
  body: 0.62,
  bodySpread: 0.2,
  partial: 0.9,
  phraseBonus: 0.03,
  titleLengthSpread: 0.01,
} as const;
const MISS = 2;

/** Terms with fewer short-field hits than this also get typo and bigram matching. */
const FEW_HITS = 3;
const MIN_FUZZY_LATIN = 4;
const MIN_BIGRAM_HAN = 3;
const PLAIN_CACHE = 128;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const PINYIN_TERM = /^[a-z]+$/;

function isWordChar(c: number): boolean {
  // a-z, 0-9, _ ; text is folded so no upper case.
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

interface TermInfo {
  text: string;
  han: boolean;
  pinyin: boolean;
}

interface Match {
  score: number;
  kind: number;
}

export class SearchIndex {
  private readonly plainCache = new Map<number, string>();
  private readonly all: Int32Array;

  private constructor(
    private readonly entries: Entry[],
    private readonly vocabulary: TermVocabulary,
  ) {
    this.all = Int32Array.from(entries.keys());
  }

  static build(docs: readonly SearchDoc[]): SearchIndex {
    const vocabulary = new TermVocabulary();
    const entries = docs.map((doc, i): Entry => {
      const title = foldText(doc.title);
      const keywords = doc.keywords.map(foldText);
      const full: string[] = [];
      const initials: string[] = [];
      for (const k of keywords) {
        vocabulary.addKeyword(i, k);
        const py = keywordPinyin(k);
        if (py) {
          full.push(py[0]);
          initials.push(py[1]);
        }
      }
      vocabulary.addTitle(i, title);
      return {
        doc,
        title,
        keywords: keywords.length ? SEP + keywords.join(SEP) + SEP : '',
        pinyin: pinyinKeys(title),
        keywordFull: full.length ? SEP + full.join(SEP) + SEP : '',
        keywordInitials: initials.length ? SEP + initials.join(SEP) + SEP : '',
        tags: doc.tags.map(foldText),
        topic: foldText(doc.topic),
        body: foldText(markdownToPlainText(doc.body)),
      };
    });
    vocabulary.seal();
    return new SearchIndex(entries, vocabulary);
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(1, options.limit ?? DEFAULT_LIMIT);
    const parsed = parseQuery(query);
    const filtered = parsed.tags.length > 0 || parsed.topics.length > 0;
    const candidates = filtered ? this.filter(parsed.tags.map(foldText), parsed.topics.map(foldText)) : this.all;
    const terms = queryTerms(foldText(parsed.text));
    if (terms.length === 0) {
      if (!filtered) return [];
      return Array.from(candidates.subarray(0, limit), (d) => this.filterHit(d));
    }
    return this.rank(terms, candidates, filtered, limit);
  }

  private rank(texts: string[], candidates: Int32Array, filtered: boolean, limit: number): SearchHit[] {
    const n = this.entries.length;
    const terms: TermInfo[] = texts.map((text) => ({ text, han: HAN.test(text), pinyin: PINYIN_TERM.test(text) }));
    const scores = terms.map(() => new Float32Array(n).fill(MISS));
    const kinds = terms.map(() => new Uint8Array(n).fill(NONE));
    const fuzzyTerms = terms.map(() => new Map<number, string>());
    const allowed = filtered ? new Uint8Array(n) : undefined;
    if (allowed) for (const d of candidates) allowed[d] = 1;
    const m: Match = { score: MISS, kind: NONE };

    terms.forEach((term, t) => {
      let hits = 0;
      for (const d of candidates) {
        this.matchShort(term, this.entries[d], m);
        if (m.kind !== NONE) {
          scores[t][d] = m.score;
          kinds[t][d] = m.kind;
          hits++;
        }
      }
      if (hits >= FEW_HITS) return;
      if (!term.han && term.text.length >= MIN_FUZZY_LATIN) this.matchFuzzy(term.text, scores[t], kinds[t], fuzzyTerms[t], allowed);
      if (term.han && term.text.length >= MIN_BIGRAM_HAN) this.matchBigrams(term.text, candidates, scores[t], kinds[t]);
    });

    const matchedCount = (d: number) => scores.reduce((c, s) => c + (s[d] < MISS ? 1 : 0), 0);
    let complete = 0;
    for (const d of candidates) if (matchedCount(d) === terms.length) complete++;
    if (complete < limit) this.matchBodies(terms, candidates, scores, kinds);

    const phrase = texts.length > 1 ? texts.join(' ') : '';
    const needed = Math.max(1, Math.ceil(terms.length / 2));
    complete = 0;
    const full: number[] = [];
    const partial: number[] = [];
    for (const d of candidates) {
      const c = matchedCount(d);
      if (c === terms.length) full.push(d);
      else if (c >= needed) partial.push(d);
    }
    complete = full.length;
    const keys: number[] = [];
    for (const d of full) keys.push(rankKey(this.completeScore(d, scores, phrase), d));
    if (complete < limit) for (const d of partial) keys.push(rankKey(this.partialScore(d, scores), d));
    const top = Float64Array.from(keys).sort().subarray(0, limit);
    return Array.from(top, (key) => {
      const d = key % RANK_DOCS;
      const score = Math.floor(key / RANK_DOCS) / RANK_SCALE;
      return this.hit(d, score, terms, scores, kinds, fuzzyTerms);
    });
  }

  private matchShort(term: TermInfo, e: Entry, m: Match): void {
    const text = term.text;
    m.score = MISS;
    m.kind = NONE;
    const inTitle = e.title.indexOf(text);
    if (inTitle !== -1) {
      m.kind = TITLE;
      m.score = term.han ? hanTitleScore(e.title, inTitle, text.length) : latinScore(e.title, text, inTitle, TITLE_SCORES);
      if (m.score <= S.titleWord) return;
    }
    if (e.keywords) {
      const inKeywords = e.keywords.indexOf(text);
      if (inKeywords !== -1) {
        const s = term.han ? hanKeywordScore(e.keywords, inKeywords, text.length) : latinScore(e.keywords, text, inKeywords, KEYWORD_SCORES);
        if (s < m.score) {
          m.score = s;
          m.kind = KEYWORD;
        }
      }
    }
    if (!term.pinyin || m.score <= S.pinyinFullStart) return;
    const py = e.pinyin;
    if (py) {
      const at = pinyinStart(py, text);
      if (at !== -1) {
        const s = at === 0 ? S.pinyinFullStart : S.pinyinFull;
        if (s < m.score) {
          m.score = s;
          m.kind = PINYIN_FULL;
        }
      }
      if (m.score > S.pinyinInitialsStart && text.length <= py.initials.length) {
        const at2 = py.initials.indexOf(text);
        if (at2 !== -1) {
          const s = at2 === 0 ? S.pinyinInitialsStart : S.pinyinInitials;
          if (s < m.score) {
            m.score = s;
            m.kind = PINYIN_INITIALS;
          }
        }
      }
    }
    if (m.score > S.keywordPinyin && e.keywordFull) {
      if (e.keywordFull.indexOf(SEP + text) !== -1) {
        m.score = S.keywordPinyin;
        m.kind = KEYWORD_PINYIN;
      } else if (text.length >= 2 && e.keywordInitials.indexOf(SEP + text) !== -1) {
        m.score = S.keywordInitials;
        m.kind = KEYWORD_PINYIN;
      }
    }
  }

  /** Typos: Fuse over the title/keyword vocabulary, then the documents holding each close term. */
  private matchFuzzy(text: string, scores: Float32Array, kinds: Uint8Array, terms: Map<number, string>, allowed: Uint8Array | undefined): void {
    for (const f of this.vocabulary.fuzzy(text)) {
      const apply = (docs: number[], base: number, kind: number) => {
        const s = base + S.fuzzySpread * f.score;
        for (const d of docs) {
          if ((allowed && !allowed[d]) || s >= scores[d]) continue;
          scores[d] = s;
          kinds[d] = kind;
          terms.set(d, f.term);
        }
      };
      apply(f.postings.title, S.fuzzyTitle, FUZZY_TITLE);
      apply(f.postings.keywords, S.fuzzyKeyword, FUZZY_KEYWORD);
    }
  }

  /** Han text that is no substring anywhere: how many of its two-char pieces the title and keywords hold. */
  private matchBigrams(text: string, candidates: Int32Array, scores: Float32Array, kinds: Uint8Array): void {
    const pairs = hanBigrams(text);
    if (pairs.length < 2) return;
    for (const d of candidates) {
      if (scores[d] < MISS) continue;
      const e = this.entries[d];
      let found = 0;
      for (const p of pairs) if (e.title.includes(p) || e.keywords.includes(p)) found++;
      const coverage = found / pairs.length;
      if (coverage >= 0.5 && found >= 2) {
        scores[d] = S.bigram + S.bigramSpread * (1 - coverage);
        kinds[d] = BIGRAM;
      }
    }
  }

  private matchBodies(terms: TermInfo[], candidates: Int32Array, scores: Float32Array[], kinds: Uint8Array[]): void {
    terms.forEach((term, t) => {
      if (!term.han && term.text.length < 2) return;
      const sc = scores[t];
      const kd = kinds[t];
      for (const d of candidates) {
        if (sc[d] < MISS) continue;
        const at = this.entries[d].body.indexOf(term.text);
        if (at === -1) continue;
        sc[d] = S.body + S.bodySpread * Math.min(1, at / 4000);
        kd[d] = BODY;
      }
    });
  }

  private completeScore(d: number, scores: Float32Array[], phrase: string): number {
    const e = this.entries[d];
    let sum = 0;
    for (const s of scores) sum += s[d];
    let score = sum / scores.length + S.titleLengthSpread * Math.min(1, e.title.length / 100);
    if (phrase && (e.title.includes(phrase) || e.keywords.includes(SEP + phrase))) score -= S.phraseBonus;
    return Math.min(S.partial - 0.001, Math.max(0, score));
  }

  private partialScore(d: number, scores: Float32Array[]): number {
    let missing = 0;
    let sum = 0;
    for (const s of scores) {
      if (s[d] < MISS) sum += s[d];
      else missing++;
    }
    const matched = scores.length - missing;
    return Math.min(1, S.partial + 0.05 * (missing / scores.length) + 0.05 * (sum / matched));
  }

  private filter(tags: string[], topics: string[]): Int32Array {
    const out: number[] = [];
    this.entries.forEach((e, d) => {
      if (!tags.every((t) => e.tags.some((et) => et.startsWith(t)))) return;
      if (topics.length && !topics.some((t) => e.topic.includes(t))) return;
      out.push(d);
    });
    return Int32Array.from(out);
  }

  private filterHit(d: number): SearchHit {
    return { id: this.entries[d].doc.id, score: 0, matchedIn: 'filter', titleRanges: [], snippet: firstLine(this.entries[d].doc.body), snippetRanges: [] };
  }

  private hit(d: number, score: number, terms: TermInfo[], scores: Float32Array[], kinds: Uint8Array[], fuzzy: Map<number, string>[]): SearchHit {
    const e = this.entries[d];
    let best = 0;
    for (let t = 1; t < terms.length; t++) if (scores[t][d] < scores[best][d]) best = t;
    const titleRanges: [number, number][] = [];
    terms.forEach((term, t) => {
      occurrences(e.title, term.text, titleRanges);
      switch (kinds[t][d]) {
        case PINYIN_FULL:
        case PINYIN_INITIALS:
          pinyinRange(e.pinyin, term.text, kinds[t][d] === PINYIN_FULL, titleRanges);
          break;
        case FUZZY_TITLE:
          occurrences(e.title, fuzzy[t].get(d) ?? '', titleRanges);
          break;
        case BIGRAM:
          for (const p of hanBigrams(term.text)) occurrences(e.title, p, titleRanges);
          break;
      }
    });
    const kind = kinds[best][d];
    const snippet = this.snippet(d, terms, fuzzy.map((f) => f.get(d)));
    return {
      id: e.doc.id,
      score,
      matchedIn: MATCHED_IN[kind] ?? 'body',
      titleRanges: mergeRanges(titleRanges),
      ...snippet,
    };
  }

  /** The answer around the first place a term (or its typo correction) occurs; its first line otherwise. */
  private snippet(d: number, terms: TermInfo[], corrections: (string | undefined)[]): { snippet: string; snippetRanges: [number, number][] } {
    const e = this.entries[d];
    const needles = [...terms.map((t) => t.text), ...corrections.filter((c): c is string => !!c)].filter((x) => HAN.test(x) || x.length >= 2);
    let at = -1;
    for (const needle of needles) {
      const i = e.body.indexOf(needle);
      if (i !== -1 && (at === -1 || i < at)) at = i;
    }
    if (at === -1) return { snippet: firstLine(e.doc.body), snippetRanges: [] };
    const plain = this.plainText(d);
    let start = Math.max(0, at - SNIPPET_LEAD);
    // Start on a word when one begins close by, so the snippet does not open mid-word.
    const space = plain.lastIndexOf(' ', at);
    if (start > 0 && space >= start && space < at) start = space + 1;
    const end = Math.min(plain.length, start + SNIPPET_CHARS);
    const lead = start > 0 ? '…' : '';
    const snippet = lead + plain.slice(start, end) + (end < plain.length ? '…' : '');
    const ranges: [number, number][] = [];
    const window = e.body.slice(start, end);
    for (const needle of needles) occurrences(window, needle, ranges);
    return { snippet, snippetRanges: mergeRanges(ranges).map(([a, b]) => [a + lead.length, b + lead.length]) };
  }

  private plainText(d: number): string {
    let plain = this.plainCache.get(d);
    if (plain === undefined) {
      plain = markdownToPlainText(this.entries[d].doc.body);
      if (this.plainCache.size >= PLAIN_CACHE) this.plainCache.delete(this.plainCache.keys().next().value as number);
      this.plainCache.set(d, plain);
    }
    return plain;
  }
}

// Scores pack into one sortable number: score first (to 1e-6), document index to break ties.
const RANK_SCALE = 1e6;
const RANK_DOCS = 2 ** 24;
function rankKey(score: number, d: number): number {
  return Math.round(score * RANK_SCALE) * RANK_DOCS + d;
}

interface LatinScores {
  whole: number;
  startWord: number;
  word: number;
  wordPrefix: number;
  inside: number;
}
const TITLE_SCORES: LatinScores = { whole: S.titleWhole, startWord: S.titleStartWord, word: S.titleWord, wordPrefix: S.titleWordPrefix, inside: S.titleInside };
const KEYWORD_SCORES: LatinScores = { whole: S.keywordWhole, startWord: S.keywordPrefix, word: S.keywordWord, wordPrefix: S.keywordWordPrefix, inside: S.keywordInside };

/**
 * Best word-boundary placement among the first few occurrences: "is" should
 * find the word "is", not the inside of "list". In the SEP-joined keyword
 * string, "whole" means the entire keyword and "startWord" its beginning.
 */
function latinScore(hay: string, text: string, first: number, s: LatinScores): number {
  let best: number = MISS;
  const joined = hay.charCodeAt(0) === 1;
  for (let i = first, n = 0; i !== -1 && n < 6; i = hay.indexOf(text, i + 1), n++) {
    const end = i + text.length;
    const before = i === 0 ? -1 : hay.charCodeAt(i - 1);
    const after = end >= hay.length ? -1 : hay.charCodeAt(end);
    const startsField = joined ? before === 1 : i === 0;
    const endsField = joined ? after === 1 : end === hay.length;
    const startB = before === -1 || !isWordChar(before);
    const endB = after === -1 || !isWordChar(after);
    let score: number;
    if (startsField && endsField) score = s.whole;
    else if (startsField && endB) score = s.startWord;
    else if (startB && endB) score = s.word;
    else if (startB) score = startsField ? s.startWord + 0.01 : s.wordPrefix;
    else score = s.inside;
    if (score < best) best = score;
    if (best <= s.startWord) break;
  }
  return best;
}

function hanTitleScore(title: string, at: number, length: number): number {
  if (at === 0) return length === title.length ? S.titleWhole : S.titleStartWord;
  return S.titleHan;
}

function hanKeywordScore(keywords: string, at: number, length: number): number {
  if (keywords.charCodeAt(at - 1) === 1) return keywords.charCodeAt(at + length) === 1 ? S.keywordWhole : S.keywordPrefix;
  const again = keywords.indexOf(SEP + keywords.slice(at, at + length));
  if (again !== -1) return keywords.charCodeAt(again + 1 + length) === 1 ? S.keywordWhole : S.keywordPrefix;
  return S.keywordWord;
}

/** First place `text` starts on a syllable or word boundary of the title pinyin, -1 if none. */
function pinyinStart(py: PinyinKeys, text: string): number {
  for (let i = py.full.indexOf(text), n = 0; i !== -1 && n < 8; i = py.full.indexOf(text, i + 1), n++) {
    if (py.fullStarts[i]) return i;
  }
  return -1;
}

function pinyinRange(py: PinyinKeys | undefined, text: string, full: boolean, out: [number, number][]): void {
  if (!py) return;
  if (full) {
    const at = pinyinStart(py, text);
    if (at !== -1) out.push([py.fullToTitle[at], py.fullToTitle[at + text.length - 1] + 1]);
    return;
  }
  const at = py.initials.indexOf(text);
  if (at !== -1) out.push([py.initialsToTitle[at], py.initialsToTitle[at + text.length - 1] + 1]);
}

function hanBigrams(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i++) out.add(text.slice(i, i + 2));
  return [...out];
}

function occurrences(hay: string, needle: string, out: [number, number][]): void {
  if (!needle) return;
  for (let i = hay.indexOf(needle), n = 0; i !== -1 && n < 8; i = hay.indexOf(needle, i + needle.length), n++) out.push([i, i + needle.length]);
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [[ranges[0][0], ranges[0][1]]];
  for (const [a, b] of ranges.slice(1)) {
    const last = out[out.length - 1];
    if (a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** First line of the answer a reader would see: not a heading, fence or rule. */
function firstLine(md: string): string {
  for (const line of md.split('\n', 200)) {
    const trimmed = line.trim();
    if (!trimmed || /^(#{1,6}\s|```|~~~|---|\*\*\*|<!--)/.test(trimmed)) continue;
    const plain = markdownToPlainText(trimmed);
    if (plain) return plain.length > SNIPPET_CHARS ? plain.slice(0, SNIPPET_CHARS) + '…' : plain;
  }
  return '';
}
