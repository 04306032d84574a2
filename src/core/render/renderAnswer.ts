import MarkdownItCtor, { type MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { classifyCodeToken, parseFenceInfo } from '../notes/extractExamples';
import { highlightCode } from './highlightCode';
import { escapeHtml } from './webviewDocument';
import { headingAnchors, type OutlineEntry, type OutlineEnv } from './headingAnchors';

export interface RenderLabels {
  openScratch: string;
  copy: string;
  output: string;
}

export interface RenderOptions {
  labels: RenderLabels;
  /** Raw HTML in notes is kept (sanitised) only for trusted sources. */
  allowHtml: boolean;
  /** Remote (http/https) images load only when the user allows them. */
  allowRemoteImages: boolean;
  /** Maps a relative image path to a URL the webview may load, or undefined to drop it. */
  resolveImage?: (src: string) => string | undefined;
}


const REMOTE = /^https?:\/\//i;
const SAFE_LINK = /^(https?:|mailto:|q:|#)/i;

function createRenderer(options: RenderOptions): MarkdownIt {
  const md = new MarkdownItCtor({ html: options.allowHtml, linkify: true, typographer: false });
  const rules = md.renderer.rules;
  let exampleIndex = 0;

  md.core.ruler.push('reset_example_counter', () => {
    exampleIndex = 0;
  });

  rules.fence = rules.code_block = (tokens: Token[], idx: number) => {
    const token = tokens[idx];
    const kind = classifyCodeToken(token);
    const info = token.type === 'fence' ? parseFenceInfo(token.info) : { language: '', flags: [] };
    if (kind === 'output') {
      return `<div class="code-output"><div class="code-output-label">${escapeHtml(options.labels.output)}</div><pre><code>${escapeHtml(token.content)}</code></pre></div>\n`;
    }
    const language = kind === 'other' ? info.language : 'python';
    const highlighted = highlightCode(token.content, language) ?? escapeHtml(token.content);
    const langClass = language ? ` class="hljs language-${escapeHtml(language)}"` : ' class="hljs"';
    if (kind === 'other') {
      return `<div class="code-block" data-lang="${escapeHtml(language)}"><pre><code${langClass}>${highlighted}</code></pre></div>\n`;
    }
    const i = exampleIndex++;
    return (
      `<div class="code-block example" data-lang="python" data-example="${i}">` +
      `<div class="code-toolbar" role="toolbar">` +
      `<button type="button" class="action-open" data-action="openExample" data-example="${i}">${escapeHtml(options.labels.openScratch)}</button>` +
      `<button type="button" class="action-copy" data-action="copyExample" data-example="${i}">${escapeHtml(options.labels.copy)}</button>` +
      `</div><pre><code${langClass}>${highlighted}</code></pre></div>\n`
    );
  };

  const defaultLinkOpen = rules.link_open ?? ((t, i, o, _e, self) => self.renderToken(t, i, o));
  rules.link_open = (tokens, idx, opts, env, self) => {
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
    return defaultLinkOpen(tokens, idx, opts, env, self);
  };

  rules.image = (tokens, idx) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const alt = token.content || src;
    let url: string | undefined;
    if (REMOTE.test(src)) url = options.allowRemoteImages ? src : undefined;
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(src)) url = options.resolveImage?.(src);
    if (!url) return `<span class="image-blocked" title="${escapeHtml(src)}">[${escapeHtml(alt)}]</span>`;
    return `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}" loading="lazy">`;
  };

  // Headings get stable ids so in-page links (#anchor) and q:id#anchor work.
  md.use(headingAnchors);

  rules.table_open = () => '<div class="table-wrap"><table>\n';
  rules.table_close = () => '</table></div>\n';
  return md;
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

/** The answer HTML and its headings (ids as in the HTML), from one render. */
export function renderAnswerWithOutline(markdown: string, options: RenderOptions): { html: string; outline: OutlineEntry[] } {
  const env: OutlineEnv = {};
  const html = createRenderer(options).render(markdown, env);
  return { html: sanitizeHtml(html, SANITIZE), outline: env.outline ?? [] };
}
