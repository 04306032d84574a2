// How much of an answer's key points the user covered, as a review rating.
//
//   covered share   rating
//   < 40 %          again
//   40 % – < 70 %   hard
//   70 % – < 100 %  good
//   100 %           easy
//
// The mock interview proposes this rating; nothing is recorded until the user confirms it
// (and they may pick another).

import type { Rating } from '../study/scheduler';

export const COVERAGE_THRESHOLDS = { hard: 0.4, good: 0.7, easy: 1 } as const;

export function ratingForCoverage(covered: number, total: number): Rating {
  if (!(total > 0)) return 'again';
  const share = Math.min(1, Math.max(0, covered) / total);
  if (share >= COVERAGE_THRESHOLDS.easy) return 'easy';
  if (share >= COVERAGE_THRESHOLDS.good) return 'good';
  if (share >= COVERAGE_THRESHOLDS.hard) return 'hard';
  return 'again';
}
