// Study-mode progress: what the user marked, reviewed and opened, keyed by stable question ids.
// The VS Code layer stores it in globalState (synced by Settings Sync), so everything read back
// is validated here: a newer, older or damaged value must never crash the extension.

import {
  RATINGS, daysBetween, addDays, fromSm2, isDateString, isDue, localDateString, replayReviews, retrievability, reviewCard,
  MAX_STABILITY, MIN_STABILITY, type CardPhase, type CardState, type Rating, type SchedulerOptions, type Sm2Card,
} from './scheduler';

export interface QuestionProgress {
  mastered?: boolean;
  favorite?: boolean;
  card?: CardState;
  /** ISO timestamp of the last change; decides which side wins when imports conflict. */
  updatedAt?: string;
}

export interface ReviewLogEntry {
  id: string;
  /** Local date YYYY-MM-DD. */
  date: string;
  rating: Rating;
}

/** Format 1 stored SM-2 cards (ease/interval); format 2 stores FSRS memory state. */
export const STATE_VERSION = 2;

export interface StudyState {
  version: typeof STATE_VERSION;
  questions: Record<string, QuestionProgress>;
  /** By date, oldest first (imports re-sort it), at most HISTORY_LIMIT entries. */
  history: ReviewLogEntry[];
  /** Most recently opened ids first, at most RECENT_LIMIT. */
  recent: string[];
}

/** What can be asked of one question's progress (the search's `is:` words use the same names). */
export type StudyCondition = 'unmastered' | 'mastered' | 'favorite' | 'due';

export const HISTORY_LIMIT = 5000;
export const RECENT_LIMIT = 20;
export const DEFAULT_NEW_PER_DAY = 20;
export const EXPORT_FORMAT = 'python-interview-notes/progress';

const MAX_WARNINGS = 10;
const PROGRESS_KEYS = ['mastered', 'favorite', 'card', 'updatedAt'];
const SM2_CARD_KEYS = ['ease', 'intervalDays', 'reps', 'lapses', 'due', 'lastReviewed'];
const CARD_KEYS = ['stability', 'difficulty', 'phase', 'intervalDays', 'reps', 'lapses', 'due', 'lastReviewed'];
const PHASES: readonly CardPhase[] = ['learning', 'review', 'relearning'];
const MIN_EASE = 1.3;
const MAX_EASE = 3.0;
const ENTRY_KEYS = ['id', 'date', 'rating'];
const STATE_KEYS = ['version', 'questions', 'history', 'recent'];
const EXPORT_KEYS = ['format', 'version', 'exportedAt', 'state'];
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function emptyState(): StudyState {
  return { version: STATE_VERSION, questions: {}, history: [], recent: [] };
}

// ---- reading untrusted data ------------------------------------------------------------------

type Dict = Record<string, unknown>;

const isRecord = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTimestamp = (v: unknown): v is string => typeof v === 'string' && ISO_RE.test(v) && !Number.isNaN(Date.parse(v));
const isRating = (v: unknown): v is Rating => typeof v === 'string' && (RATINGS as readonly string[]).includes(v);

/** Question ids come from note files, so "constructor" or "__proto__" must not reach Object.prototype. */
function own<T>(record: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** A question's (or card's) progress, read safely whatever the id. */
export function progressOf(s: StudyState, id: string): QuestionProgress | undefined {
  return own(s.questions, id);
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  const text = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Collects what is wrong (problems) and what is not understood (unknown fields) while reading. */
interface Reader {
  problems: string[];
  unknown: string[];
}

function noteUnknownKeys(raw: Dict, allowed: readonly string[], path: string, r: Reader): void {
  for (const key of Object.keys(raw)) if (!allowed.includes(key)) r.unknown.push(`${path}.${key}`);
}

type CardReader<C> = (raw: unknown, path: string, r: Reader) => C | undefined;

/** Checks the fields both formats share; false when any is wrong (each problem is reported). */
function readCardCommon(raw: unknown, keys: readonly string[], path: string, r: Reader): raw is Dict {
  if (!isRecord(raw)) {
    r.problems.push(`${path} must be an object (got ${show(raw)})`);
    return false;
  }
  noteUnknownKeys(raw, keys, path, r);
  const before = r.problems.length;
  for (const name of ['intervalDays', 'reps', 'lapses'] as const) {
    if (!isCount(raw[name])) r.problems.push(`${path}.${name} must be a whole number ≥ 0 (got ${show(raw[name])})`);
  }
  for (const name of ['due', 'lastReviewed'] as const) {
    if (!isDateString(raw[name])) r.problems.push(`${path}.${name} must be a date YYYY-MM-DD (got ${show(raw[name])})`);
  }
  return r.problems.length === before;
}

/** A format-1 (SM-2) card. */
const readSm2Card: CardReader<Sm2Card> = (raw, path, r) => {
  const before = r.problems.length;
  const common = readCardCommon(raw, SM2_CARD_KEYS, path, r);
  if (!isRecord(raw)) return undefined;
  const { ease } = raw;
  if (typeof ease !== 'number' || !(ease >= MIN_EASE && ease <= MAX_EASE)) r.problems.push(`${path}.ease must be a number from ${MIN_EASE} to ${MAX_EASE} (got ${show(ease)})`);
  if (!common || r.problems.length > before) return undefined;
  return { ease: ease as number, intervalDays: raw.intervalDays as number, reps: raw.reps as number, lapses: raw.lapses as number, due: raw.due as string, lastReviewed: raw.lastReviewed as string };
};

/** A format-2 (FSRS) card. */
const readCard: CardReader<CardState> = (raw, path, r) => {
  const before = r.problems.length;
  const common = readCardCommon(raw, CARD_KEYS, path, r);
  if (!isRecord(raw)) return undefined;
  const { stability, difficulty, phase } = raw;
  if (typeof stability !== 'number' || !(stability >= MIN_STABILITY && stability <= MAX_STABILITY)) r.problems.push(`${path}.stability must be a number from ${MIN_STABILITY} to ${MAX_STABILITY} (got ${show(stability)})`);
  if (typeof difficulty !== 'number' || !(difficulty >= 1 && difficulty <= 10)) r.problems.push(`${path}.difficulty must be a number from 1 to 10 (got ${show(difficulty)})`);
  if (typeof phase !== 'string' || !(PHASES as readonly string[]).includes(phase)) r.problems.push(`${path}.phase must be one of ${PHASES.join(', ')} (got ${show(phase)})`);
  if (!common || r.problems.length > before) return undefined;
  return {
    stability: stability as number,
    difficulty: difficulty as number,
    phase: phase as CardPhase,
    intervalDays: raw.intervalDays as number,
    reps: raw.reps as number,
    lapses: raw.lapses as number,
    due: raw.due as string,
    lastReviewed: raw.lastReviewed as string,
  };
};

/** Keeps every valid field; a bad field is reported and left out. */
type Progress<C> = Omit<QuestionProgress, 'card'> & { card?: C };

function readProgress<C>(raw: unknown, path: string, r: Reader, readCardOf: CardReader<C>): Progress<C> | undefined {
  if (!isRecord(raw)) {
    r.problems.push(`${path} must be an object (got ${show(raw)})`);
    return undefined;
  }
  noteUnknownKeys(raw, PROGRESS_KEYS, path, r);
  const p: Progress<C> = {};
  for (const flag of ['mastered', 'favorite'] as const) {
    const v = raw[flag];
    if (v === true) p[flag] = true;
    else if (v !== undefined && v !== false) r.problems.push(`${path}.${flag} must be true or false (got ${show(v)})`);
  }
  if (raw.card !== undefined) {
    const card = readCardOf(raw.card, `${path}.card`, r);
    if (card) p.card = card;
  }
  if (raw.updatedAt !== undefined) {
    if (isTimestamp(raw.updatedAt)) p.updatedAt = raw.updatedAt;
    else r.problems.push(`${path}.updatedAt must be an ISO timestamp (got ${show(raw.updatedAt)})`);
  }
  return p;
}

function readQuestions<C>(raw: unknown, path: string, r: Reader, readCardOf: CardReader<C>): Record<string, Progress<C>> {
  if (!isRecord(raw)) {
    r.problems.push(`${path} must be an object keyed by question id (got ${show(raw)})`);
    return {};
  }
  const entries: [string, Progress<C>][] = [];
  for (const [id, value] of Object.entries(raw)) {
    if (id === '') {
      r.problems.push(`${path} has an entry with an empty question id`);
      continue;
    }
    const p = readProgress(value, `${path}[${JSON.stringify(id)}]`, r, readCardOf);
    if (p) entries.push([id, p]);
  }
  // fromEntries defines own properties, so an id like "__proto__" stays an ordinary key.
  return Object.fromEntries(entries);
}

function readHistory(raw: unknown, path: string, r: Reader): ReviewLogEntry[] {
  if (!Array.isArray(raw)) {
    r.problems.push(`${path} must be a list (got ${show(raw)})`);
    return [];
  }
  const out: ReviewLogEntry[] = [];
  raw.forEach((e: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(e)) {
      r.problems.push(`${at} must be an object (got ${show(e)})`);
      return;
    }
    noteUnknownKeys(e, ENTRY_KEYS, at, r);
    const bad: string[] = [];
    if (!isId(e.id)) bad.push(`${at}.id must be a non-empty string (got ${show(e.id)})`);
    if (!isDateString(e.date)) bad.push(`${at}.date must be a date YYYY-MM-DD (got ${show(e.date)})`);
    if (!isRating(e.rating)) bad.push(`${at}.rating must be one of ${RATINGS.join(', ')} (got ${show(e.rating)})`);
    if (bad.length) r.problems.push(...bad);
    else out.push({ id: e.id as string, date: e.date as string, rating: e.rating as Rating });
  });
  return out;
}

function readRecent(raw: unknown, path: string, r: Reader): string[] {
  if (!Array.isArray(raw)) {
    r.problems.push(`${path} must be a list (got ${show(raw)})`);
    return [];
  }
  const out: string[] = [];
  raw.forEach((id: unknown, i) => {
    if (!isId(id)) r.problems.push(`${path}[${i}] must be a non-empty string (got ${show(id)})`);
    else if (!out.includes(id)) out.push(id);
  });
  return out.slice(0, RECENT_LIMIT);
}

function summarize(lines: string[]): string[] {
  return lines.length <= MAX_WARNINGS ? lines : [...lines.slice(0, MAX_WARNINGS), `…and ${lines.length - MAX_WARNINGS} more`];
}

function readIdList(raw: unknown, path: string, warnings: string[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    warnings.push(`${path} must be a list (got ${show(raw)}); ignored`);
    return [];
  }
  const ids = raw.filter(isId);
  if (ids.length < raw.length) warnings.push(`${path}: ignored ${raw.length - ids.length} entries that are not question ids`);
  return ids;
}

/** The pre-release shape: `{ mastered?: string[]; favorites?: string[] }` and nothing else. */
function migrateV0(raw: Dict): { state: StudyState; warnings: string[] } {
  const warnings: string[] = [];
  const mastered = readIdList(raw.mastered, 'mastered', warnings);
  const favorites = readIdList(raw.favorites, 'favorites', warnings);
  const entries = new Map<string, QuestionProgress>();
  for (const id of mastered) entries.set(id, { ...entries.get(id), mastered: true });
  for (const id of favorites) entries.set(id, { ...entries.get(id), favorite: true });
  return { state: { ...emptyState(), questions: Object.fromEntries(entries) }, warnings };
}

/**
 * Format-1 cards to FSRS. A card whose review log is complete is replayed through FSRS; one
 * whose log is missing or may have been cut off (the log keeps only the newest entries) is
 * converted from its stored interval, ease and due date. Flags and timestamps are kept as they were.
 */
export function upgradeSm2Cards(questions: Record<string, Progress<Sm2Card>>, history: readonly ReviewLogEntry[], options?: SchedulerOptions): Record<string, QuestionProgress> {
  const byId = new Map<string, ReviewLogEntry[]>();
  for (const e of history) {
    const list = byId.get(e.id);
    if (list) list.push(e);
    else byId.set(e.id, [e]);
  }
  // A full log may have dropped the oldest reviews of cards whose first entry is at its start.
  const cutOff = history.length >= HISTORY_LIMIT ? history[0]?.date : undefined;
  const entries = Object.entries(questions).map(([id, p]): [string, QuestionProgress] => {
    if (!p.card) return [id, p as QuestionProgress];
    const old = p.card;
    const log = [...(byId.get(id) ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const complete = log.length > 0 && log[log.length - 1].date === old.lastReviewed && (cutOff === undefined || log[0].date > cutOff);
    const replayed = complete ? replayReviews(log, options) : undefined;
    return [id, { ...p, card: replayed ?? fromSm2(old) }];
  });
  return Object.fromEntries(entries);
}

/** True when any stored card has an SM-2 ease: the state was written in format 1. */
function looksLikeFormat1(questions: unknown): boolean {
  return isRecord(questions) && Object.values(questions).some((p) => isRecord(p) && isRecord(p.card) && 'ease' in p.card && !('stability' in p.card));
}

function readStoredState(raw: Dict, format: 1 | 2, warnings: string[], options?: SchedulerOptions): { state: StudyState; warnings: string[] } {
  const r: Reader = { problems: [], unknown: [] };
  let history = raw.history === undefined ? [] : readHistory(raw.history, 'history', r);
  const recent = raw.recent === undefined ? [] : readRecent(raw.recent, 'recent', r);
  if (history.length > HISTORY_LIMIT) {
    r.problems.push(`history had ${history.length} entries; kept the newest ${HISTORY_LIMIT}`);
    history = history.slice(-HISTORY_LIMIT);
  }
  let questions: Record<string, QuestionProgress>;
  if (raw.questions === undefined) questions = {};
  else if (format === 1) questions = upgradeSm2Cards(readQuestions(raw.questions, 'questions', r, readSm2Card), history, options);
  else questions = readQuestions(raw.questions, 'questions', r, readCard);
  const out = [...warnings, ...summarize(r.problems.map((p) => `${p}; left out`))];
  if (r.unknown.length) out.push(...summarize(r.unknown.map((u) => `${u} is not understood by this version; ignored`)));
  return { state: { version: STATE_VERSION, questions, history, recent }, warnings: out };
}

export interface MigrationResult {
  state: StudyState;
  /** What was dropped or not understood; empty when everything was read. */
  warnings: string[];
  /** The older format the value was upgraded from, when it was one. */
  migratedFrom?: 0 | 1;
}

/**
 * Reads whatever was stored. Accepts nothing (first run), the v0 shape, format 1 (SM-2 cards,
 * upgraded to FSRS), format 2 (repairing damaged parts) and anything else (starts empty). Every
 * dropped or unexpected part is named in `warnings`. Never throws.
 */
export function migrateState(raw: unknown, options?: SchedulerOptions): MigrationResult {
  if (raw === undefined || raw === null) return { state: emptyState(), warnings: [] };
  if (!isRecord(raw)) return { state: emptyState(), warnings: [`Stored study progress was ${show(raw)}, not an object; starting with empty progress`] };
  if (raw.version === STATE_VERSION) return readStoredState(raw, 2, [], options);
  if (raw.version === 1) return { ...readStoredState(raw, 1, [], options), migratedFrom: 1 };
  if (typeof raw.version === 'number' && raw.version > STATE_VERSION) {
    return readStoredState(raw, 2, [`Stored study progress was written by a newer version of the extension (format ${raw.version}); reading the parts this version understands`], options);
  }
  if (raw.version === undefined && raw.questions === undefined && (raw.mastered !== undefined || raw.favorites !== undefined)) return { ...migrateV0(raw), migratedFrom: 0 };
  if (raw.questions !== undefined) {
    const format = looksLikeFormat1(raw.questions) ? 1 : 2;
    return readStoredState(raw, format, [`Stored study progress has version ${show(raw.version)}; reading it as version ${format}`], options);
  }
  return { state: emptyState(), warnings: [`Stored study progress has an unknown shape (fields: ${Object.keys(raw).slice(0, 5).join(', ') || 'none'}); starting with empty progress`] };
}

// ---- updates (all return a new state and leave the input untouched) ---------------------------

function withProgress(s: StudyState, id: string, p: QuestionProgress): StudyState {
  return { ...s, questions: { ...s.questions, [id]: p } };
}

function setFlag(p: QuestionProgress, flag: 'mastered' | 'favorite', on: boolean, now: Date): QuestionProgress {
  const next: QuestionProgress = { ...p, updatedAt: now.toISOString() };
  // The entry stays even when both flags are off: its updatedAt records the un-marking for imports.
  if (on) next[flag] = true;
  else delete next[flag];
  return next;
}

export function toggleMastered(s: StudyState, id: string, now: Date): StudyState {
  const p = own(s.questions, id) ?? {};
  return withProgress(s, id, setFlag(p, 'mastered', !p.mastered, now));
}

export function toggleFavorite(s: StudyState, id: string, now: Date): StudyState {
  const p = own(s.questions, id) ?? {};
  return withProgress(s, id, setFlag(p, 'favorite', !p.favorite, now));
}

/** Schedules the card and logs the review; `today` is the user's local date (see localDateString). */
export function recordReview(s: StudyState, id: string, rating: Rating, today: string, now: Date, options?: SchedulerOptions): StudyState {
  const p = own(s.questions, id) ?? {};
  const card = reviewCard(p.card, rating, today, options);
  const history = [...s.history, { id, date: today, rating }].slice(-HISTORY_LIMIT);
  return { ...withProgress(s, id, { ...p, card, updatedAt: now.toISOString() }), history };
}

export function recordOpened(s: StudyState, id: string): StudyState {
  return { ...s, recent: [id, ...s.recent.filter((r) => r !== id)].slice(0, RECENT_LIMIT) };
}

// ---- queries -----------------------------------------------------------------------------------

export function meetsStudyCondition(s: StudyState, id: string, condition: StudyCondition, today: string): boolean {
  const p = own(s.questions, id);
  switch (condition) {
    case 'unmastered':
      return !p?.mastered;
    case 'mastered':
      return p?.mastered === true;
    case 'favorite':
      return p?.favorite === true;
    case 'due':
      return isDue(p?.card, today);
  }
}

/** Reviewed cards due on or before `today` among `ids`, most overdue first (ties keep `ids` order). */
export function dueIds(s: StudyState, ids: readonly string[], today: string): string[] {
  const due: { id: string; due: string }[] = [];
  for (const id of new Set(ids)) {
    const card = own(s.questions, id)?.card;
    if (card && isDue(card, today)) due.push({ id, due: card.due });
  }
  return due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0)).map((d) => d.id);
}

/** Predicted recall (0–1) of a question on `date`; undefined for one never reviewed. */
export function recallOf(s: StudyState, id: string, date: string): number | undefined {
  const card = own(s.questions, id)?.card;
  return card ? retrievability(card, date) : undefined;
}

/** Ids whose first logged review was on `today`: the new cards already started today. */
export function newStartedOn(s: StudyState, today: string): number {
  const first = new Map<string, string>();
  for (const e of s.history) if (!first.has(e.id) || e.date < first.get(e.id)!) first.set(e.id, e.date);
  let n = 0;
  for (const date of first.values()) if (date === today) n++;
  return n;
}

/**
 * Today's study queue: due cards (most overdue first), then cards never reviewed and not
 * marked mastered, in `ids` order. New cards are limited to `newLimit` per day for the whole
 * collection, counting those already started today (from the review log), even outside `ids`.
 * Mastered only holds back new cards: a card the user has been reviewing keeps its schedule.
 */
export function dueQueue(s: StudyState, ids: readonly string[], today: string, options: { newLimit?: number } = {}): string[] {
  const newLimit = options.newLimit ?? DEFAULT_NEW_PER_DAY;
  const left = Math.max(0, newLimit - newStartedOn(s, today));
  const fresh: string[] = [];
  for (const id of new Set(ids)) {
    if (fresh.length >= left) break;
    const p = own(s.questions, id);
    if (!p?.card && !p?.mastered) fresh.push(id);
  }
  return [...dueIds(s, ids, today), ...fresh];
}

export function topicProgress(s: StudyState, ids: readonly string[]): { mastered: number; total: number } {
  const unique = new Set(ids);
  let mastered = 0;
  for (const id of unique) if (own(s.questions, id)?.mastered) mastered++;
  return { mastered, total: unique.size };
}

/** Reviews per day and rating for the `days` days ending `today`, oldest first, days without reviews included. */
export function reviewHistoryByDay(s: StudyState, days: number, today: string): { date: string; again: number; hard: number; good: number; easy: number }[] {
  const count = Math.max(0, Math.floor(days));
  const out = Array.from({ length: count }, (_, i) => ({ date: addDays(today, i - count + 1), again: 0, hard: 0, good: 0, easy: 0 }));
  if (count === 0) return out;
  const first = out[0].date;
  for (const e of s.history) {
    if (e.date < first || e.date > today) continue;
    out[daysBetween(first, e.date)][e.rating]++;
  }
  return out;
}

// ---- export / import ---------------------------------------------------------------------------

export function exportState(s: StudyState, now: Date = new Date()): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: STATE_VERSION, exportedAt: now.toISOString(), state: s }, null, 2)}\n`;
}

export interface ImportReport {
  /** Question entries taken from the file: ids that were new here plus conflicts the file won. */
  questions: number;
  /** Review-log entries added (entries already present are not counted or duplicated). */
  reviews: number;
  /** Ids whose progress differed on both sides; the side with the newer updatedAt was kept. */
  conflicts: number;
}

export type ImportResult = { ok: true; state: StudyState; report: ImportReport } | { ok: false; error: string };

function fail(lines: string[]): ImportResult {
  const more = lines.length > 3 ? ` (and ${lines.length - 3} more problems)` : '';
  return { ok: false, error: `${lines.slice(0, 3).join('; ')}${more}` };
}

function sameContent(a: QuestionProgress, b: QuestionProgress): boolean {
  if (!!a.mastered !== !!b.mastered || !!a.favorite !== !!b.favorite) return false;
  if (!a.card || !b.card) return a.card === b.card;
  return CARD_KEYS.every((k) => a.card![k as keyof CardState] === b.card![k as keyof CardState]);
}

const stamp = (p: QuestionProgress) => (p.updatedAt ? Date.parse(p.updatedAt) : -Infinity);

function mergeHistory(mine: ReviewLogEntry[], theirs: ReviewLogEntry[], base?: ReviewLogEntry[]): { history: ReviewLogEntry[]; added: number } {
  // A multiset union: the same review on the same day may really happen twice, so an entry is
  // added only when the file holds it more often than this state does. With a common base (two
  // windows that both started from it) an entry is added when `theirs` holds it more often
  // than the base did: both windows may have logged the same rating on the same day.
  const key = (e: ReviewLogEntry) => `${e.id}\u0000${e.date}\u0000${e.rating}`;
  const have = new Map<string, number>();
  for (const e of base ?? mine) have.set(key(e), (have.get(key(e)) ?? 0) + 1);
  const added: ReviewLogEntry[] = [];
  for (const e of theirs) {
    const k = key(e);
    const n = have.get(k) ?? 0;
    if (n > 0) have.set(k, n - 1);
    else added.push(e);
  }
  // Local history is never evicted: when the log is full, the oldest imported entries give way.
  const byDate = (a: ReviewLogEntry, b: ReviewLogEntry) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const room = Math.max(0, HISTORY_LIMIT - mine.length);
  const kept = room === 0 ? [] : added.sort(byDate).slice(-room);
  return { history: [...mine, ...kept].sort(byDate), added: kept.length };
}

/**
 * Dates after tomorrow (any time zone's today fits in it) cannot come from a real
 * export: such a file would win every conflict and crowd out the local history.
 */
function futureDates(exportedAt: unknown, questions: Record<string, QuestionProgress>, history: ReviewLogEntry[], now: Date): string[] {
  const limit = addDays(localDateString(now), 1);
  const bad: string[] = [];
  const late = (date: string) => date.slice(0, 10) > limit;
  const lateTimestamp = (ts: string) => localDateString(new Date(ts)) > limit;
  if (typeof exportedAt === 'string' && lateTimestamp(exportedAt)) bad.push(`"exportedAt" is in the future (${exportedAt})`);
  for (const [id, p] of Object.entries(questions)) {
    const at = `state.questions[${JSON.stringify(id)}]`;
    if (p.updatedAt && lateTimestamp(p.updatedAt)) bad.push(`${at}.updatedAt is in the future (${p.updatedAt})`);
    const reviewed = (p.card as { lastReviewed?: unknown } | undefined)?.lastReviewed;
    if (typeof reviewed === 'string' && late(reviewed)) bad.push(`${at}.card.lastReviewed is in the future (${reviewed})`);
  }
  history.forEach((e, i) => {
    if (late(e.date)) bad.push(`state.history[${i}].date is in the future (${e.date})`);
  });
  return bad.length ? [`The file has dates after tomorrow (${limit}); is the clock of the device that exported it right?`, ...bad] : [];
}

/**
 * Validates an export strictly (any unexpected type, value or field rejects the whole file,
 * naming what is wrong) and merges it into `current` (see mergeStates). Exports of format 1
 * (SM-2 cards) are upgraded to FSRS first, as stored progress is.
 */
export function importState(current: StudyState, json: string, now: Date = new Date(), options?: SchedulerOptions): ImportResult {
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (e) {
    return fail([`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`]);
  }
  if (!isRecord(root)) return fail([`The file must hold a JSON object (got ${show(root)})`]);
  if (root.format !== EXPORT_FORMAT) return fail([`Not a progress export: "format" must be "${EXPORT_FORMAT}" (got ${show(root.format)})`]);
  if (typeof root.version === 'number' && root.version > STATE_VERSION) return fail([`The file was exported by a newer version of the extension (format version ${root.version}); update the extension to import it`]);
  if (root.version !== 1 && root.version !== STATE_VERSION) return fail([`"version" must be 1 or ${STATE_VERSION} (got ${show(root.version)})`]);
  const format = root.version;
  if (root.exportedAt !== undefined && !isTimestamp(root.exportedAt)) return fail([`"exportedAt" must be an ISO timestamp (got ${show(root.exportedAt)})`]);
  if (!isRecord(root.state)) return fail([`"state" must be an object (got ${show(root.state)})`]);
  const raw = root.state;
  if (raw.version !== format) return fail([`state.version must be ${format} (got ${show(raw.version)})`]);

  const r: Reader = { problems: [], unknown: [] };
  noteUnknownKeys(root, EXPORT_KEYS, '(file)', r);
  noteUnknownKeys(raw, STATE_KEYS, 'state', r);
  const history = readHistory(raw.history, 'state.history', r);
  const questions =
    format === 1
      ? upgradeSm2Cards(readQuestions(raw.questions, 'state.questions', r, readSm2Card), history, options)
      : readQuestions(raw.questions, 'state.questions', r, readCard);
  const recent = raw.recent === undefined ? [] : readRecent(raw.recent, 'state.recent', r);
  const problems = [...r.problems, ...r.unknown.map((u) => `${u} is not a known field`), ...futureDates(root.exportedAt, questions, history, now)];
  if (problems.length) return fail(problems);
  const { state, report } = mergeStates(current, { version: STATE_VERSION, questions, history, recent });
  return { ok: true, state, report };
}

/**
 * Unites two valid states of one user (an import, or what another window saved meanwhile):
 * per id the newer `updatedAt` wins (a tie keeps `current`), review logs are united as a
 * multiset, recent ids of `current` come first. `base`, when known, is the state both sides
 * started from: then every review `other` added to it is kept, even one `current` also made.
 */
export function mergeStates(current: StudyState, other: StudyState, base?: StudyState): { state: StudyState; report: ImportReport } {
  const merged: Record<string, QuestionProgress> = { ...current.questions };
  let taken = 0;
  let conflicts = 0;
  const take = (id: string, p: QuestionProgress) => Object.defineProperty(merged, id, { value: p, enumerable: true, writable: true, configurable: true });
  for (const [id, theirs] of Object.entries(other.questions)) {
    const mine = own(current.questions, id);
    if (!mine) {
      take(id, theirs);
      taken++;
    } else if (sameContent(mine, theirs)) {
      if (stamp(theirs) > stamp(mine)) take(id, theirs);
    } else {
      conflicts++;
      if (stamp(theirs) > stamp(mine)) {
        take(id, theirs);
        taken++;
      }
    }
  }
  const { history, added } = mergeHistory(current.history, other.history, base?.history);
  const recent = [...current.recent, ...other.recent.filter((id) => !current.recent.includes(id))].slice(0, RECENT_LIMIT);
  return { state: { version: STATE_VERSION, questions: merged, history, recent }, report: { questions: taken, reviews: added, conflicts } };
}
