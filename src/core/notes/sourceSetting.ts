import { QUESTION_MODES, type QuestionMode } from './extractQuestions';
import type { ParseOptions } from './parseNoteFile';

// One entry of `interviewNotes.sources`: a path, or an object that also says
// how its files' questions are found when the guess is wrong.

export interface SourceSetting {
  path: string;
  parse: ParseOptions;
}

/** A string or `{ path, questions?, questionLevel? }`; undefined for anything else. Bad options are ignored, not fatal. */
export function parseSourceSetting(entry: unknown): SourceSetting | undefined {
  if (typeof entry === 'string') return entry.trim() ? { path: entry, parse: {} } : undefined;
  if (!entry || typeof entry !== 'object') return undefined;
  const o = entry as { path?: unknown; questions?: unknown; questionLevel?: unknown };
  if (typeof o.path !== 'string' || !o.path.trim()) return undefined;
  const parse: ParseOptions = {};
  if (typeof o.questions === 'string' && QUESTION_MODES.includes(o.questions as QuestionMode) && o.questions !== 'auto') parse.questions = o.questions as QuestionMode;
  if (typeof o.questionLevel === 'number' && Number.isInteger(o.questionLevel) && o.questionLevel >= 1 && o.questionLevel <= 6) parse.questionLevel = o.questionLevel;
  return { path: o.path, parse };
}

/** The path of a setting entry as written (strings and objects alike). */
export function sourceEntryPath(entry: unknown): string | undefined {
  return parseSourceSetting(entry)?.path;
}
