// How one query term matches one question's short fields, and what that is worth.
import type { PinyinKeys } from './pinyinKeys';
import type { Range } from './searchSnippet';

/** What build() precomputes per question; all text folded (see foldText). */
export interface Entry {
  title: string;
  /** Keywords as SEP kw SEP kw SEP: one indexOf finds whole-keyword and prefix matches. */
  keywords: string;
  pinyin: PinyinKeys | undefined;
  /** Pinyin (full / initials) of the Han keywords, SEP-joined like `keywords`. */
  keywordFull: string;
  keywordInitials: string;
  tags: string[];
  topic: string;
  /** Plain-text answer, same length as markdownToPlainText(body). */
  body: string;
  /** letterMask of title and keywords, and of the first letters of title and keyword pinyin syllables: a field lacking a letter of the term cannot hold it. */
  titleLetters: number;
  keywordLetters: number;
  pinyinStarts: number;
  keywordPinyinStarts: number;
}

/** Which of a–z occur in `s` (or, `starts`, begin one of its SEP-joined fields), one bit each. */
export function letterMask(s: string, starts = false): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97;
    if (c >= 0 && c < 26 && (!starts || s.charCodeAt(i - 1) === SEP_CODE)) mask |= 1 << c;
  }
  return mask;
}

/** Sets the entry's letter masks from its fields. */
export function setLetterMasks(e: Entry): Entry {
  e.titleLetters = letterMask(e.title);
  e.keywordLetters = letterMask(e.keywords);
  e.pinyinStarts = e.pinyin ? letterMask(e.pinyin.initials) : 0;
  e.keywordPinyinStarts = letterMask(e.keywordFull, true) | letterMask(e.keywordInitials, true);
  return e;
}

export const SEP = '\u0001';
const SEP_CODE = 1;

// How a term matched; the order is the order they rank in.
export const TITLE = 0;
export const KEYWORD = 1;
export const PINYIN_FULL = 2;
export const PINYIN_INITIALS = 3;
export const KEYWORD_PINYIN = 4;
export const FUZZY_TITLE = 5;
export const FUZZY_KEYWORD = 6;
export const FUZZY_PINYIN = 7;
export const BIGRAM = 8;
export const BODY = 9;
export const NONE = 10;

// Per-term scores (lower is better): title < keywords < pinyin < typo < body.
export const S = {
  titleWhole: 0,
  titleStartWord: 0.03,
  titleWord: 0.05,
  titleHan: 0.06,
  titleWordPrefix: 0.08,
  titleInside: 0.3,
  alsoKeywordBonus: 0.02,
  keywordWhole: 0.14,
  keywordPrefix: 0.17,
  keywordWord: 0.2,
  keywordWordPrefix: 0.22,
  keywordInside: 0.34,
  keywordPlacementSpread: 0.03,
  keywordRepeatBonus: 0.005,
  pinyinFullStart: 0.24,
  pinyinInitialsStart: 0.26,
  pinyinFull: 0.27,
  pinyinInitials: 0.29,
  keywordPinyin: 0.32,
  keywordInitials: 0.33,
  fuzzyTitle: 0.4,
  fuzzyKeyword: 0.42,
  fuzzyPinyin: 0.44,
  fuzzySpread: 0.3,
  bigram: 0.45,
  bigramSpread: 0.2,
  body: 0.62,
  bodySpread: 0.2,
  /** Questions that miss a term rank after every question that has them all. */
  partial: 0.9,
} as const;
export const MISS = 2;

export interface Term {
  text: string;
  /** SEP + text, for matches that must start a keyword (built once, not per question). */
  keywordStart: string;
  han: boolean;
  /** Only letters: may be pinyin or initials. */
  pinyin: boolean;
  /** letterMask of the text, and the bit of its first letter (0 when it does not start with one). */
  letters: number;
  first: number;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LETTERS = /^[a-z]+$/;

export function termInfo(text: string): Term {
  const first = text.charCodeAt(0) - 97;
  return { text, keywordStart: SEP + text, han: HAN.test(text), pinyin: LETTERS.test(text), letters: letterMask(text), first: first >= 0 && first < 26 ? 1 << first : 0 };
}

/** Reused result slot: matching runs 10,000 times a keystroke and should not allocate. */
export interface Match {
  score: number;
  kind: number;
}

/**
 * Best match of `term` in title, keywords and pinyin. Monotone in the term:
 * whatever "sheng" matches, "shen" matches too, which the prefix cache relies on.
 */
export function matchShort(term: Term, e: Entry, m: Match): void {
  const text = term.text;
  m.score = MISS;
  m.kind = NONE;
  const letters = term.letters;
  const inTitle = (e.titleLetters & letters) === letters ? e.title.indexOf(text) : -1;
  if (inTitle !== -1) {
    m.kind = TITLE;
    m.score = (term.han ? hanTitleScore(e.title, inTitle, text.length) : latinScore(e.title, text, inTitle, TITLE_SCORES)) - alsoKeyword(e.keywords, term.keywordStart);
    if (m.score <= S.titleWord) return;
  }
  const inKeywords = (e.keywordLetters & letters) === letters ? e.keywords.indexOf(text) : -1;
  if (inKeywords !== -1) {
    const s = (term.han ? hanKeywordScore(e.keywords, term, inKeywords) : latinScore(e.keywords, text, inKeywords, KEYWORD_SCORES)) + keywordPlacement(e.keywords, text, inKeywords);
    if (s < m.score) {
      m.score = s;
      m.kind = KEYWORD;
    }
  }
  if (!term.pinyin || m.score <= S.pinyinFullStart) return;
  const py = e.pinyin;
  // Both pinyin matches start on a syllable, whose first letter is among the initials.
  if (py && (e.pinyinStarts & term.first) !== 0) {
    const at = pinyinStart(py, text);
    if (at !== -1) {
      m.score = (at === 0 ? S.pinyinFullStart : S.pinyinFull) - alsoKeyword(e.keywordFull, term.keywordStart);
      m.kind = PINYIN_FULL;
    }
    if (m.score > S.pinyinInitialsStart && (e.pinyinStarts & letters) === letters) {
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
  if (m.score > S.keywordPinyin && (e.keywordPinyinStarts & term.first) !== 0) {
    if (e.keywordFull.indexOf(term.keywordStart) !== -1) {
      m.score = S.keywordPinyin;
      m.kind = KEYWORD_PINYIN;
    } else if (m.score > S.keywordInitials && e.keywordInitials.indexOf(term.keywordStart) !== -1) {
      m.score = S.keywordInitials;
      m.kind = KEYWORD_PINYIN;
    }
  }
}

/**
 * Authors list the main terms first, and a question about generators lists
 * "generator", "generator function", "generator expression": earlier and
 * more often means more on topic.
 */
function keywordPlacement(keywords: string, text: string, first: number): number {
  let count = 1;
  for (let i = keywords.indexOf(text, first + text.length); i !== -1 && count < 3; i = keywords.indexOf(text, i + text.length)) count++;
  return S.keywordPlacementSpread * (first / keywords.length) - S.keywordRepeatBonus * (count - 1);
}

/** A title match whose words the author also put first among the keywords is the question's subject. */
function alsoKeyword(keywords: string, keywordStart: string): number {
  if (!keywords) return 0;
  const at = keywords.indexOf(keywordStart);
  return at === -1 ? 0 : S.alsoKeywordBonus * (1 - at / keywords.length);
}

/** Title ranges a pinyin or initials match covers. */
export function pinyinRange(py: PinyinKeys | undefined, text: string, kind: number, out: Range[]): void {
  if (!py) return;
  if (kind === PINYIN_FULL) {
    const at = pinyinStart(py, text);
    if (at !== -1) out.push([py.fullToTitle[at], py.fullToTitle[at + text.length - 1] + 1]);
  } else if (kind === PINYIN_INITIALS) {
    const at = py.initials.indexOf(text);
    if (at !== -1) out.push([py.initialsToTitle[at], py.initialsToTitle[at + text.length - 1] + 1]);
  }
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

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Best placement among the first few occurrences: "is" should score as the
 * word "is", not as the inside of "list". A "field" is the whole title, or
 * one keyword in the SEP-joined string.
 */
function latinScore(hay: string, text: string, first: number, s: LatinScores): number {
  let best: number = MISS;
  const joined = hay.charCodeAt(0) === SEP_CODE;
  for (let i = first, n = 0; i !== -1 && n < 6; i = hay.indexOf(text, i + 1), n++) {
    const end = i + text.length;
    const before = i === 0 ? -1 : hay.charCodeAt(i - 1);
    const after = end >= hay.length ? -1 : hay.charCodeAt(end);
    const startsField = joined ? before === SEP_CODE : i === 0;
    const endsField = joined ? after === SEP_CODE : end === hay.length;
    const startB = before === -1 || !isWordChar(before);
    const endB = after === -1 || !isWordChar(after);
    let score: number;
    if (startsField && endsField) score = s.whole;
    else if (startsField) score = endB ? s.startWord : s.startWord + 0.01;
    else if (startB) score = endB ? s.word : s.wordPrefix;
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

function hanKeywordScore(keywords: string, term: Term, at: number): number {
  const start = keywords.charCodeAt(at - 1) === SEP_CODE ? at : keywords.indexOf(term.keywordStart) + 1;
  if (start === 0) return S.keywordWord;
  return keywords.charCodeAt(start + term.text.length) === SEP_CODE ? S.keywordWhole : S.keywordPrefix;
}

/** First place `text` starts on a syllable or word of the title pinyin, -1 if none. */
function pinyinStart(py: PinyinKeys, text: string): number {
  for (let i = py.full.indexOf(text); i !== -1; i = py.full.indexOf(text, i + 1)) {
    if (py.fullStarts[i]) return i;
  }
  return -1;
}
