// Question search for the QuickPick and the CLI. It runs on every keystroke,
// so build() precomputes folded titles and keywords, title pinyin, plain-text
// answers, a typo vocabulary for Fuse, and per-question bit signatures that
// rule most questions out before any string is searched. Each term also
// remembers which questions it matched: typing "shen" → "sheng" only
// re-checks what "shen" found.
//
// Ranking, per term: title < keywords < pinyin < typo < answer (lower score
// is better); terms are AND-ed and weighted by rarity.
import { GramSignatures, TextPool } from './gramSignature';
import { MarkupScanner } from './markupScanner';
import { foldText, markdownToPlainText } from './plainText';
import { PinyinRuns, keywordPinyin, pinyinKeys } from './pinyinKeys';
import {
  BIGRAM, BODY, FUZZY_KEYWORD, FUZZY_PINYIN, FUZZY_TITLE, MISS, NONE, PINYIN_FULL, PINYIN_INITIALS, S, SEP,
  matchShort, pinyinRange, setLetterMasks, termInfo, type Entry, type Match, type Term,
} from './searchMatch';
import { hasFilters, matchesLevel, parseQuery, queryTerms, type ParsedQuery } from './searchQuery';
import type { StudyCondition } from '../study/studyState';
import type { Difficulty, Importance } from '../notes/model';
import { firstLine, mergeRanges, occurrences, snippetAround, type Range } from './searchSnippet';
import { TermVocabulary, type FuzzyTerm, type TermPostings } from './searchTerms';

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
  difficulty?: Difficulty;
  importance?: Importance;
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
  /**
   * The query's `is:` filters, applied by the caller (core does not know study
   * state): return false to drop a question. Only consulted when the query has them.
   */
  accept?: (id: string, states: readonly StudyCondition[]) => boolean;
}

const DEFAULT_LIMIT = 20;
// Indexed by match kind (see searchMatch.ts).
const MATCHED_IN: SearchHit['matchedIn'][] = ['title', 'keywords', 'pinyin', 'pinyin', 'pinyin', 'title', 'keywords', 'pinyin', 'title', 'body'];
/** Terms with fewer title/keyword/pinyin hits than this also get typo and bigram matching. */
const FEW_HITS = 3;
const MIN_FUZZY_LATIN = 4;
const MIN_BIGRAM_HAN = 3;
const PHRASE_BONUS = 0.03;
const MIN_WEIGHT = 0.05;
const TITLE_LENGTH_SPREAD = 0.01;
const PLAIN_CACHE = 128;
const TERM_CACHE = 64;
// Whole per-term results kept: the few terms of the last queries, and single chars (a first-char index filled on use).
const RECENT_SCORES = 8;
const CHAR_SCORES = 32;
// Signature sizes: about a fifth of the bits set for typical titles+keywords and answers.
const SHORT_SIGNATURE_BITS = 2048;
const BODY_SIGNATURE_BITS = 4096;

/** Questions a term matched, over all questions; the sets only shrink as the term grows. */
interface TermMatches {
  /** In title, keywords or pinyin. */
  short: Int32Array;
  /** Anywhere, answer included; absent until an answer scan ran for this term. */
  any?: Int32Array;
}

/** What every occurrence of one keyword adds, worked out once per build. */
interface KeywordInfo {
  folded: string;
  pinyin: [string, string] | undefined;
  postings: TermPostings[];
}

/** Per-term results for one query, indexed by question. */
interface TermScores {
  term: Term;
  score: Float32Array;
  kind: Uint8Array;
  /** The vocabulary word (or title pinyin) a typo was read as, per question. */
  fuzzy: Map<number, FuzzyTerm>;
  /** The questions matchShort matched (for the prefix cache). */
  short: Int32Array;
  /** The same with answer matches added, once a query needed them (remembered results are never changed). */
  withBodies?: TermScores;
}

export class SearchIndex {
  private readonly plainCache = new Map<number, string>();
  private readonly termCache = new Map<string, TermMatches>();
  private readonly recentScores = new Map<string, TermScores>();
  private readonly charScores = new Map<string, TermScores>();
  private readonly all: Int32Array;
  /** Longer titles rank a little lower, per question. */
  private readonly titleSpread: Float64Array;

  private readonly shortSignatures: GramSignatures;
  private readonly bodySignatures: GramSignatures;

  private constructor(
    private readonly docs: readonly SearchDoc[],
    private readonly entries: Entry[],
    private readonly vocabulary: TermVocabulary,
    bodySignatures: GramSignatures,
  ) {
    this.all = Int32Array.from(entries.keys());
    this.titleSpread = Float64Array.from(entries, (e) => TITLE_LENGTH_SPREAD * Math.min(1, e.title.length / 100));
    this.shortSignatures = new GramSignatures(entries.length, SHORT_SIGNATURE_BITS);
    this.bodySignatures = bodySignatures;
    entries.forEach((e, d) => {
      const s = this.shortSignatures;
      s.add(d, e.title);
      s.add(d, e.keywords);
      if (e.pinyin) {
        s.add(d, e.pinyin.full);
        s.add(d, e.pinyin.initials);
      }
      s.add(d, e.keywordFull);
      s.add(d, e.keywordInitials);
    });
  }

  static build(docs: readonly SearchDoc[]): SearchIndex {
    const steps = SearchIndex.building(docs);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same build one question per step, so the extension can spread a large
   * index over short time slices and never block its thread for long
   * (see SlicedBuild).
   */
  static *building(docs: readonly SearchDoc[]): Generator<void, SearchIndex, void> {
    const vocabulary = new TermVocabulary();
    const runs = new PinyinRuns();
    const bodySignatures = new GramSignatures(docs.length, BODY_SIGNATURE_BITS);
    const scanner = new MarkupScanner();
    const answers = new TextPool();
    // Keywords repeat across questions; their folding, pinyin and postings are worth remembering.
    const keywordInfo = new Map<string, KeywordInfo>();
    const entries: Entry[] = [];
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      const title = foldText(doc.title);
      const keywords: string[] = [];
      const full: string[] = [];
      const initials: string[] = [];
      const count = doc.keywords.length;
      for (let at = 0; at < count; at++) {
        const raw = doc.keywords[at];
        let info = keywordInfo.get(raw);
        if (!info) {
          const folded = foldText(raw);
          info = { folded, pinyin: keywordPinyin(folded, runs), postings: vocabulary.keywordPostings(folded) };
          keywordInfo.set(raw, info);
        }
        keywords.push(info.folded);
        vocabulary.addKeyword(i, info.postings, at / count);
        if (info.pinyin) {
          full.push(info.pinyin[0]);
          initials.push(info.pinyin[1]);
        }
      }
      vocabulary.addTitle(i, title);
      const pinyin = pinyinKeys(title, runs);
      if (pinyin) vocabulary.addPinyin(i, pinyin.full);
      entries.push(setLetterMasks({
        title,
        keywords: keywords.length ? SEP + keywords.join(SEP) + SEP : '',
        pinyin,
        keywordFull: full.length ? SEP + full.join(SEP) + SEP : '',
        keywordInitials: initials.length ? SEP + initials.join(SEP) + SEP : '',
        tags: doc.tags.map(foldText),
        topic: foldText(doc.topic),
        body: '',
        titleLetters: 0,
        keywordLetters: 0,
        pinyinStarts: 0,
        keywordPinyinStarts: 0,
      }));
      bodySignatures.addAnswer(i, scanner.strip(doc.body), answers);
      yield;
    }
    const bodies = answers.texts();
    for (let i = 0; i < entries.length; i++) entries[i].body = bodies[i];
    return new SearchIndex(docs, entries, vocabulary, bodySignatures);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit !== undefined && Number.isFinite(options.limit) ? Math.max(1, Math.floor(options.limit)) : DEFAULT_LIMIT;
    const parsed = parseQuery(query);
    const filtered = hasFilters(parsed);
    const terms = queryTerms(foldText(parsed.text));
    if (!filtered && terms.length === 0) return [];
    const candidates = filtered ? this.filter(parsed, options.accept) : this.all;
    if (terms.length === 0) return Array.from(candidates.subarray(0, limit), (d) => this.filterHit(d));
    return this.rank(terms, candidates, filtered, limit);
  }

  private rank(texts: string[], candidates: Int32Array, filtered: boolean, limit: number): SearchHit[] {
    const n = this.entries.length;
    let allowed: Uint8Array | undefined;
    if (filtered) {
      allowed = new Uint8Array(n);
      for (const d of candidates) allowed[d] = 1;
    }
    const results = texts.map((text) => this.termScores(text, candidates, allowed));
    const terms = results.length;

    let found = 0;
    for (const d of candidates) {
      let t = 0;
      while (t < terms && results[t].score[d] < MISS) t++;
      if (t === terms) found++;
    }
    if (found < limit) for (let t = 0; t < terms; t++) results[t] = this.withBodies(results[t], candidates, allowed);

    const phrase = terms > 1 ? texts.join(' ') : '';
    const needed = Math.ceil(terms / 2);
    const full: number[] = [];
    const partial: number[] = [];
    const df = new Array<number>(terms).fill(0);
    for (const d of candidates) {
      let matched = 0;
      for (let t = 0; t < terms; t++) {
        if (results[t].score[d] < MISS) {
          matched++;
          df[t]++;
        }
      }
      if (matched === terms) full.push(d);
      else if (matched >= needed && matched > 0) partial.push(d);
    }
    // Rare terms weigh more: in "python 装饰器" nearly every answer says python.
    const weights = df.map((f) => Math.max(MIN_WEIGHT, Math.log((candidates.length + 1) / (f + 0.5))));
    const top = new TopKeys(limit);
    const keywordPhrase = SEP + phrase;
    for (const d of full) top.add(rankKey(this.completeScore(d, results, weights, phrase, keywordPhrase), d));
    if (full.length < limit) for (const d of partial) top.add(rankKey(partialScore(d, results, weights), d));
    return Array.from(top.sorted(), (key) => this.hit(key % RANK_DOCS, Math.floor(key / RANK_DOCS) / RANK_SCALE, results));
  }

  /**
   * matchTerm, remembered when nothing is filtered out: "shufle" is the same
   * term in "shufle l" and "shufle li", and single chars are typed all the time.
   */
  private termScores(text: string, candidates: Int32Array, allowed: Uint8Array | undefined): TermScores {
    if (allowed) return this.matchTerm(termInfo(text), candidates, allowed);
    const [cache, size] = text.length === 1 ? [this.charScores, CHAR_SCORES] : [this.recentScores, RECENT_SCORES];
    let r = cache.get(text);
    if (r) {
      cache.delete(text);
      this.remember(text, { short: r.short });
    } else {
      r = this.matchTerm(termInfo(text), candidates, allowed);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    }
    cache.set(text, r);
    return r;
  }

  /** `r` with its answer matches: `r` itself when filtered (never remembered), else a copy made once. */
  private withBodies(r: TermScores, candidates: Int32Array, allowed: Uint8Array | undefined): TermScores {
    if (allowed || !searchesAnswers(r.term)) {
      this.matchBodies(r, candidates, allowed);
      return r;
    }
    if (!r.withBodies) {
      r.withBodies = { ...r, score: r.score.slice(), kind: r.kind.slice() };
      this.matchBodies(r.withBodies, candidates, allowed);
    }
    return r.withBodies;
  }

  /** Title, keyword and pinyin pass for one term; typo and bigram passes when it found little. */
  private matchTerm(term: Term, candidates: Int32Array, allowed: Uint8Array | undefined): TermScores {
    const n = this.entries.length;
    const r: TermScores = { term, score: new Float32Array(n).fill(MISS), kind: new Uint8Array(n).fill(NONE), fuzzy: new Map(), short: new Int32Array(0) };
    const prior = this.cachedPrefix(term.text, 'short');
    const domain = prior?.short ?? candidates;
    const matched: number[] = [];
    const m: Match = { score: MISS, kind: NONE };
    const keys = this.shortSignatures.keys(term.text);
    for (const d of domain) {
      if ((allowed && !allowed[d]) || !this.shortSignatures.mayContain(d, keys)) continue;
      matchShort(term, this.entries[d], m);
      if (m.kind === NONE) continue;
      r.score[d] = m.score;
      r.kind[d] = m.kind;
      matched.push(d);
    }
    r.short = Int32Array.from(matched);
    if (!allowed) this.remember(term.text, { short: r.short });
    if (matched.length < FEW_HITS) {
      if (!term.han && term.text.length >= MIN_FUZZY_LATIN) this.matchFuzzy(r, allowed);
      if (term.han && term.text.length >= MIN_BIGRAM_HAN) this.matchBigrams(r, candidates);
    }
    return r;
  }

  /** Typos: Fuse picks close vocabulary words, their questions get the term. */
  private matchFuzzy(r: TermScores, allowed: Uint8Array | undefined): void {
    const keywordHits = new Map<number, number>();
    for (const f of this.vocabulary.fuzzy(r.term.text)) {
      for (const d of f.postings.keywords) keywordHits.set(d, (keywordHits.get(d) ?? 0) + 1);
      const apply = (docs: number[], base: number, kind: number, at?: number[]) => {
        docs.forEach((d, j) => {
          const s = base + S.fuzzySpread * f.score + (at ? S.keywordPlacementSpread * at[j] : 0);
          if ((allowed && !allowed[d]) || s >= r.score[d]) return;
          r.score[d] = s;
          r.kind[d] = kind;
          r.fuzzy.set(d, f);
        });
      };
      apply(f.postings.title, S.fuzzyTitle, FUZZY_TITLE);
      apply(f.postings.keywords, S.fuzzyKeyword, FUZZY_KEYWORD, f.postings.keywordAt);
      if (r.term.pinyin) apply(f.postings.pinyin, S.fuzzyPinyin, FUZZY_PINYIN);
    }
    // "idempotent", "idempotency", "Idempotency-Key": several close keywords, more on topic.
    for (const [d, count] of keywordHits) {
      if (r.kind[d] === FUZZY_KEYWORD) r.score[d] -= S.keywordRepeatBonus * Math.min(2, count - 1);
    }
  }

  /** Han text found nowhere whole ("字典按值排序"): how many of its two-char pieces title and keywords hold. */
  private matchBigrams(r: TermScores, candidates: Int32Array): void {
    const pairs = hanPairs(r.term.text).map((p) => ({ p, keys: this.shortSignatures.keys(p) }));
    for (const d of candidates) {
      if (r.score[d] < MISS) continue;
      const e = this.entries[d];
      let found = 0;
      for (const { p, keys } of pairs) {
        if (this.shortSignatures.mayContain(d, keys) && (e.title.includes(p) || e.keywords.includes(p))) found++;
      }
      if (found >= 2 && found * 2 >= pairs.length) {
        r.score[d] = S.bigram + S.bigramSpread * (1 - found / pairs.length);
        r.kind[d] = BIGRAM;
      }
    }
  }

  private matchBodies(r: TermScores, candidates: Int32Array, allowed: Uint8Array | undefined): void {
    const text = r.term.text;
    if (!searchesAnswers(r.term)) return;
    const prior = this.cachedPrefix(text, 'any');
    const domain = prior?.any ?? candidates;
    const any: number[] = [];
    const keys = this.bodySignatures.keys(text);
    for (const d of domain) {
      if (allowed && !allowed[d]) continue;
      if (r.score[d] < MISS && r.kind[d] < FUZZY_TITLE) {
        any.push(d);
        continue;
      }
      if (!this.bodySignatures.mayContain(d, keys)) continue;
      const at = this.entries[d].body.indexOf(text);
      if (at === -1) continue;
      any.push(d);
      if (r.score[d] < MISS) continue;
      r.score[d] = S.body + S.bodySpread * Math.min(1, at / 4000);
      r.kind[d] = BODY;
    }
    const cached = this.termCache.get(text);
    if (!allowed && cached) cached.any = Int32Array.from(any);
  }

  /** `phrase`: the terms joined by spaces when there are several, else ''; `keywordPhrase` is SEP + phrase. */
  private completeScore(d: number, results: TermScores[], weights: number[], phrase: string, keywordPhrase: string): number {
    let sum = 0;
    let total = 0;
    for (let t = 0; t < results.length; t++) {
      sum += weights[t] * results[t].score[d];
      total += weights[t];
    }
    let score = sum / total + this.titleSpread[d];
    if (phrase && (this.entries[d].title.includes(phrase) || this.entries[d].keywords.includes(keywordPhrase))) score -= PHRASE_BONUS;
    return Math.min(S.partial - 0.001, Math.max(0, score));
  }

  /** Longest cached prefix of `text` that has the wanted set. */
  private cachedPrefix(text: string, want: keyof TermMatches): TermMatches | undefined {
    for (let k = text.length; k > 0; k--) {
      const hit = this.termCache.get(text.slice(0, k));
      if (hit?.[want]) return hit;
    }
    return undefined;
  }

  private remember(text: string, matches: TermMatches): void {
    const old = this.termCache.get(text);
    if (old) this.termCache.delete(text);
    else if (this.termCache.size >= TERM_CACHE) this.termCache.delete(this.termCache.keys().next().value as string);
    this.termCache.set(text, { ...old, ...matches });
  }

  private filter(parsed: ParsedQuery, accept: SearchOptions['accept']): Int32Array {
    const tags = parsed.tags.map(foldText);
    const topics = parsed.topics.map(foldText);
    const out: number[] = [];
    this.entries.forEach((e, d) => {
      if (!tags.every((t) => e.tags.some((et) => et.startsWith(t)))) return;
      if (topics.length && !topics.some((t) => e.topic.includes(t))) return;
      const doc = this.docs[d];
      if (!matchesLevel(parsed, doc.difficulty, doc.importance)) return;
      if (parsed.states.length && accept && !accept(doc.id, parsed.states)) return;
      out.push(d);
    });
    return Int32Array.from(out);
  }

  private filterHit(d: number): SearchHit {
    return { id: this.docs[d].id, score: 0, matchedIn: 'filter', titleRanges: [], snippet: firstLine(this.docs[d].body), snippetRanges: [] };
  }

  private hit(d: number, score: number, results: TermScores[]): SearchHit {
    const e = this.entries[d];
    let best = results[0];
    for (const r of results) if (r.score[d] < best.score[d]) best = r;
    const titleRanges: Range[] = [];
    const needles: string[] = [];
    for (const r of results) {
      const text = r.term.text;
      const kind = r.kind[d];
      const fuzzy = r.fuzzy.get(d);
      occurrences(e.title, text, titleRanges);
      if (kind === PINYIN_FULL || kind === PINYIN_INITIALS) pinyinRange(e.pinyin, text, kind, titleRanges);
      if (fuzzy && kind === FUZZY_TITLE) occurrences(e.title, fuzzy.term, titleRanges);
      if (fuzzy && kind === FUZZY_PINYIN && e.pinyin) titleRanges.push([e.pinyin.fullToTitle[fuzzy.matched[0]], e.pinyin.fullToTitle[fuzzy.matched[1] - 1] + 1]);
      if (kind === BIGRAM) for (const p of hanPairs(text)) occurrences(e.title, p, titleRanges);
      if (r.term.han || text.length >= 2) needles.push(text);
      if (fuzzy && kind !== FUZZY_PINYIN) needles.push(fuzzy.term);
    }
    return {
      id: this.docs[d].id,
      score,
      matchedIn: MATCHED_IN[best.kind[d]] ?? 'body',
      titleRanges: mergeRanges(titleRanges),
      ...this.snippet(d, needles),
    };
  }

  /** The answer around the first place a term (or the word a typo was read as) occurs; else its first line. */
  private snippet(d: number, needles: string[]): { snippet: string; snippetRanges: Range[] } {
    const body = this.entries[d].body;
    let at = -1;
    for (const needle of needles) {
      const i = wordOccurrence(body, needle);
      if (i !== -1 && (at === -1 || i < at)) at = i;
    }
    if (at === -1) return { snippet: firstLine(this.docs[d].body), snippetRanges: [] };
    return snippetAround(this.plainText(d), body, at, needles);
  }

  private plainText(d: number): string {
    let plain = this.plainCache.get(d);
    if (plain === undefined) {
      plain = markdownToPlainText(this.docs[d].body);
      if (this.plainCache.size >= PLAIN_CACHE) this.plainCache.delete(this.plainCache.keys().next().value as number);
      this.plainCache.set(d, plain);
    }
    return plain;
  }
}

/** Missing terms cost what they weigh; what matched refines the order. */
function partialScore(d: number, results: TermScores[], weights: number[]): number {
  let missing = 0;
  let sum = 0;
  let total = 0;
  let matched = 0;
  for (let t = 0; t < results.length; t++) {
    const w = weights[t];
    const s = results[t].score[d];
    total += w;
    if (s < MISS) {
      sum += w * s;
      matched += w;
    } else missing += w;
  }
  return Math.min(1, S.partial + 0.05 * (missing / total) + 0.05 * (sum / Math.max(MIN_WEIGHT, matched)));
}

const MAX_INSERTED = 64;

/** The `limit` smallest keys seen, kept sorted: a full sort of every match is most of a short query. */
class TopKeys {
  private readonly keys: Float64Array;
  private size = 0;

  /** Past a few dozen, inserting costs more than sorting everything once. */
  private readonly all: number[] | undefined;

  constructor(private readonly limit: number) {
    this.keys = new Float64Array(limit <= MAX_INSERTED ? limit : 0);
    if (limit > MAX_INSERTED) this.all = [];
  }

  add(key: number): void {
    if (this.all) {
      this.all.push(key);
      return;
    }
    const keys = this.keys;
    if (this.size === this.limit) {
      if (key >= keys[this.size - 1]) return;
      this.size--;
    }
    let i = this.size++;
    for (; i > 0 && keys[i - 1] > key; i--) keys[i] = keys[i - 1];
    keys[i] = key;
  }

  sorted(): Float64Array {
    if (this.all) return Float64Array.from(this.all).sort().subarray(0, this.limit);
    return this.keys.subarray(0, this.size);
  }
}

// Score and question index packed into one number that sorts right: score to 1e-6, then input order.
const RANK_SCALE = 1e6;
const RANK_DOCS = 2 ** 24;
function rankKey(score: number, d: number): number {
  return Math.round(score * RANK_SCALE) * RANK_DOCS + d;
}

/** First occurrence that starts a word ("generator", not "getgeneratorstate"), else the first one. */
function wordOccurrence(hay: string, needle: string): number {
  const first = hay.indexOf(needle);
  if (first <= 0 || !/^\w/.test(needle)) return first;
  for (let i = first, n = 0; i !== -1 && n < 16; i = hay.indexOf(needle, i + 1), n++) {
    if (!/\w/.test(hay[i - 1])) return i;
  }
  return first;
}

/** One Latin letter is inside nearly every answer: noise, not a match. */
function searchesAnswers(term: Term): boolean {
  return term.han || term.text.length >= 2;
}

function hanPairs(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i++) out.add(text.slice(i, i + 2));
  return [...out];
}

/**
 * A search index built in time slices: `runFor` does at most about `ms` of
 * work and says whether the index is complete; `finish` completes it at once
 * (when a search cannot wait).
 */
export class SlicedBuild {
  private readonly steps: Generator<void, SearchIndex, void>;
  private index: SearchIndex | undefined;
  /** The longest single slice so far, in ms (for the log and the bench). */
  longestSliceMs = 0;
  slices = 0;

  constructor(docs: readonly SearchDoc[]) {
    this.steps = SearchIndex.building(docs);
  }

  get result(): SearchIndex | undefined {
    return this.index;
  }

  runFor(ms: number): boolean {
    if (this.index) return true;
    const started = performance.now();
    for (;;) {
      const step = this.steps.next();
      if (step.done) this.index = step.value;
      if (step.done || performance.now() - started >= ms) break;
    }
    this.slices++;
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - started);
    return this.index !== undefined;
  }

  finish(): SearchIndex {
    while (!this.runFor(Infinity));
    return this.index!;
  }
}
