import type { Token } from 'markdown-it';
import type { CodeExample } from '../notes/model';
import { looksLikePython, looksLikePython2 } from '../notes/pythonDetect';

const PYTHON_LANGS = new Set(['python', 'py', 'python3', 'py3']);
/** Info-string flags that mark an example as shown-only (needs a server, a package, or is partial). */
const NO_RUN_FLAGS = new Set(['norun', 'no-run', 'nocheck']);

export interface FenceInfo {
  language: string;
  flags: string[];
}

/** Splits a fence info string such as "python norun" or "{.python}" into language and flags. */
export function parseFenceInfo(info: string): FenceInfo {
  // "{.python}" → python; dots inside words stay ("py>=3.12").
  const words = info.trim().replace(/[{}]/g, ' ').split(/\s+/).map((w) => w.replace(/^\.+/, '')).filter(Boolean);
  const [language = '', ...flags] = words.map((w) => w.toLowerCase());
  return { language, flags };
}

export function isPythonLanguage(language: string): boolean {
  return PYTHON_LANGS.has(language);
}

export type CodeTokenKind = 'runnable' | 'shown' | 'output' | 'other';

/**
 * How a code token counts: a runnable or shown-only Python example, the output
 * of the example before it, or other code. Unlabelled blocks count as shown
 * Python when the code clearly is Python.
 */
export function classifyCodeToken(token: Token): CodeTokenKind {
  if (token.type !== 'fence' && token.type !== 'code_block') return 'other';
  const { language, flags } = token.type === 'fence' ? parseFenceInfo(token.info) : { language: '', flags: [] };
  if (language === 'output') return 'output';
  if (isPythonLanguage(language)) return flags.some((f) => NO_RUN_FLAGS.has(f)) || exampleKindOf(token.content) ? 'shown' : 'runnable';
  return language === '' && (looksLikePython(token.content) || looksLikePython2Script(token.content)) ? 'shown' : 'other';
}

/** "repl" for a `>>>` transcript, "python2" for Python 2 code, undefined for a Python 3 script. Neither is runnable. */
export function exampleKindOf(code: string): CodeExample['kind'] {
  if (code.split('\n').some((l) => l.startsWith('>>>'))) return 'repl';
  return looksLikePython2(code) ? 'python2' : undefined;
}

/** Python 2 code reads as Python once its print statements are calls. */
function looksLikePython2Script(code: string): boolean {
  return looksLikePython2(code) && looksLikePython(code.replace(/^([ \t]*)print[ \t]+([^\n]*)$/gm, '$1print($2)'));
}
