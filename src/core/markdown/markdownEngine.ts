import MarkdownItCtor, { type MarkdownIt, type Token } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { headingAnchors } from '../render/headingAnchors';
import { classifyCodeToken } from './codeBlocks';

/**
 * The one markdown-it engine: parsing (questions, examples, the notes check)
 * and rendering (the answer view) read the same token stream. HTML is always
 * parsed; whether it may be shown is a per-render choice the renderer rules
 * read from `env`, so an untrusted note never changes how its tokens fall.
 */
function createEngine(): MarkdownIt {
  const md = new MarkdownItCtor({ html: true, linkify: true, typographer: false });
  // CommonMark's flanking rules leave `**截断（clamp）**到` as literal asterisks next to
  // full-width punctuation; this plugin relaxes them for CJK text only.
  md.use(cjkFriendly);
  md.core.ruler.push('example_index', (state) => {
    numberExamples(state.tokens);
  });
  // Stable heading ids (and the outline in env) come from the tokens too, so links to #anchors match what parsing saw.
  md.use(headingAnchors);
  return md;
}

let engine: MarkdownIt | undefined;

/** Created on first use, then shared. Renderer rules are installed by the render module. */
export function markdownEngine(): MarkdownIt {
  return (engine ??= createEngine());
}

/**
 * Each Python example token gets its position among the answer's examples in
 * `meta.example` (see exampleTag). Extraction and the answer's buttons both read it, so button N
 * always opens example N.
 */
function numberExamples(tokens: Token[]): void {
  let next = 0;
  for (const token of tokens) {
    const kind = classifyCodeToken(token);
    if (kind === 'runnable' || kind === 'shown') token.meta = { ...(token.meta ?? {}), example: { index: next++, runnable: kind === 'runnable' } };
  }
}

export interface ExampleTag {
  /** 0-based position among the answer's examples. */
  index: number;
  /** Executed by the notes check (a labelled Python fence without a no-run flag). */
  runnable: boolean;
}

/** What the engine tagged a code token as, or undefined for anything that is not an example. */
export function exampleTag(token: Token): ExampleTag | undefined {
  return (token.meta as { example?: ExampleTag } | null)?.example;
}
