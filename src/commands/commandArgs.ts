// Commands are invoked from the tree (with the clicked node), from webviews and tests (with
// plain ids) and from the palette (with nothing). These read what a command was given.
import { allQuestions, type Topic } from '../core/notes/model';
import type { UserNotesSource } from '../services/userSource';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A question id from an id string or a tree node of a question; undefined otherwise. */
export function questionIdFrom(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (isRecord(arg) && isRecord(arg.question) && typeof arg.question.id === 'string') return arg.question.id;
  return undefined;
}

/** The topic of a topic's tree node. */
export function topicFrom(arg: unknown): Topic | undefined {
  return isRecord(arg) && isRecord(arg.topic) ? (arg.topic as unknown as Topic) : undefined;
}

/** The ids under a topic's tree node (the whole subtree), or undefined for anything else. */
export function topicQuestionIds(arg: unknown): string[] | undefined {
  const topic = topicFrom(arg);
  return topic ? allQuestions([topic]).map((q) => q.id) : undefined;
}

/** The `interviewNotes.sources` entry of a source: given as the entry itself or a source's tree node. */
export function sourceSettingFrom(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (isRecord(arg) && isRecord(arg.source)) return (arg.source as unknown as UserNotesSource).resolved.setting;
  return undefined;
}

export const stringArg = (arg: unknown): string | undefined => (typeof arg === 'string' ? arg : undefined);
