import type { Difficulty, Importance } from '../notes/model';
import type { StudyCondition } from '../study/studyState';

export interface ImportanceFilter {
  op: '>=' | '<=' | '=' | '>' | '<';
  value: Importance;
}

export interface ParsedQuery {
  /** What is left once filters are taken out, whitespace collapsed. */
  text: string;
  /** `#tag` filters, without the `#`. */
  tags: string[];
  /** `topic:name` / `topic:"two words"` filters. */
  topics: string[];
  /** `diff:hard` (easy/medium/hard, 易/中/难 and prefixes); several = any of them. */
  difficulties: Difficulty[];
  /** `imp:3`, `imp:>=2`; several = all of them. */
  importance: ImportanceFilter[];
  /** `is:unmastered`, `is:favorite`, `is:due`, `is:mastered`; several = all of them (the caller knows each question's progress). */
  states: StudyCondition[];
  /** Filters whose value was not understood, e.g. `diff:x`: nothing matches them. */
  invalid: string[];
}

// A filter starts a word: "c#" and "note:topic:x" stay text. Full-width ＃ and ： count too,
// since Chinese input methods produce them. One pass over the query: linear time.
const FILTER = /(^|\s)(?:([#＃])|(topic|diff|difficulty|难度|imp|importance|重要|重要性|is)[:：])(?:"([^"]*)"?|(\S*))/giu;

const DIFFICULTY_WORDS: [string, Difficulty][] = [
  ['easy', 'easy'], ['medium', 'medium'], ['hard', 'hard'],
  ['易', 'easy'], ['简单', 'easy'], ['中', 'medium'], ['中等', 'medium'], ['难', 'hard'], ['困难', 'hard'],
];
const STATE_WORDS: [string, StudyCondition][] = [
  ['unmastered', 'unmastered'], ['mastered', 'mastered'], ['favorite', 'favorite'], ['favourite', 'favorite'], ['fav', 'favorite'], ['due', 'due'],
  ['未掌握', 'unmastered'], ['已掌握', 'mastered'], ['掌握', 'mastered'], ['收藏', 'favorite'], ['待复习', 'due'], ['到期', 'due'],
];

function difficultyOf(value: string): Difficulty | undefined {
  const v = value.toLowerCase();
  return DIFFICULTY_WORDS.find(([w]) => w === v)?.[1] ?? DIFFICULTY_WORDS.find(([w]) => /^[a-z]/.test(w) && w.startsWith(v))?.[1];
}

function stateOf(value: string): StudyCondition | undefined {
  const v = value.toLowerCase();
  return STATE_WORDS.find(([w]) => w === v)?.[1] ?? STATE_WORDS.find(([w]) => /^[a-z]/.test(w) && w.startsWith(v) && v.length >= 2)?.[1];
}

function importanceOf(value: string): ImportanceFilter | undefined {
  const m = /^(>=|<=|≥|≤|=|==|>|<)?([123])$/.exec(value.replace(/＞/g, '>').replace(/＜/g, '<').replace(/＝/g, '='));
  if (!m) return undefined;
  const raw = m[1] ?? '=';
  const op = raw === '≥' ? '>=' : raw === '≤' ? '<=' : raw === '==' ? '=' : (raw as ImportanceFilter['op']);
  return { op, value: Number(m[2]) as Importance };
}

export function parseQuery(raw: string): ParsedQuery {
  const q: ParsedQuery = { text: '', tags: [], topics: [], difficulties: [], importance: [], states: [], invalid: [] };
  const text = raw.replace(FILTER, (match: string, lead: string, hash: string | undefined, key: string | undefined, quoted: string | undefined, bare: string | undefined) => {
    const value = (quoted ?? bare ?? '').trim();
    if (!value) return lead;
    if (hash) {
      q.tags.push(value);
      return lead;
    }
    const k = (key ?? '').toLowerCase();
    if (k === 'topic') q.topics.push(value);
    else if (k === 'diff' || k === 'difficulty' || k === '难度') {
      const d = difficultyOf(value);
      if (d) q.difficulties.push(d);
      else q.invalid.push(match.trim());
    } else if (k === 'is') {
      const st = stateOf(value);
      if (st) q.states.push(st);
      else q.invalid.push(match.trim());
    } else {
      const f = importanceOf(value);
      if (f) q.importance.push(f);
      else q.invalid.push(match.trim());
    }
    return lead;
  });
  q.text = text.replace(/\s+/g, ' ').trim();
  return q;
}

/** True when the query filters at all (then an empty text lists every question that passes). */
export function hasFilters(q: ParsedQuery): boolean {
  return q.tags.length + q.topics.length + q.difficulties.length + q.importance.length + q.states.length + q.invalid.length > 0;
}

/** The difficulty and importance part of a query, for one question. */
export function matchesLevel(q: ParsedQuery, difficulty: Difficulty | undefined, importance: Importance | undefined): boolean {
  if (q.invalid.length) return false;
  if (q.difficulties.length && !(difficulty && q.difficulties.includes(difficulty))) return false;
  return q.importance.every(({ op, value }) => {
    if (importance === undefined) return false;
    switch (op) {
      case '>=': return importance >= value;
      case '<=': return importance <= value;
      case '>': return importance > value;
      case '<': return importance < value;
      default: return importance === value;
    }
  });
}

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g;
// Sentence punctuation carries no meaning in a query ("生成器是什么？").
const EDGE_PUNCT = /^[?!,.;:。，、？！：；“”‘’"'()（）《》【】]+|[?!,.;:。，、？！：；“”‘’"'()（）《》【】]+$/g;

/**
 * Search terms of folded query text: words split on spaces and where Han
 * meets Latin ("python装饰器" → python, 装饰器), edge punctuation trimmed,
 * duplicates dropped. Operators such as "==" or "__eq__" survive.
 */
export function queryTerms(folded: string): string[] {
  const out: string[] = [];
  for (const word of folded.split(/\s+/)) {
    for (const part of word.match(HAN_RUN) ?? []) {
      const term = part.replace(EDGE_PUNCT, '');
      if (term && !out.includes(term)) out.push(term);
    }
  }
  return out;
}
