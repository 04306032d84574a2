// The SM-2 scheduler the extension used before FSRS, kept only so the study bench can compare.
// Calendar dates come from the extension's own scheduler; only the SM-2 rules live here.
import { addDays, daysBetween, isDateString, type Rating } from '../src/core/study/scheduler';

// Spaced-repetition scheduling for study mode: an SM-2 variant on whole calendar days.
//
// Dates are local calendar dates ("YYYY-MM-DD") so a card due "tomorrow" becomes due at the
// user's midnight, whatever their time zone; all arithmetic runs in UTC, so DST never shifts a day.
//
// Phases
// - Learning: a card never reviewed (undefined) or one that lapsed (reps = 0).
//     again → 0 days (due again today), hard → 1, good → 1, easy → 4.
//     Ease is left alone (a first look says little about how hard the card is) and
//     lapses do not count: you cannot forget what you have not learned yet.
//     Any rating but again graduates the card (reps = 1).
// - Review: reps ≥ 1. Let I = current interval (≥ 1) and E = ease before this review.
//     again → lapse: reps = 0, lapses + 1, E − 0.2, interval 0 (due again today, so the
//             card returns to today's queue and is then relearned with the learning steps).
//     hard  → I × 1.2,        E − 0.15
//     good  → I × E,          E unchanged
//     easy  → I × E × 1.3,    E + 0.15
//   Late review (today after due, D days late): remembering longer than planned earns credit,
//     as in Anki: hard uses I + D/4, good I + D/2, easy I + D in place of I.
//   Early review (today before due): only the time actually elapsed since the last review is
//     evidence, so the formulas use min(elapsed, I) in place of I, but the result never drops
//     below I: reviewing early can not shorten a card's schedule.
// - Rounding: intervals are rounded to whole days, then kept distinct so each button means
//   something: hard ≥ 1, good ≥ hard + 1, easy ≥ good + 1; finally capped at 365 days.
// - Ease starts at 2.5, is kept within [1.3, 3.0] and rounded to 2 decimals (no float drift).

export interface CardState {
  ease: number;
  intervalDays: number;
  /** Successful reviews in a row; 0 while learning or relearning. */
  reps: number;
  lapses: number;
  /** Local date YYYY-MM-DD. */
  due: string;
  /** Local date YYYY-MM-DD. */
  lastReviewed: string;
}

export const DEFAULT_EASE = 2.5;
export const MIN_EASE = 1.3;
export const MAX_EASE = 3.0;
export const MAX_INTERVAL_DAYS = 365;

const LEARNING_STEPS: Record<Rating, number> = { again: 0, hard: 1, good: 1, easy: 4 };
const EASE_DELTA: Record<Rating, number> = { again: -0.2, hard: -0.15, good: 0, easy: 0.15 };
/** A card is due on or after its due date; a card never reviewed has no due date. */
export function isDue(card: CardState | undefined, today: string): boolean {
  return card !== undefined && daysBetween(card.due, today) >= 0;
}

const clampEase = (e: number) => Math.min(MAX_EASE, Math.max(MIN_EASE, Math.round(e * 100) / 100));
const capInterval = (d: number) => Math.min(MAX_INTERVAL_DAYS, d);

/** Intervals for hard, good and easy on a card in the review phase (see the rules above). */
function reviewIntervals(card: CardState, today: string): { hard: number; good: number; easy: number } {
  const interval = Math.max(1, card.intervalDays);
  const ease = clampEase(card.ease);
  const late = daysBetween(card.due, today);
  let hard: number;
  let good: number;
  let easy: number;
  if (late > 0) {
    hard = (interval + late / 4) * 1.2;
    good = (interval + late / 2) * ease;
    easy = (interval + late) * ease * 1.3;
  } else {
    const elapsed = Math.min(interval, Math.max(0, daysBetween(card.lastReviewed, today)));
    hard = Math.max(interval, elapsed * 1.2);
    good = Math.max(interval, elapsed * ease);
    easy = Math.max(interval, elapsed * ease * 1.3);
  }
  const h = Math.max(1, Math.round(hard));
  const g = Math.max(h + 1, Math.round(good));
  const e = Math.max(g + 1, Math.round(easy));
  return { hard: capInterval(h), good: capInterval(g), easy: capInterval(e) };
}

/** The card after answering it with `rating` on `today`. Pure; throws RangeError for a malformed `today`. */
export function reviewCard(card: CardState | undefined, rating: Rating, today: string): CardState {
  if (!isDateString(today)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  if (card === undefined || card.reps <= 0) {
    const intervalDays = LEARNING_STEPS[rating];
    return {
      ease: card ? clampEase(card.ease) : DEFAULT_EASE,
      intervalDays,
      reps: rating === 'again' ? 0 : 1,
      lapses: card?.lapses ?? 0,
      due: addDays(today, intervalDays),
      lastReviewed: today,
    };
  }
  const ease = clampEase(card.ease + EASE_DELTA[rating]);
  if (rating === 'again') {
    return { ease, intervalDays: 0, reps: 0, lapses: card.lapses + 1, due: today, lastReviewed: today };
  }
  const intervalDays = reviewIntervals(card, today)[rating];
  return { ease, intervalDays, reps: card.reps + 1, lapses: card.lapses, due: addDays(today, intervalDays), lastReviewed: today };
}
