// A predict-the-output session as plain data: which drills, what the user typed, whether they
// checked it and how they rated themselves. Persisted in the webview state for a reload.

import { RATINGS, type Rating } from '../study/scheduler';
import { readSkipReason, type Skip } from './practiceCards';

export interface DrillState {
  key: string;
  /** What the user predicted it prints. */
  answer: string;
  checked: boolean;
  rating?: Rating;
  done: boolean;
}

export interface DrillSession {
  version: 1;
  kind: 'output';
  /** Title of the topic the drills came from; "" for all notes. */
  scope: string;
  /** False while the intro shows. */
  started: boolean;
  index: number;
  drills: DrillState[];
  skipped: Skip[];
}

export function newDrillSession(keys: readonly string[], skipped: Skip[], scope: string, started = false): DrillSession {
  return { version: 1, kind: 'output', scope, started, index: 0, drills: keys.map((key) => ({ key, answer: '', checked: false, done: false })), skipped };
}

export const startDrills = (s: DrillSession): DrillSession => (s.started ? s : { ...s, started: true });

export const currentDrill = (s: DrillSession): DrillState | undefined => s.drills[s.index];

function withCurrent(s: DrillSession, change: (d: DrillState) => DrillState): DrillSession {
  const d = currentDrill(s);
  if (!d) return s;
  const drills = s.drills.slice();
  drills[s.index] = change(d);
  return { ...s, drills };
}

export function setAnswer(s: DrillSession, answer: string): DrillSession {
  return withCurrent(s, (d) => (d.checked ? d : { ...d, answer }));
}

/** Shows the comparison; the prediction is fixed from then on. */
export function checkAnswer(s: DrillSession, answer: string): DrillSession {
  return withCurrent(s, (d) => (d.checked ? d : { ...d, answer, checked: true }));
}

/** Moves on; `rating` is what was recorded, undefined when the user skipped the drill. */
export function finishDrill(s: DrillSession, rating: Rating | undefined): DrillSession {
  const d = currentDrill(s);
  if (!d) return s;
  if (rating && !d.checked) return s;
  const done = withCurrent(s, (x) => ({ ...x, done: true, ...(rating ? { rating } : {}) }));
  return { ...done, index: s.index + 1 };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 512;
const MAX_DRILLS = 5000;
const MAX_ANSWER = 20_000;

export function parseDrillSession(raw: unknown): DrillSession | undefined {
  if (!isRecord(raw) || raw.version !== 1 || raw.kind !== 'output' || typeof raw.scope !== 'string' || raw.scope.length > 500 || typeof raw.started !== 'boolean') return undefined;
  if (!Array.isArray(raw.drills) || raw.drills.length > MAX_DRILLS || !Array.isArray(raw.skipped) || raw.skipped.length > 10_000) return undefined;
  const drills: DrillState[] = [];
  for (const d of raw.drills) {
    if (!isRecord(d) || !isKey(d.key) || typeof d.answer !== 'string' || d.answer.length > MAX_ANSWER || typeof d.checked !== 'boolean' || typeof d.done !== 'boolean') return undefined;
    if (d.rating !== undefined && !(RATINGS as readonly unknown[]).includes(d.rating)) return undefined;
    const drill: DrillState = { key: d.key, answer: d.answer, checked: d.checked, done: d.done };
    if (d.rating !== undefined) drill.rating = d.rating as Rating;
    drills.push(drill);
  }
  const skipped: Skip[] = [];
  for (const s of raw.skipped) {
    const reason = isRecord(s) ? readSkipReason(s.reason) : undefined;
    if (!isRecord(s) || !isKey(s.key) || typeof s.title !== 'string' || !reason) return undefined;
    skipped.push({ key: s.key, title: s.title.slice(0, 500), reason });
  }
  if (!Number.isInteger(raw.index) || (raw.index as number) < 0 || (raw.index as number) > drills.length) return undefined;
  return { version: 1, kind: 'output', scope: raw.scope, started: raw.started, index: raw.index as number, drills, skipped };
}
