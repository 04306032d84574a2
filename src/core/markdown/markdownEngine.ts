import MarkdownItCtor, { type MarkdownIt } from 'markdown-it';

/**
 * The one markdown-it configuration used for parsing structure. Rendering adds
 * its own rules on a separate instance (see renderAnswer.ts) so that parsing
 * never depends on how HTML is produced.
 */
export function createMarkdownParser(): MarkdownIt {
  return new MarkdownItCtor({ html: true, linkify: true, typographer: false });
}

let shared: MarkdownIt | undefined;
export function sharedMarkdownParser(): MarkdownIt {
  return (shared ??= createMarkdownParser());
}
