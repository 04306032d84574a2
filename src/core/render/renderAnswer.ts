import type { MarkdownIt, Renderer, RendererRule, Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { classifyCodeToken, exampleKindOf, parseFenceInfo } from '../markdown/codeBlocks';
import { exampleTag, markdownEngine } from '../markdown/markdownEngine';
import { highlightCode } from './highlightCode';
import { escapeHtml } from './webviewDocument';
import type { OutlineEntry, OutlineEnv } from './headingAnchors';
import type { CodeExample, Question } from '../notes/model';
import { describeRange, formatVersionList, rangeFromFlags } from '../notes/pythonVersions';

export interface RenderLabels {
  openScratch: string;
  copy: string;
  output: string;
  /** Tooltip of the "✓ CPython 3.10–3.13" badge; {0} = versions, {1} = start methods or "". */
  verified?: string;
  /** Shown on Python 2 examples, which are never offered as runnable. */
  python2?: string;
  /** Shown on `>>>` transcripts. */
  repl?: string;
  /** When set, runnable examples with a shown output get a "Predict Output" button. */
  predictOutput?: string;
}

/** The answer view's labels in English (the view passes the same strings through vscode.l10n). */
export const ENGLISH_LABELS: Required<RenderLabels> = {
  openScratch: 'Open as Scratch File',
  copy: 'Copy',
  output: 'Output',
  verified: 'Verified by the notes check on CPython {0}{1}',
  python2: 'Python 2',
  repl: 'REPL session',
  predictOutput: 'Predict Output',
};

export interface RenderOptions {
  labels: RenderLabels;
  /** Raw HTML in notes is kept (sanitised) only for trusted sources; otherwise it shows as text. */
  allowHtml: boolean;
  /** Remote (http/https) images load only when the user allows them. */
  allowRemoteImages: boolean;
  /** Maps a relative image path to a URL the webview may load, or undefined to drop it. */
  resolveImage?: (src: string) => string | undefined;
  /** The question's extracted examples, in engine order: their verification shows in the example header. */
  examples?: readonly CodeExample[];
}

/** What one render passes to the rules: the engine is shared, so choices travel in `env`. */
type AnswerEnv = OutlineEnv & {
  answer: RenderOptions;
};

const REMOTE = /^https?:\/\//i;
const SAFE_LINK = /^(https?:|mailto:|q:|#)/i;

function optionsOf(env: unknown): RenderOptions | undefined {
  return (env as Partial<AnswerEnv> | undefined)?.answer;
}

let installed = false;

/** The shared engine with the answer view's renderer rules (installed once; they only act on an answer render). */
function answerEngine(): MarkdownIt {
  const md = markdownEngine();
  if (!installed) {
    installAnswerRules(md.renderer);
    installed = true;
  }
  return md;
}

function installAnswerRules(renderer: Renderer): void {
  const rules = renderer.rules;
  const fallback = (name: string): RendererRule => rules[name] ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  const wrap = (name: string, rule: (options: RenderOptions, ...args: Parameters<RendererRule>) => string) => {
    const base = fallback(name);
    rules[name] = (tokens, idx, opts, env, self) => {
      const options = optionsOf(env);
      return options ? rule(options, tokens, idx, opts, env, self) : base(tokens, idx, opts, env, self);
    };
  };

  wrap('fence', codeBlock);
  wrap('code_block', codeBlock);

  // Untrusted notes: the engine still parsed their HTML (so examples number the same); it shows as text.
  wrap('html_block', (options, tokens, idx) => (options.allowHtml ? tokens[idx].content : `<p>${escapeHtml(tokens[idx].content.trimEnd())}</p>\n`));
  wrap('html_inline', (options, tokens, idx) => (options.allowHtml ? tokens[idx].content : escapeHtml(tokens[idx].content)));

  wrap('link_open', (_options, tokens, idx, opts, _env, self) => {
    const token = tokens[idx];
    const href = String(token.attrGet('href') ?? '');
    if (href.startsWith('q:')) {
      token.attrSet('href', '#');
      // q:id#section opens that question at that heading.
      const [id, section] = href.slice(2).split('#', 2);
      token.attrSet('data-question', id);
      if (section) token.attrSet('data-section', section);
      token.attrJoin('class', 'question-link');
    } else if (!SAFE_LINK.test(href)) {
      // Relative links (other note files) are resolved by the extension on click.
      token.attrSet('href', '#');
      token.attrSet('data-href', href);
      token.attrJoin('class', 'file-link');
    }
    return self.renderToken(tokens, idx, opts);
  });

  wrap('image', (options, tokens, idx) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const alt = token.content || src;
    let url: string | undefined;
    if (REMOTE.test(src)) url = options.allowRemoteImages ? src : undefined;
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(src)) url = options.resolveImage?.(src);
    if (!url) return `<span class="image-blocked" title="${escapeHtml(src)}">[${escapeHtml(alt)}]</span>`;
    return `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}" loading="lazy">`;
  });


  wrap('table_open', () => '<div class="table-wrap"><table>\n');
  wrap('table_close', () => '</table></div>\n');
}

/** A drill of a runnable example whose output the note shows (see core/practice/practiceCards.ts). */
function predictButton(options: RenderOptions, i: number): string {
  const example = options.examples?.[i];
  if (!options.labels.predictOutput || !example?.runnable || !example.expectedOutput?.trim()) return '';
  return `<button type="button" class="action-predict" data-action="predictOutput" data-example="${i}">${escapeHtml(options.labels.predictOutput)}</button>`;
}

/** A code block: an example with its buttons (numbered by the engine), an output block, or other highlighted code. */
function codeBlock(options: RenderOptions, tokens: Token[], idx: number): string {
  const token = tokens[idx];
  const tag = exampleTag(token);
  const info = token.type === 'fence' ? parseFenceInfo(token.info) : { language: '', flags: [] };
  if (!tag && classifyCodeToken(token) === 'output') {
    const range = rangeFromFlags(info.flags);
    const label = range ? `${options.labels.output} · ${describeRange(range.text)}` : options.labels.output;
    return `<div class="code-output"${range ? ` data-lang="${escapeHtml(range.text)}"` : ''}><div class="code-output-label">${escapeHtml(label)}</div><pre><code>${escapeHtml(token.content)}</code></pre></div>\n`;
  }
  const language = tag ? 'python' : info.language;
  const highlighted = highlightCode(token.content, language) ?? escapeHtml(token.content);
  const langClass = language ? ` class="hljs language-${escapeHtml(language)}"` : ' class="hljs"';
  if (!tag) {
    return `<div class="code-block" data-lang="${escapeHtml(language)}"><pre><code${langClass}>${highlighted}</code></pre></div>\n`;
  }
  const i = tag.index;
  const kind = exampleKindOf(token.content);
  const kindLabel = kind === 'python2' ? options.labels.python2 ?? 'Python 2' : kind === 'repl' ? options.labels.repl ?? 'REPL' : undefined;
  return (
    `<div class="code-block example" data-lang="python" data-example="${i}">` +
    `<div class="code-toolbar" role="toolbar">` +
    (kindLabel ? `<span class="example-kind">${escapeHtml(kindLabel)}</span>` : '') +
    (kind === 'python2' ? '' : `<button type="button" class="action-open" data-action="openExample" data-example="${i}">${escapeHtml(options.labels.openScratch)}</button>`) +
    `<button type="button" class="action-copy" data-action="copyExample" data-example="${i}">${escapeHtml(options.labels.copy)}</button>` +
    predictButton(options, i) +
    verifiedBadge(options, options.examples?.[i]) +
    `</div><pre><code${langClass}>${highlighted}</code></pre></div>\n`
  );
}

/** "✓ CPython 3.10–3.13" in the example header, when the notes check recorded where it ran. */
function verifiedBadge(options: RenderOptions, example: CodeExample | undefined): string {
  const v = example?.verified;
  if (!v?.python.length) return '';
  const versions = formatVersionList(v.python);
  const methods = v.startMethods?.length ? ` (${v.startMethods.join(', ')})` : '';
  const title = (options.labels.verified ?? ENGLISH_LABELS.verified).replace('{0}', v.python.join(', ')).replace('{1}', methods);
  return `<span class="example-verified" role="note" title="${escapeHtml(title)}">✓ CPython ${escapeHtml(versions)}</span>`;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'span', 'div', 'a', 'img',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'kbd',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'button', 'small', 'abbr', 'figure', 'figcaption',
  ],
  allowedAttributes: {
    '*': ['class', 'id', 'title', 'role', 'data-lang', 'data-example', 'data-action', 'data-question', 'data-section', 'data-href', 'align'],
    a: ['href', 'name'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    button: ['type'],
    td: ['colspan', 'rowspan', 'style'],
    th: ['colspan', 'rowspan', 'style'],
    ol: ['start'],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto', 'vscode-resource', 'vscode-webview-resource', 'https'],
  allowedSchemesByTag: { img: ['https', 'http', 'data', 'vscode-resource', 'vscode-webview-resource'] },
  allowProtocolRelative: false,
};

/**
 * Answer Markdown → safe HTML. Everything passes through an allow-list sanitiser,
 * so notes from a cloned repository cannot run script or inject handlers.
 */
export function renderAnswer(markdown: string, options: RenderOptions): string {
  return renderAnswerWithOutline(markdown, options).html;
}

/** A question's answer as the answer view shows it: its examples carry their verification badges. */
export function renderQuestionBody(question: Question, options: Omit<RenderOptions, 'examples'>): string {
  return renderAnswer(question.markdown, { ...options, examples: question.examples });
}

/** The answer HTML and its headings (ids as in the HTML), from one render. */
export function renderAnswerWithOutline(markdown: string, options: RenderOptions): { html: string; outline: OutlineEntry[] } {
  const env: AnswerEnv = { answer: options };
  const html = answerEngine().render(markdown, env);
  return { html: sanitizeHtml(html, SANITIZE), outline: env.outline ?? [] };
}
