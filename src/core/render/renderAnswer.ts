import type { MarkdownIt, Renderer, RendererRule, Token } from 'markdown-it';
import { randomBytes } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import { isPageId, withoutPageClasses } from './pageParts';
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
  /** How an image that is not shown reads, {0} = its alt text (default "[{0}]"). */
  blockedImage?: string;
  /** The question's extracted examples, in engine order: their verification shows in the example header. */
  examples?: readonly CodeExample[];
}

/**
 * One render's choices. `mark` is random (per process; it never reaches the output):
 * our own control attributes (`data-action`, `data-href`, …) are written as
 * `data-<mark>-action` and renamed by the sanitiser, which drops every other
 * `data-*`, so note HTML cannot forge them.
 */
type Rendering = RenderOptions & { mark: string };

/** What one render passes to the rules: the engine is shared, so choices travel in `env`. */
type AnswerEnv = OutlineEnv & {
  answer: Rendering;
};

const REMOTE = /^https?:\/\//i;
const SAFE_LINK = /^(https?:|mailto:|q:|#)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PROTOCOL_RELATIVE = /^[/\\]{2}/;

function optionsOf(env: unknown): Rendering | undefined {
  return (env as Partial<AnswerEnv> | undefined)?.answer;
}

/** The name one of our control attributes has until the sanitiser renames it. */
function ourName(r: Rendering, name: string): string {
  return `data-${r.mark}-${name}`;
}

/** ` data-<name>="value"` for our own markup (kept by the sanitiser). */
function ours(r: Rendering, name: string, value: string | number): string {
  return ` ${ourName(r, name)}="${escapeHtml(String(value))}"`;
}

/** A URL as the browser reads it: surrounding controls and spaces dropped, tabs and newlines removed anywhere. */
function urlAsRead(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 0x20) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 0x20) end--;
  return raw.slice(start, end).replace(/[\t\n\r]/g, '');
}

/**
 * Where an image in a note may load from, for Markdown images and raw `<img>` alike:
 * http(s) (and `//host`) only when remote images are allowed; a relative path through
 * the resolver; every other scheme (`data:`, `file:`, `vscode-resource:`, …) never.
 */
function imageUrl(r: RenderOptions, raw: string): string | undefined {
  const src = urlAsRead(raw);
  if (PROTOCOL_RELATIVE.test(src)) return r.allowRemoteImages ? `https:${src}` : undefined;
  if (REMOTE.test(src)) return r.allowRemoteImages ? src : undefined;
  if (HAS_SCHEME.test(src) || src === '') return undefined;
  return r.resolveImage?.(src);
}

/** A link's attributes: q: links open questions, relative links are resolved by the extension, the rest stay for the sanitiser. */
function linkAttributes(r: Rendering, raw: string): Record<string, string> {
  const href = urlAsRead(raw);
  if (/^q:/i.test(href)) {
    // q:id#section opens that question at that heading.
    const [id, section] = href.slice(2).split('#', 2);
    return { href: '#', [ourName(r, 'question')]: id, ...(section ? { [ourName(r, 'section')]: section } : {}), class: 'question-link' };
  }
  if (SAFE_LINK.test(href) || HAS_SCHEME.test(href) || PROTOCOL_RELATIVE.test(href)) return { href: raw };
  // Relative links (other note files) are resolved, and confined, by the extension on click.
  return { href: '#', [ourName(r, 'href')]: href, class: 'file-link' };
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
  const wrap = (name: string, rule: (options: Rendering, ...args: Parameters<RendererRule>) => string) => {
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

  wrap('link_open', (options, tokens, idx, opts, _env, self) => {
    const token = tokens[idx];
    const { class: cls, ...attrs } = linkAttributes(options, String(token.attrGet('href') ?? ''));
    for (const [name, value] of Object.entries(attrs)) token.attrSet(name, value);
    if (cls) token.attrJoin('class', cls);
    return self.renderToken(tokens, idx, opts);
  });

  wrap('image', (options, tokens, idx) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const alt = token.content || src;
    const url = imageUrl(options, src);
    if (!url) return blockedImage(options, src, alt);
    // Marked as ours: the sanitiser checks raw <img> in notes, not images this rule resolved.
    return `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}" loading="lazy"${ours(options, 'image', 1)}>`;
  });


  wrap('table_open', () => '<div class="table-wrap"><table>\n');
  wrap('table_close', () => '</table></div>\n');
}

/** The placeholder of an image that may not load. */
function blockedImage(r: RenderOptions, src: string, alt: string): string {
  return `<span class="image-blocked" title="${escapeHtml(src)}">${escapeHtml(blockedImageText(r, alt))}</span>`;
}

/** "[alt]", or the caller's wording of it, e.g. "[image: alt]". */
function blockedImageText(r: RenderOptions, alt: string): string {
  return (r.blockedImage ?? '[{0}]').replace('{0}', () => alt);
}

/** A drill of a runnable example whose output the note shows (see core/practice/practiceCards.ts). */
function predictButton(options: Rendering, i: number): string {
  const example = options.examples?.[i];
  if (!options.labels.predictOutput || !example?.runnable || !example.expectedOutput?.trim()) return '';
  return `<button type="button" class="action-predict"${ours(options, 'action', 'predictOutput')}${ours(options, 'example', i)}>${escapeHtml(options.labels.predictOutput)}</button>`;
}

/** A code block: an example with its buttons (numbered by the engine), an output block, or other highlighted code. */
function codeBlock(options: Rendering, tokens: Token[], idx: number): string {
  const token = tokens[idx];
  const tag = exampleTag(token);
  const info = token.type === 'fence' ? parseFenceInfo(token.info) : { language: '', flags: [] };
  if (!tag && classifyCodeToken(token) === 'output') {
    const range = rangeFromFlags(info.flags);
    const label = range ? `${options.labels.output} · ${describeRange(range.text)}` : options.labels.output;
    return `<div class="code-output"${range ? ours(options, 'lang', range.text) : ''}><div class="code-output-label">${escapeHtml(label)}</div><pre><code>${escapeHtml(token.content)}</code></pre></div>\n`;
  }
  const language = tag ? 'python' : info.language;
  const highlighted = highlightCode(token.content, language) ?? escapeHtml(token.content);
  const langClass = language ? ` class="hljs language-${escapeHtml(language)}"` : ' class="hljs"';
  if (!tag) {
    return `<div class="code-block"${ours(options, 'lang', language)}><pre><code${langClass}>${highlighted}</code></pre></div>\n`;
  }
  const i = tag.index;
  const kind = exampleKindOf(token.content);
  const kindLabel = kind === 'python2' ? options.labels.python2 ?? 'Python 2' : kind === 'repl' ? options.labels.repl ?? 'REPL' : undefined;
  return (
    `<div class="code-block example"${ours(options, 'lang', 'python')}${ours(options, 'example', i)}>` +
    `<div class="code-toolbar" role="toolbar">` +
    (kindLabel ? `<span class="example-kind">${escapeHtml(kindLabel)}</span>` : '') +
    (kind === 'python2' ? '' : `<button type="button" class="action-open"${ours(options, 'action', 'openExample')}${ours(options, 'example', i)}>${escapeHtml(options.labels.openScratch)}</button>`) +
    `<button type="button" class="action-copy"${ours(options, 'action', 'copyExample')}${ours(options, 'example', i)}>${escapeHtml(options.labels.copy)}</button>` +
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

/** Our control attributes (the webview scripts act on them); in note HTML every `data-*` is dropped instead. */
const CONTROL_ATTRIBUTES = ['data-lang', 'data-example', 'data-action', 'data-question', 'data-section', 'data-href'];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'span', 'div', 'a', 'img',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'kbd',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'button', 'small', 'abbr', 'figure', 'figcaption',
  ],
  allowedAttributes: {
    '*': ['class', 'id', 'title', 'role', 'align', ...CONTROL_ATTRIBUTES],
    a: ['href', 'name'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    button: ['type'],
    td: ['colspan', 'rowspan', 'style'],
    th: ['colspan', 'rowspan', 'style'],
    ol: ['start'],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  // No vscode-resource:, vscode:, command:, file:, data: or javascript: links; every image src is checked by imageUrl
  // (a note's own data: images never pass it; data: comes only from a caller's resolver, as in the printable page).
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
};

/**
 * The sanitiser for one render. Note HTML and our markup are parsed as one document
 * (an inline tag's halves are separate tokens), so our own attributes are told apart
 * by the render's mark: marked ones are renamed to their real names, every other
 * `data-*` is dropped; raw `<img>` and `<a>` get the rules Markdown images and links get.
 */
function sanitizeOptions(r: Rendering): sanitizeHtml.IOptions {
  const prefix = `data-${r.mark}-`;
  const ourImage = `${prefix}image`;
  return {
    ...SANITIZE,
    transformTags: {
      img: (tagName, attribs) => {
        if (ourImage in attribs) return { tagName, attribs };
        const src = attribs.src ?? '';
        const alt = attribs.alt || src;
        const url = imageUrl(r, src);
        if (!url) return { tagName: 'span', attribs: { class: 'image-blocked', title: src }, text: blockedImageText(r, alt) };
        const { width, height } = attribs;
        return { tagName, attribs: { src: url, alt, ...(width ? { width } : {}), ...(height ? { height } : {}), loading: 'lazy' } };
      },
      a: (tagName, attribs) => {
        // Our links already went through linkAttributes (and come out the same again).
        if (attribs.href === undefined) return { tagName, attribs };
        const { class: cls, ...link } = linkAttributes(r, attribs.href);
        return { tagName, attribs: { ...attribs, ...link, ...(cls ? { class: attribs.class ? `${attribs.class} ${cls}` : cls } : {}) } };
      },
      '*': (tagName, attribs) => {
        const kept: sanitizeHtml.Attributes = {};
        for (const [name, value] of Object.entries(attribs)) {
          if (name.startsWith(prefix)) kept[`data-${name.slice(prefix.length)}`] = value;
          else if (name === 'class') {
            const classes = withoutPageClasses(value);
            if (classes) kept.class = classes;
          } else if (name === 'id') {
            if (!isPageId(value.trim())) kept.id = value;
          } else if (!name.startsWith('data-')) kept[name] = value;
        }
        return { tagName, attribs: kept };
      },
    },
  };
}

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

/** Every image source in the Markdown, in order (only the parse runs). */
export function imageSources(markdown: string): string[] {
  const sources: string[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const t of tokens) {
      if (t.type === 'image') sources.push(String(t.attrGet('src') ?? ''));
      if (t.children) walk(t.children);
    }
  };
  walk(markdownEngine().parse(markdown, {}));
  return sources;
}

// Drawn once: fresh random bytes per render cost more than the rest of a small render.
let processMark: string | undefined;

/** The answer HTML and its headings (ids as in the HTML), from one render. */
export function renderAnswerWithOutline(markdown: string, options: RenderOptions): { html: string; outline: OutlineEntry[] } {
  const env: AnswerEnv = { answer: { ...options, mark: (processMark ??= randomBytes(12).toString('hex')) } };
  const html = answerEngine().render(markdown, env);
  return { html: sanitizeHtml(html, sanitizeOptions(env.answer)), outline: env.outline ?? [] };
}
