// The review and progress pages' messages in both directions, imported by the hosts
// (views/reviewPanel.ts, views/progressPanel.ts) and the pages' scripts (webview/review.ts,
// webview/progress.ts). What a page sends is checked on arrival.

import { RATINGS, type Rating } from '../study/scheduler';

export type ReviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; questionId: string }
  | { type: 'rate'; questionId: string; rating: Rating }
  | { type: 'showProgress' }
  | { type: 'openQuestion'; id: string }
  | { type: 'openExample'; questionId: string; index: number }
  | { type: 'copyExample'; questionId: string; index: number };

/** The review page is rebuilt for every card, so the host posts it nothing. */
export type ReviewHostMessage = never;

/** The commands the progress page's buttons may run, and nothing else. */
export const PROGRESS_COMMANDS = ['startReview', 'exportProgress', 'importProgress', 'setInterviewDate', 'reviewForgotten'] as const;
export type ProgressCommand = (typeof PROGRESS_COMMANDS)[number];

export type ProgressMessage = { type: 'ready' } | { type: 'run'; command: ProgressCommand } | { type: 'openQuestion'; id: string };

/** The progress page is rebuilt when progress changes, so the host posts it nothing. */
export type ProgressHostMessage = never;

const MAX_TEXT = 2048;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10_000;
const isRating = (v: unknown): v is Rating => typeof v === 'string' && (RATINGS as readonly string[]).includes(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseReviewMessage(raw: unknown): ReviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'showProgress':
      return { type: raw.type };
    case 'reveal':
      return isText(raw.questionId) ? { type: 'reveal', questionId: raw.questionId } : undefined;
    case 'rate':
      return isText(raw.questionId) && isRating(raw.rating) ? { type: 'rate', questionId: raw.questionId, rating: raw.rating } : undefined;
    case 'openQuestion':
      return isText(raw.id) ? { type: 'openQuestion', id: raw.id } : undefined;
    case 'openExample':
    case 'copyExample':
      return isText(raw.questionId) && isIndex(raw.index) ? { type: raw.type, questionId: raw.questionId, index: raw.index } : undefined;
    default:
      return undefined;
  }
}

export function parseProgressMessage(raw: unknown): ProgressMessage | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.type === 'ready') return { type: 'ready' };
  if (raw.type === 'openQuestion') return isText(raw.id) ? { type: 'openQuestion', id: raw.id } : undefined;
  if (raw.type === 'run' && typeof raw.command === 'string' && (PROGRESS_COMMANDS as readonly string[]).includes(raw.command)) {
    return { type: 'run', command: raw.command as ProgressCommand };
  }
  return undefined;
}
