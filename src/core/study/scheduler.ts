// Spaced-repetition scheduling for study mode: FSRS (ts-fsrs) on whole calendar days.
//
// Dates are local calendar dates ("YYYY-MM-DD") so a card due "tomorrow" becomes due at the
// user's midnight, whatever their time zone. FSRS runs on a timeline where each date is its UTC
// midnight, so elapsed time is always a whole number of days and DST never shifts a day.
//
// FSRS models each card's memory by stability S (days until recall drops to 90%) and difficulty
// D (1–10). Each rating updates them and the next review is set for the day the predicted recall
// falls to the desired retention. Short-term (minute) learning steps are off: the session shows
// a card rated "again" once more the same day, and FSRS then schedules it a day or more ahead.

import { createEmptyCard, default_w, forgetting_curve, fsrs, generatorParameters, Rating as FsrsRating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';

export type Rating = 'again' | 'hard' | 'good' | 'easy';

export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

export type CardPhase = 'learning' | 'review' | 'relearning';

export interface CardState {
  /** FSRS stability in days: the interval after which recall is predicted to fall to 90%. */
  stability: number;
  /** FSRS difficulty, 1 (easy) to 10 (hard). */
  difficulty: number;
  phase: CardPhase;
  /** Days from the last review to `due`. */
  intervalDays: number;
  /** Reviews in total. */
  reps: number;
  /** Times the card was forgotten ("again") after it had been learned. */
  lapses: number;
  /** Local date YYYY-MM-DD. */
  due: string;
  /** Local date YYYY-MM-DD. */
  lastReviewed: string;
}

export interface SchedulerOptions {
  /** Target probability of recall when a card comes due (0.7–0.99). */
  desiredRetention?: number;
}

export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.99;
export const MAX_INTERVAL_DAYS = 36500;
export const MIN_STABILITY = 0.01;
export const MAX_STABILITY = 36500;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GRADES: Record<Rating, Grade> = { again: FsrsRating.Again, hard: FsrsRating.Hard, good: FsrsRating.Good, easy: FsrsRating.Easy };
const PHASES: Record<CardPhase, State> = { learning: State.Learning, review: State.Review, relearning: State.Relearning };

/** UTC midnight of a YYYY-MM-DD date, or undefined when it is not a real calendar date. */
function parseDate(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? t.getTime() : undefined;
}

function requireDate(date: string): number {
  const t = parseDate(date);
  if (t === undefined) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return t;
}

function formatDate(ms: number): string {
  const t = new Date(ms);
  const y = t.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range: year ${y}`);
  return `${String(y).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-29, 2024-13-01, …). */
export function isDateString(value: unknown): value is string {
  return typeof value === 'string' && parseDate(value) !== undefined;
}

/** Calendar arithmetic: the date `days` days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}`);
  return formatDate(requireDate(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((requireDate(to) - requireDate(from)) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  // Fixed locale, calendar and digits: the parts must be Gregorian ASCII numbers whatever the UI language.
  const make = () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
  // The system zone is not cached: it changes when the user travels while the editor runs.
  if (timeZone === undefined) return make();
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = make();
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

/**
 * The calendar date of `instant` on the user's clock (or in `timeZone`, an IANA name), so
 * "today" changes at the user's midnight. Throws RangeError for an unknown time zone or an invalid Date.
 */
export function localDateString(instant: Date, timeZone?: string): string {
  const parts = dateFormatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** A card is due on or after its due date; a card never reviewed has no due date. */
export function isDue(card: CardState | undefined, today: string): boolean {
  return card !== undefined && daysBetween(card.due, today) >= 0;
}

/** The retention setting made safe: a number in [MIN_RETENTION, MAX_RETENTION], else the default. */
export function clampRetention(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_RETENTION;
  return Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, value));
}

const schedulers = new Map<number, FSRS>();

function schedulerFor(options: SchedulerOptions | undefined): FSRS {
  const retention = clampRetention(options?.desiredRetention ?? DEFAULT_RETENTION);
  let f = schedulers.get(retention);
  if (!f) {
    // No fuzz: the same reviews always give the same schedule (tests, two windows, migration).
    f = fsrs(generatorParameters({ request_retention: retention, maximum_interval: MAX_INTERVAL_DAYS, enable_fuzz: false, enable_short_term: false }));
    schedulers.set(retention, f);
  }
  return f;
}

const instant = (date: string) => new Date(requireDate(date));

function toFsrs(card: CardState | undefined, today: string): Card {
  if (!card) return createEmptyCard(instant(today));
  return {
    due: instant(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: Math.max(0, daysBetween(card.lastReviewed, today)),
    scheduled_days: card.intervalDays,
    learning_steps: 0,
    reps: card.reps,
    lapses: card.lapses,
    state: PHASES[card.phase],
    last_review: instant(card.lastReviewed),
  };
}

function phaseOf(state: State): CardPhase {
  return state === State.Review ? 'review' : state === State.Relearning ? 'relearning' : 'learning';
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

function fromFsrs(c: Card, today: string): CardState {
  const due = formatDate(c.due.getTime());
  return {
    stability: round4(Math.min(MAX_STABILITY, Math.max(MIN_STABILITY, c.stability))),
    difficulty: round4(Math.min(10, Math.max(1, c.difficulty))),
    phase: phaseOf(c.state),
    intervalDays: Math.max(0, daysBetween(today, due)),
    reps: c.reps,
    lapses: c.lapses,
    due,
    lastReviewed: today,
  };
}

/** The card after answering it with `rating` on `today`. Pure; throws RangeError for a malformed `today`. */
export function reviewCard(card: CardState | undefined, rating: Rating, today: string, options?: SchedulerOptions): CardState {
  requireDate(today);
  // A review dated before the last one (clock changed, imported log) counts as same-day.
  const day = card && daysBetween(card.lastReviewed, today) < 0 ? card.lastReviewed : today;
  return fromFsrs(schedulerFor(options).next(toFsrs(card, day), instant(day), GRADES[rating]).card, day);
}

/** Days until the card would be due for each rating, for labelling the answer buttons. */
export function previewIntervals(card: CardState | undefined, today: string, options?: SchedulerOptions): Record<Rating, number> {
  const out = {} as Record<Rating, number>;
  for (const r of RATINGS) out[r] = reviewCard(card, r, today, options).intervalDays;
  return out;
}

/** Predicted probability (0–1) of recalling the card on `date`; 0 for a card never studied. */
export function retrievability(card: CardState | undefined, date: string): number {
  if (!card) return 0;
  const elapsed = Math.max(0, daysBetween(card.lastReviewed, date));
  return forgetting_curve(default_w, elapsed, card.stability);
}

/** Replays a card's logged reviews (oldest first) from a new card. */
export function replayReviews(reviews: readonly { date: string; rating: Rating }[], options?: SchedulerOptions): CardState | undefined {
  let card: CardState | undefined;
  for (const r of reviews) card = reviewCard(card, r.rating, r.date, options);
  return card;
}

/** The card as the SM-2 scheduler (state format 1) stored it. */
export interface Sm2Card {
  ease: number;
  intervalDays: number;
  /** Successful reviews in a row; 0 while learning or relearning. */
  reps: number;
  lapses: number;
  due: string;
  lastReviewed: string;
}

/**
 * An SM-2 card without review history, converted to FSRS memory state. SM-2 set its intervals
 * for roughly 90% recall, which is what FSRS stability means, so S = the interval (a learning
 * card gets the stability of a first "again"). Ease 1.3–3.0 maps linearly onto difficulty
 * 10–~2.9, with the default 2.5 at 5. The stored due date and last review are kept as they were.
 */
export function fromSm2(old: Sm2Card): CardState {
  const learning = old.reps <= 0;
  const stability = learning ? default_w[0] : Math.max(MIN_STABILITY, old.intervalDays);
  const difficulty = Math.min(10, Math.max(1, 5 + ((2.5 - old.ease) * 5) / 1.2));
  return {
    stability: round4(stability),
    difficulty: round4(difficulty),
    phase: learning ? (old.lapses > 0 ? 'relearning' : 'learning') : 'review',
    intervalDays: old.intervalDays,
    reps: Math.max(old.reps, 1),
    lapses: old.lapses,
    due: old.due,
    lastReviewed: old.lastReviewed,
  };
}
