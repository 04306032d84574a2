import type { Question } from '../notes/model';
import { escapeHtml as esc, webviewDocument } from './webviewDocument';

export interface AnswerPageParts {
  question: Pick<Question, 'id' | 'title' | 'tags' | 'difficulty'>;
  topicTitle: string;
  /** Sanitised answer HTML from renderAnswer. */
  bodyHtml: string;
  /** Position in the reading order, e.g. "3 / 107". */
  position: string;
  nonce: string;
  /** The webview's own origin for CSP (webview.cspSource). */
  cspSource: string;
  styleUri: string;
  scriptUri: string;
  allowRemoteImages: boolean;
  lang: string;
  study: { mastered: boolean; favorite: boolean };
  labels: { openSource: string; mastered: string; favorite: string; previous: string; next: string; difficulty: Record<string, string> };
}


/** The whole webview document: strict CSP, one nonce'd script, no inline handlers. */
export function answerPageHtml(p: AnswerPageParts): string {
  const tags = p.question.tags.map((t) => `<span class="tag">${esc(t)}</span>`).join('');
  const difficulty = p.question.difficulty
    ? `<span class="difficulty difficulty-${p.question.difficulty}">${esc(p.labels.difficulty[p.question.difficulty] ?? p.question.difficulty)}</span>`
    : '';
  return webviewDocument({
    ...p,
    title: p.question.title,
    styleUris: [p.styleUri],
    // The class marks the page as the answer view's own (the review page shows question titles too).
    bodyAttributes: ` class="answer-page" data-question-id="${esc(p.question.id)}"`,
    body: `<nav class="pager" aria-label="pager">
<button type="button" data-action="previous" title="${esc(p.labels.previous)}">← ${esc(p.labels.previous)}</button>
<span class="position">${esc(p.position)}</span>
<button type="button" data-action="next" title="${esc(p.labels.next)}">${esc(p.labels.next)} →</button>
</nav>
<article class="answer">
<header>
<div class="crumbs">${esc(p.topicTitle)}</div>
<h1 class="question-title">${esc(p.question.title)}</h1>
<div class="meta">${difficulty}${tags}<button type="button" class="toggle" data-action="toggleMastered" aria-pressed="${p.study.mastered}">✓ ${esc(p.labels.mastered)}</button><button type="button" class="toggle" data-action="toggleFavorite" aria-pressed="${p.study.favorite}">★ ${esc(p.labels.favorite)}</button><button type="button" class="link-button" data-action="openSource">${esc(p.labels.openSource)}</button></div>
</header>
<div class="markdown-body">
${p.bodyHtml}
</div>
</article>`,
  });
}
