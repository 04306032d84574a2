// The mock interview and output drill pages' messages, imported by the hosts
// (views/mockInterviewPanel.ts, views/outputDrillPanel.ts) and the pages' scripts
// (webview/mockInterview.ts, webview/outputDrill.ts). What a page sends is checked on arrival.

import { RATINGS, type Rating } from '../study/scheduler';
import type { InterviewSession } from '../practice/mockInterview';
import type { DrillSession } from '../practice/outputDrillSession';

export type InterviewMessage =
  | { type: 'ready' }
  | { type: 'start' }
  | { type: 'notes'; cardKey: string; text: string }
  | { type: 'reveal'; cardKey: string; notes: string }
  | { type: 'cover'; cardKey: string; covered: number[] }
  /** Records `rating` in study progress for the card and moves on. */
  | { type: 'record'; cardKey: string; rating: Rating; covered: number[] }
  /** Moves on without recording anything. */
  | { type: 'skipRating'; cardKey: string }
  | { type: 'end' }
  | { type: 'saveReport' }
  | { type: 'openQuestion'; id: string };

export type DrillMessage =
  | { type: 'ready' }
  | { type: 'start' }
  | { type: 'answer'; key: string; text: string }
  | { type: 'check'; key: string; text: string }
  | { type: 'rate'; key: string; rating: Rating }
  | { type: 'skip'; key: string }
  | { type: 'openQuestion'; id: string };

/** Each page is rebuilt for every step, so the hosts post nothing. */
export type PracticeHostMessage = never;

/** What the pages keep with vscode.setState, handed back to the panel after a window reload. */
export interface InterviewViewState {
  session: InterviewSession;
}
export interface DrillViewState {
  session: DrillSession;
}

const MAX_KEY = 1024;
const MAX_TEXT = 20_000;
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_KEY;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isRating = (v: unknown): v is Rating => typeof v === 'string' && (RATINGS as readonly string[]).includes(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndexList = (v: unknown): v is number[] => Array.isArray(v) && v.length <= 100 && v.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < 100);

export function parseInterviewMessage(raw: unknown): InterviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'start':
    case 'end':
    case 'saveReport':
      return { type: raw.type };
    case 'notes':
      return isKey(raw.cardKey) && isText(raw.text) ? { type: 'notes', cardKey: raw.cardKey, text: raw.text } : undefined;
    case 'reveal':
      return isKey(raw.cardKey) && isText(raw.notes) ? { type: 'reveal', cardKey: raw.cardKey, notes: raw.notes } : undefined;
    case 'cover':
      return isKey(raw.cardKey) && isIndexList(raw.covered) ? { type: 'cover', cardKey: raw.cardKey, covered: [...raw.covered] } : undefined;
    case 'record':
      return isKey(raw.cardKey) && isRating(raw.rating) && isIndexList(raw.covered) ? { type: 'record', cardKey: raw.cardKey, rating: raw.rating, covered: [...raw.covered] } : undefined;
    case 'skipRating':
      return isKey(raw.cardKey) ? { type: 'skipRating', cardKey: raw.cardKey } : undefined;
    case 'openQuestion':
      return isKey(raw.id) ? { type: 'openQuestion', id: raw.id } : undefined;
    default:
      return undefined;
  }
}

export function parseDrillMessage(raw: unknown): DrillMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'start':
      return { type: raw.type };
    case 'answer':
    case 'check':
      return isKey(raw.key) && isText(raw.text) ? { type: raw.type, key: raw.key, text: raw.text } : undefined;
    case 'rate':
      return isKey(raw.key) && isRating(raw.rating) ? { type: 'rate', key: raw.key, rating: raw.rating } : undefined;
    case 'skip':
      return isKey(raw.key) ? { type: 'skip', key: raw.key } : undefined;
    case 'openQuestion':
      return isKey(raw.id) ? { type: 'openQuestion', id: raw.id } : undefined;
    default:
      return undefined;
  }
}
