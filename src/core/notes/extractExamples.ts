import type { Token } from 'markdown-it';
import type { CodeExample } from './model';
import { sharedMarkdownParser } from '../markdown/markdownEngine';
import { looksLikePython } from './pythonDetect';

const PYTHON_LANGS = new Set(['python', 'py', 'python3', 'py3']);
/** Info-string flags that mark an example as shown-only (needs a server, a package, or is partial). */
const NO_RUN_FLAGS = new Set(['norun', 'no-run', 'nocheck']);

export interface FenceInfo {
  language: string;
  flags: string[];
}

/** Splits a fence info string such as "python norun" or "{.python}" into language and flags. */
export function parseFenceInfo(info: string): FenceInfo {
  const words = info.trim().replace(/[{}.]/g, ' ').split(/\s+/).filter(Boolean);
  const [language = '', ...flags] = words.map((w) => w.toLowerCase());
  return { language, flags };
}

export function isPythonLanguage(language: string): boolean {
  return PYTHON_LANGS.has(language);
}

export type CodeTokenKind = 'runnable' | 'shown' | 'output' | 'other';

/**
 * How a code token counts. The renderer and the extractor both use this, so the
 * n-th example button in the answer view always opens the n-th extracted example.
 */
export function classifyCodeToken(token: Token): CodeTokenKind {
  if (token.type !== 'fence' && token.type !== 'code_block') return 'other';
  const { language, flags } = token.type === 'fence' ? parseFenceInfo(token.info) : { language: '', flags: [] };
  if (language === 'output') return 'output';
  if (isPythonLanguage(language)) return flags.some((f) => NO_RUN_FLAGS.has(f)) ? 'shown' : 'runnable';
  return language === '' && looksLikePython(token.content) ? 'shown' : 'other';
}

/**
 * Python examples of an answer in document order. An `output` fence right after
 * a runnable example is its expected stdout. Unlabelled blocks count when the
 * code clearly is Python; they are shown, not executed by the notes check.
 */
export function extractExamples(markdown: string, lineOffset = 0): CodeExample[] {
  const tokens = sharedMarkdownParser().parse(markdown, {});
  const examples: CodeExample[] = [];
  let last: CodeExample | undefined;
  let lastIndex = -2;
  tokens.forEach((token: Token, index: number) => {
    const kind = classifyCodeToken(token);
    if (kind === 'other') return;
    if (kind === 'output') {
      if (last && lastIndex === index - 1) last.expectedOutput = token.content;
      return;
    }
    last = {
      language: 'python',
      code: token.content,
      runnable: kind === 'runnable',
      line: (token.map?.[0] ?? 0) + 1 + lineOffset,
    };
    lastIndex = index;
    examples.push(last);
  });
  return examples;
}
