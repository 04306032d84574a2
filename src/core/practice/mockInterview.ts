// A mock interview: planning which questions and follow-ups to ask, and the session's state as
// plain data (the panel persists it in the webview state so a window reload resumes it).

import { RATINGS, type Rating } from '../study/scheduler';
import { followUpCards, mainCard, readSkipReason, type Lookup, type PracticeQuestion, type Skip } from './practiceCards';

export const INTERVIEW_LENGTHS = [3, 5, 8, 10] as const;
export const MINUTES_PER_QUESTION = [1, 2, 3, 5] as const;
/** Each main question is followed by one or two of its follow-ups, when it has any. */
export const MAX_FOLLOW_UPS = 2;

export interface InterviewOptions {
  /** Main questions to ask. */
  questions: number;
  secondsPerQuestion: number;
  /** [0, 1) source of randomness; pass a seeded one in tests. */
  random: () => number;
}

/** Follow-ups are shorter questions: half the time, rounded up to 30 s. */
export function followUpSeconds(seconds: number): number {
  return Math.max(30, Math.ceil(seconds / 2 / 30) * 30);
}

export interface StepState {
  cardKey: string;
  seconds: number;
  /** Epoch ms when the step was first shown: the timer's origin, kept across a reload. */
  startedAt?: number;
  /** Time taken, fixed when the points are revealed. */
  elapsedMs?: number;
  revealed: boolean;
  /** Indexes of the points the user ticked. */
  covered: number[];
  notes: string;
  /** The rating recorded in study progress; undefined while unrated or when the user skipped rating. */
  rating?: Rating;
  /** Moved past (rated or not). */
  done: boolean;
}

export interface InterviewSession {
  version: 1;
  kind: 'interview';
  createdAt: number;
  /** Titles of the chosen topics, for the intro and the report. */
  topics: string[];
  index: number;
  steps: StepState[];
  skipped: Skip[];
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Picks `questions` main questions at random among those with a 要点 list, each followed by one
 * or two of its follow-ups (in the note's order). Candidates without key points are reported in
 * `skipped`, never asked.
 */
export function planInterview(candidates: readonly PracticeQuestion[], lookup: Lookup, topics: string[], options: InterviewOptions, now: number): InterviewSession {
  const skipped: Skip[] = [];
  const usable: PracticeQuestion[] = [];
  for (const q of candidates) {
    const c = mainCard(q);
    if ('skip' in c) skipped.push({ key: q.key, title: q.title, reason: c.skip });
    else usable.push(q);
  }
  const steps: StepState[] = [];
  const step = (cardKey: string, seconds: number): StepState => ({ cardKey, seconds, revealed: false, covered: [], notes: '', done: false });
  for (const q of shuffle(usable, options.random).slice(0, Math.max(0, options.questions))) {
    steps.push(step(q.key, options.secondsPerQuestion));
    const { cards } = followUpCards(q, lookup);
    const want = Math.min(cards.length, options.random() < 0.5 ? 1 : MAX_FOLLOW_UPS);
    const chosen = shuffle([...cards.keys()], options.random).slice(0, want).sort((a, b) => a - b);
    for (const i of chosen) steps.push(step(cards[i].cardKey, followUpSeconds(options.secondsPerQuestion)));
  }
  return { version: 1, kind: 'interview', createdAt: now, topics, index: 0, steps, skipped };
}

// ---- transitions (each returns a new session) -------------------------------------------------

export const currentStep = (s: InterviewSession): StepState | undefined => s.steps[s.index];
export const isFinished = (s: InterviewSession): boolean => s.index >= s.steps.length;

function withCurrent(s: InterviewSession, change: (step: StepState) => StepState): InterviewSession {
  const step = currentStep(s);
  if (!step) return s;
  const steps = s.steps.slice();
  steps[s.index] = change(step);
  return { ...s, steps };
}

/** The step is on screen: its timer starts (once; a reload keeps the original start). */
export function showStep(s: InterviewSession, now: number): InterviewSession {
  return withCurrent(s, (st) => (st.startedAt === undefined ? { ...st, startedAt: now } : st));
}

/** Ms left on the current step's timer (negative once over time). */
export function remainingMs(step: StepState, now: number): number {
  const used = step.elapsedMs ?? (step.startedAt === undefined ? 0 : now - step.startedAt);
  return step.seconds * 1000 - used;
}

export function revealPoints(s: InterviewSession, now: number): InterviewSession {
  return withCurrent(s, (st) => (st.revealed ? st : { ...st, revealed: true, elapsedMs: Math.max(0, now - (st.startedAt ?? now)) }));
}

export function setNotes(s: InterviewSession, notes: string): InterviewSession {
  return withCurrent(s, (st) => ({ ...st, notes }));
}

export function setCovered(s: InterviewSession, covered: readonly number[], pointCount: number): InterviewSession {
  const valid = [...new Set(covered)].filter((i) => Number.isInteger(i) && i >= 0 && i < pointCount).sort((a, b) => a - b);
  return withCurrent(s, (st) => (st.revealed ? { ...st, covered: valid } : st));
}

/** Moves on; `rating` is what was recorded, undefined when the user chose not to record one. */
export function finishStep(s: InterviewSession, rating: Rating | undefined, now: number): InterviewSession {
  const step = currentStep(s);
  if (!step || !step.revealed) return s;
  const done = withCurrent(s, (st) => ({ ...st, done: true, ...(rating ? { rating } : {}) }));
  return showStep({ ...done, index: s.index + 1 }, now);
}

/** Ends the interview early: the remaining steps are left unanswered and the report follows. */
export function endInterview(s: InterviewSession): InterviewSession {
  return { ...s, index: s.steps.length };
}

// ---- restoring untrusted state ----------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 512;
const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const MAX_STEPS = 64;
const MAX_NOTES = 20_000;

function readStep(raw: unknown): StepState | undefined {
  if (!isRecord(raw) || !isKey(raw.cardKey) || !isMs(raw.seconds) || raw.seconds > 3600) return undefined;
  if (typeof raw.revealed !== 'boolean' || typeof raw.done !== 'boolean' || typeof raw.notes !== 'string' || raw.notes.length > MAX_NOTES) return undefined;
  if (!Array.isArray(raw.covered) || !raw.covered.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < 100)) return undefined;
  if (raw.startedAt !== undefined && !isMs(raw.startedAt)) return undefined;
  if (raw.elapsedMs !== undefined && !isMs(raw.elapsedMs)) return undefined;
  if (raw.rating !== undefined && !(RATINGS as readonly unknown[]).includes(raw.rating)) return undefined;
  const step: StepState = { cardKey: raw.cardKey, seconds: raw.seconds, revealed: raw.revealed, covered: raw.covered as number[], notes: raw.notes, done: raw.done };
  if (raw.startedAt !== undefined) step.startedAt = raw.startedAt as number;
  if (raw.elapsedMs !== undefined) step.elapsedMs = raw.elapsedMs as number;
  if (raw.rating !== undefined) step.rating = raw.rating as Rating;
  return step;
}

function readSkips(raw: unknown): Skip[] | undefined {
  if (!Array.isArray(raw) || raw.length > 10_000) return undefined;
  const out: Skip[] = [];
  for (const s of raw) {
    const reason = isRecord(s) ? readSkipReason(s.reason) : undefined;
    if (!isRecord(s) || !isKey(s.key) || typeof s.title !== 'string' || !reason) return undefined;
    out.push({ key: s.key, title: s.title.slice(0, 500), reason });
  }
  return out;
}

/** A session read back from webview state, or undefined when anything about it is off. */
export function parseInterviewSession(raw: unknown): InterviewSession | undefined {
  if (!isRecord(raw) || raw.version !== 1 || raw.kind !== 'interview' || !isMs(raw.createdAt)) return undefined;
  if (!Array.isArray(raw.steps) || raw.steps.length > MAX_STEPS || !Array.isArray(raw.topics) || !raw.topics.every((t) => typeof t === 'string' && t.length <= 500)) return undefined;
  const steps = raw.steps.map(readStep);
  const skipped = readSkips(raw.skipped);
  if (steps.some((s) => !s) || !skipped) return undefined;
  if (!Number.isInteger(raw.index) || (raw.index as number) < 0 || (raw.index as number) > steps.length) return undefined;
  return { version: 1, kind: 'interview', createdAt: raw.createdAt, topics: raw.topics as string[], index: raw.index as number, steps: steps as StepState[], skipped };
}
