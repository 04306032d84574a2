import type { Token } from 'markdown-it';
import type { CodeExample } from './model';
import { classifyCodeToken, parseFenceInfo } from '../markdown/codeBlocks';
import { exampleTag, markdownEngine } from '../markdown/markdownEngine';
import { exampleKindOf } from '../markdown/codeBlocks';
import { rangeFromFlags } from './pythonVersions';

/**
 * Python examples of an answer in the order the engine numbered them. The
 * `output` fences right after a runnable example are its expected stdout (one
 * per Python range when output differs by version, e.g. ```` ```output py>=3.12 ````).
 * Unlabelled blocks count when the code clearly is Python; they are shown, not
 * executed by the notes check.
 */
export function extractExamples(markdown: string, lineOffset = 0): CodeExample[] {
  const tokens = markdownEngine().parse(markdown, {});
  const examples: CodeExample[] = [];
  let last: CodeExample | undefined;
  let lastIndex = -2;
  tokens.forEach((token: Token, index: number) => {
    const tag = exampleTag(token);
    if (!tag) {
      if (last && lastIndex === index - 1 && classifyCodeToken(token) === 'output') {
        const range = rangeFromFlags(parseFenceInfo(token.info).flags)?.text;
        (last.outputs ??= []).push(range ? { range, text: token.content } : { text: token.content });
        // The single-output view: the plain block, else the first one.
        last.expectedOutput = (last.outputs.find((o) => !o.range) ?? last.outputs[0]).text;
        lastIndex = index;
      }
      return;
    }
    const range = token.type === 'fence' ? rangeFromFlags(parseFenceInfo(token.info).flags) : undefined;
    last = {
      language: 'python',
      code: token.content,
      runnable: tag.runnable,
      line: (token.map?.[0] ?? 0) + 1 + lineOffset,
      ...(exampleKindOf(token.content) ? { kind: exampleKindOf(token.content) } : {}),
      ...(range ? { pythons: range.text } : {}),
    };
    lastIndex = index;
    examples[tag.index] = last;
  });
  return examples;
}

const PROMPT = /^(?:>>>|\.\.\.)(?: |$)/;

/**
 * The code a scratch file opens with: a REPL transcript without its prompts,
 * the output lines kept as `# ` comments so the file still runs.
 */
export function scratchCode(example: Pick<CodeExample, 'code' | 'kind'>): string {
  if (example.kind !== 'repl') return example.code;
  const out: string[] = [];
  let inInput = false;
  for (const line of example.code.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('>>>')) {
      inInput = true;
      out.push(line.replace(PROMPT, ''));
    } else if (inInput && PROMPT.test(line)) out.push(line.replace(PROMPT, ''));
    else {
      inInput = false;
      out.push(line.trim() === '' ? '' : `# ${line}`);
    }
  }
  return `${out.join('\n')}\n`;
}
