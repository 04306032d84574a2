import type { Question } from '../notes/model';
import { OUTLINE_MIN_SECTIONS, outlineSections, type OutlineEntry } from './headingAnchors';
import { escapeHtml as esc, webviewDocument } from './webviewDocument';

export interface AnswerLabels {
  openSource: string;
  mastered: string;
  favorite: string;
  previous: string;
  next: string;
  difficulty: Record<string, string>;
  outline: string;
  myNote: string;
  editMyNote: string;
  linkedFrom: string;
}

/** What one question shows: sent whole to an open page, or built into a fresh one. */
export interface AnswerContentParts {
  question: Pick<Question, 'id' | 'title' | 'tags' | 'difficulty'>;
  topicTitle: string;
  /** Sanitised answer HTML from renderAnswer. */
  bodyHtml: string;
  /** The answer's headings, ids as in bodyHtml. */
  outline: readonly OutlineEntry[];
  /** Position in the reading order, e.g. "3 / 107". */
  position: string;
  study: { mastered: boolean; favorite: boolean };
  /** Sanitised HTML of the user's own note on this question, if there is one. */
  myNoteHtml?: string;
  /** Questions whose answers link here. */
  backlinks: readonly { id: string; title: string }[];
  labels: AnswerLabels;
}

/** The reader's font choices (VS Code's Markdown preview settings, or ours over them). */
export interface Typography {
  fontSize?: number;
  fontFamily?: string;
  lineHeight?: number;
}

export interface AnswerPageParts extends AnswerContentParts {
  nonce: string;
  /** The webview's own origin for CSP (webview.cspSource). */
  cspSource: string;
  styleUri: string;
  scriptUri: string;
  allowRemoteImages: boolean;
  lang: string;
  typography: Typography;
  /** Heading to scroll to once the page is shown. */
  section?: string;
}

/** The part of the page that changes from question to question. */
export function answerContentHtml(p: AnswerContentParts): string {
  const tags = p.question.tags.map((t) => `<span class="tag">${esc(t)}</span>`).join('');
  const difficulty = p.question.difficulty
    ? `<span class="difficulty difficulty-${p.question.difficulty}">${esc(p.labels.difficulty[p.question.difficulty] ?? p.question.difficulty)}</span>`
    : '';
  return `<nav class="pager" aria-label="pager">
<button type="button" data-action="previous" title="${esc(p.labels.previous)}">← ${esc(p.labels.previous)}</button>
<span class="position">${esc(p.position)}</span>
<button type="button" data-action="next" title="${esc(p.labels.next)}">${esc(p.labels.next)} →</button>
</nav>
<article class="answer">
<header>
<div class="crumbs">${esc(p.topicTitle)}</div>
<h1 class="question-title">${esc(p.question.title)}</h1>
<div class="meta">${difficulty}${tags}<button type="button" class="toggle" data-action="toggleMastered" aria-pressed="${p.study.mastered}">✓ ${esc(p.labels.mastered)}</button><button type="button" class="toggle" data-action="toggleFavorite" aria-pressed="${p.study.favorite}">★ ${esc(p.labels.favorite)}</button><button type="button" class="link-button" data-action="editMyNote">${esc(p.labels.editMyNote)}</button><button type="button" class="link-button" data-action="openSource">${esc(p.labels.openSource)}</button></div>
</header>
${outlineHtml(p.outline, p.labels.outline)}<div class="markdown-body">
${p.bodyHtml}
</div>
${ASIDES_OPEN}${answerAsidesHtml(p)}${ASIDES_CLOSE}
</article>`;
}

const ASIDES_OPEN = '<div class="answer-asides" id="answer-asides">';
const ASIDES_CLOSE = '</div><!-- /answer-asides -->';

/** What goes under the answer (my note, "Linked from"): sent after the answer itself, as it is below the first screen. */
export function answerAsidesHtml(p: Pick<AnswerContentParts, 'myNoteHtml' | 'backlinks' | 'labels'>): string {
  return myNoteHtml(p) + backlinksHtml(p);
}

/** Content (or a page) with the asides the second message put under the answer. */
export function withAsides(html: string, asidesHtml: string): string {
  const start = html.indexOf(ASIDES_OPEN);
  const end = html.indexOf(ASIDES_CLOSE, start);
  if (start < 0 || end < 0) return html;
  return `${html.slice(0, start + ASIDES_OPEN.length)}${asidesHtml}${html.slice(end)}`;
}

/** A compact, collapsible table of contents for answers with enough sections. */
export function outlineHtml(outline: readonly OutlineEntry[], label: string): string {
  if (outlineSections(outline) < OUTLINE_MIN_SECTIONS) return '';
  const top = Math.min(...outline.map((e) => e.level));
  const items = outline
    .filter((e) => e.level <= top + 1)
    // The first entry is marked as read from the start, as the page shows an answer from its top.
    .map((e, i) => `<li class="outline-level-${e.level - top}"><a href="#${esc(encodeURIComponent(e.slug))}" data-anchor="${esc(e.slug)}"${i === 0 ? ' aria-current="location"' : ''}>${esc(e.text)}</a></li>`)
    .join('');
  return `<nav class="outline" aria-label="${esc(label)}"><details open><summary>${esc(label)}</summary><ol>${items}</ol></details></nav>\n`;
}

function myNoteHtml(p: Pick<AnswerContentParts, 'myNoteHtml' | 'labels'>): string {
  if (p.myNoteHtml === undefined) return '';
  return `<section class="my-note" aria-label="${esc(p.labels.myNote)}">
<h2 class="aside-title">${esc(p.labels.myNote)}</h2>
<div class="markdown-body">
${p.myNoteHtml}
</div>
</section>
`;
}

function backlinksHtml(p: Pick<AnswerContentParts, 'backlinks' | 'labels'>): string {
  if (p.backlinks.length === 0) return '';
  const items = p.backlinks.map((b) => `<li><a href="#" class="question-link" data-question="${esc(b.id)}">${esc(b.title)}</a></li>`).join('');
  return `<section class="backlinks" aria-label="${esc(p.labels.linkedFrom)}">
<h2 class="aside-title">${esc(p.labels.linkedFrom)}</h2>
<ul>${items}</ul>
</section>
`;
}

const FONT_FAMILY_UNSAFE = /[^\p{L}\p{N}\s,'"_.-]/gu;

/** Only values that cannot break out of CSS: sizes in range, font names without punctuation. */
export function cleanTypography(t: Typography): Typography {
  const out: Typography = {};
  if (t.fontSize !== undefined && Number.isFinite(t.fontSize) && t.fontSize >= 6 && t.fontSize <= 100) out.fontSize = t.fontSize;
  const family = t.fontFamily?.replace(FONT_FAMILY_UNSAFE, '').trim().slice(0, 400);
  if (family) out.fontFamily = family;
  if (t.lineHeight !== undefined && Number.isFinite(t.lineHeight) && t.lineHeight >= 0.8 && t.lineHeight <= 4) out.lineHeight = t.lineHeight;
  return out;
}

/** Custom properties for the reader's typography. */
export function typographyCss(t: Typography): string {
  const c = cleanTypography(t);
  const decls: string[] = [];
  if (c.fontSize !== undefined) decls.push(`--answer-font-size: ${c.fontSize}px;`);
  if (c.fontFamily) decls.push(`--answer-font-family: ${c.fontFamily};`);
  if (c.lineHeight !== undefined) decls.push(`--answer-line-height: ${c.lineHeight};`);
  return decls.length ? `:root { ${decls.join(' ')} }` : '';
}

const ROOT_OPEN = '<div class="answer-root" id="answer-root" tabindex="-1">';
const ROOT_CLOSE = '</div><!-- /answer-root -->';

/** The whole webview document: strict CSP, one nonce'd script, no inline handlers. */
export function answerPageHtml(p: AnswerPageParts): string {
  return webviewDocument({
    ...p,
    title: p.question.title,
    styleUris: [p.styleUri],
    inlineStyle: typographyCss(p.typography),
    // The class marks the page as the answer view's own (the review page shows question titles too).
    bodyAttributes: ` class="answer-page" data-question-id="${esc(p.question.id)}"${p.section ? ` data-section="${esc(p.section)}"` : ''}`,
    body: `${ROOT_OPEN}\n${answerContentHtml(p)}\n${ROOT_CLOSE}`,
  });
}

/** A page as it looks after its content was replaced by a message. */
export function withAnswerContent(pageHtml: string, contentHtml: string): string {
  const start = pageHtml.indexOf(ROOT_OPEN);
  const end = pageHtml.indexOf(ROOT_CLOSE);
  if (start < 0 || end < 0) return pageHtml;
  return `${pageHtml.slice(0, start + ROOT_OPEN.length)}\n${contentHtml}\n${pageHtml.slice(end)}`;
}
