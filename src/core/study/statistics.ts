// Statistics for the progress page, computed from the review log and the cards. Pure.

import { addDays, daysBetween, retrievability } from './scheduler';
import type { ReviewLogEntry, StudyState } from './studyState';

/** Reviewed cards coming due on each of the `days` days from `today` (overdue ones count today). */
export function dueForecast(s: StudyState, ids: readonly string[], today: string, days: number): { date: string; due: number }[] {
  const out = Array.from({ length: Math.max(0, Math.floor(days)) }, (_, i) => ({ date: addDays(today, i), due: 0 }));
  for (const id of new Set(ids)) {
    const card = Object.hasOwn(s.questions, id) ? s.questions[id].card : undefined;
    if (!card) continue;
    const i = Math.max(0, daysBetween(today, card.due));
    if (i < out.length) out[i].due++;
  }
  return out;
}

export interface Retention {
  /** Reviews of cards past their first learning step. */
  reviews: number;
  /** Of those, the ones not answered "again". */
  recalled: number;
}

/**
 * True retention over the log for `ids`: the share of successful recalls among reviews of cards
 * past their first learning step. A card's first review and any repeat on the same day as its
 * previous review (a learning step) measure nothing about memory over time, so they are left out.
 */
export function trueRetention(history: readonly ReviewLogEntry[], ids: ReadonlySet<string>): Retention {
  const last = new Map<string, string>();
  let reviews = 0;
  let recalled = 0;
  for (const e of history) {
    if (!ids.has(e.id)) continue;
    const before = last.get(e.id);
    last.set(e.id, e.date);
    if (before === undefined || before >= e.date) continue;
    reviews++;
    if (e.rating !== 'again') recalled++;
  }
  return { reviews, recalled };
}

export interface Forgotten {
  id: string;
  lapses: number;
  /** Predicted recall today. */
  recall: number;
}

/** The questions forgotten most often (at least once), most lapses first, then lowest recall. */
export function mostForgotten(s: StudyState, ids: readonly string[], today: string, limit = 10): Forgotten[] {
  const out: Forgotten[] = [];
  for (const id of new Set(ids)) {
    const card = Object.hasOwn(s.questions, id) ? s.questions[id].card : undefined;
    if (card && card.lapses > 0) out.push({ id, lapses: card.lapses, recall: retrievability(card, today) });
  }
  return out.sort((a, b) => b.lapses - a.lapses || a.recall - b.recall).slice(0, limit);
}

/** Reviews per day for the `days` days ending `today`, oldest first. */
export function reviewsPerDay(history: readonly ReviewLogEntry[], days: number, today: string): { date: string; count: number }[] {
  const n = Math.max(0, Math.floor(days));
  const out = Array.from({ length: n }, (_, i) => ({ date: addDays(today, i - n + 1), count: 0 }));
  if (n === 0) return out;
  const first = out[0].date;
  for (const e of history) {
    if (e.date < first || e.date > today) continue;
    out[daysBetween(first, e.date)].count++;
  }
  return out;
}
