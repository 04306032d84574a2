import type { Importance } from '../notes/model';

/** How much more often a question comes up, by importance; unmarked (user) notes count as 1. */
export function importanceWeight(importance: Importance | undefined): number {
  return importance === 3 ? 4 : importance === 2 ? 2 : 1;
}

/**
 * One id, chosen with probability proportional to its weight. `random` is
 * injectable so tests can pin it; it must return a number in [0, 1).
 */
export function pickWeighted<T>(items: readonly T[], weight: (item: T) => number, random: () => number = Math.random): T | undefined {
  let total = 0;
  for (const item of items) total += Math.max(0, weight(item));
  if (items.length === 0) return undefined;
  if (total <= 0) return items[Math.floor(random() * items.length)];
  let r = random() * total;
  for (const item of items) {
    r -= Math.max(0, weight(item));
    if (r < 0) return item;
  }
  return items[items.length - 1];
}
