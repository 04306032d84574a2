// Follow-up cards are scheduled apart from their question, but a review session never shows two
// cards of the same question on one day: seeing the question answers its follow-ups (and the
// other way round), so the second card would test reading, not recall.

import { familyOf } from './cardKeys';

export interface SiblingFiltered {
  queue: string[];
  /** Cards held back because a sibling was reviewed today or comes earlier in the queue. */
  deferred: string[];
}

/**
 * Keeps the queue's order and at most one card per question. `reviewedToday` are the card keys
 * rated today (any mode): a card may come back itself (an "again"), but none of its siblings may.
 */
export function applySiblingRule(queue: readonly string[], reviewedToday: readonly string[]): SiblingFiltered {
  const shown = new Map<string, Set<string>>();
  for (const key of reviewedToday) {
    const family = familyOf(key);
    shown.set(family, (shown.get(family) ?? new Set()).add(key));
  }
  const taken = new Map<string, string>();
  const out: string[] = [];
  const deferred: string[] = [];
  for (const key of queue) {
    const family = familyOf(key);
    const today = shown.get(family);
    const other = taken.get(family);
    const siblingToday = today !== undefined && [...today].some((k) => k !== key);
    if (siblingToday || (other !== undefined && other !== key)) {
      deferred.push(key);
      continue;
    }
    if (other === undefined) taken.set(family, key);
    out.push(key);
  }
  return { queue: out, deferred };
}
