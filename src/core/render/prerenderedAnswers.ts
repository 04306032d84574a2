// Bundled answers are rendered once at build time. Labels depend on the UI
// language, so the build leaves placeholders that are filled in per display.
import type { Question } from '../notes/model';
import type { OutlineEntry } from './headingAnchors';
import { renderAnswerWithOutline, type RenderLabels } from './renderAnswer';
import { escapeHtml } from './webviewDocument';

export interface RenderedAnswer {
  html: string;
  outline: OutlineEntry[];
}

export interface PrerenderedFile {
  format: 'python-interview-notes/answers';
  version: 1;
  answers: Record<string, RenderedAnswer>;
}

// Private-use characters cannot come from the bundled notes (the build checks).
const MARK = '\uE000';
/** Plain labels; the placeholder pattern below lists the same keys. */
type PlainLabel = 'openScratch' | 'copy' | 'output' | 'python2' | 'repl' | 'predictOutput';
// The badge tooltip is a template: the renderer fills {0} and {1} in, between marks, at build time.
const PLACEHOLDERS: Required<RenderLabels> = {
  openScratch: `${MARK}openScratch${MARK}`,
  copy: `${MARK}copy${MARK}`,
  output: `${MARK}output${MARK}`,
  python2: `${MARK}python2${MARK}`,
  repl: `${MARK}repl${MARK}`,
  predictOutput: `${MARK}predictOutput${MARK}`,
  verified: `${MARK}verified${MARK}{0}\uE001{1}\uE002`,
};
const PLACEHOLDER = /\uE000(openScratch|copy|output|python2|repl|predictOutput)\uE000|\uE000verified\uE000([^\uE001]*)\uE001([^\uE002]*)\uE002/g;
const PRIVATE_USE = /[\uE000-\uE002]/;

/**
 * Renders every answer that does not depend on where it is shown: answers with
 * images (webview URLs) or the placeholder character are left to render at run time.
 */
export function prerenderAnswers(questions: readonly Question[]): PrerenderedFile {
  const answers: Record<string, RenderedAnswer> = {};
  for (const q of questions) {
    if (PRIVATE_USE.test(q.markdown) || /!\[|<img/i.test(q.markdown)) continue;
    const rendered = renderAnswerWithOutline(q.markdown, { labels: PLACEHOLDERS, examples: q.examples, allowHtml: true, allowRemoteImages: false });
    if (rendered.html.includes('image-blocked')) continue;
    answers[q.id] = rendered;
  }
  return { format: 'python-interview-notes/answers', version: 1, answers };
}

export function parsePrerendered(json: string): Record<string, RenderedAnswer> {
  const data = JSON.parse(json) as Partial<PrerenderedFile>;
  if (data.format !== 'python-interview-notes/answers' || data.version !== 1 || typeof data.answers !== 'object' || !data.answers) {
    throw new Error('the pre-rendered answers are missing or from another version; rebuild with `npm run build`');
  }
  return data.answers;
}

/** The pre-rendered HTML with this display's labels. */
export function fillLabels(html: string, labels: Required<RenderLabels>): string {
  return html.replace(PLACEHOLDER, (_, key: PlainLabel | undefined, versions: string, methods: string) =>
    key ? escapeHtml(labels[key]) : escapeHtml(labels.verified).replace('{0}', versions).replace('{1}', methods),
  );
}
