// The printable cram sheet: one self-contained HTML file (styles inlined, light
// theme, no script) that a browser prints to PDF with each question on its own page.
import hljsLight from 'highlight.js/styles/github.min.css';
import { renderAnswer } from './renderAnswer';
import { escapeHtml as esc } from './webviewDocument';

export interface PrintableQuestion {
  id: string;
  title: string;
  topicTitle: string;
  markdown: string;
}

export interface PrintableParts {
  title: string;
  lang: string;
  /** e.g. "12 questions · 2026-12-01" */
  subtitle: string;
  questions: readonly PrintableQuestion[];
  /** `image`: how an image that is not included reads, {0} = its alt text, e.g. "[image: {0}]". */
  labels: { output: string; contents: string; image: string };
  /** A relative image of a question as a data: URI (read and size-capped by the caller), or undefined to leave it out. */
  resolveImage?: (questionId: string, src: string) => string | undefined;
  /** Remote images stay links to the web only when the user allows them (interviewNotes.allowRemoteImages). */
  allowRemoteImages?: boolean;
}

const KEY_POINTS = /^(要点|重点|关键点|key points?|summary|tl;?dr)$/i;

/** The answer with its key-points section (要点) moved to the front; unchanged when it has none. */
export function keyPointsFirst(markdown: string): string {
  const lines = markdown.split('\n');
  const headings: { at: number; level: number; text: string }[] = [];
  let fence: string | undefined;
  lines.forEach((line, at) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    const m = fence ? null : /^ {0,3}(#{1,6})[ \t]+(.*)$/.exec(line);
    if (m) headings.push({ at, level: m[1].length, text: closingHashesOff(m[2]).replace(/[*_`]/g, '').trim() });
  });
  const i = headings.findIndex((h) => KEY_POINTS.test(h.text));
  if (i < 0 || headings[i].at === firstContentLine(lines)) return markdown;
  const start = headings[i].at;
  const next = headings.slice(i + 1).find((h) => h.level <= headings[i].level);
  const end = next ? next.at : lines.length;
  const section = lines.slice(start, end);
  while (section.length && !section[section.length - 1].trim()) section.pop();
  const rest = [...lines.slice(0, start), ...lines.slice(end)];
  return [...section, '', ...rest].join('\n');
}

/** "要点 ##" → "要点": the optional closing sequence of an ATX heading, without a backtracking pattern. */
function closingHashesOff(text: string): string {
  const t = text.trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  return end === 0 || t[end - 1] === ' ' || t[end - 1] === '\t' ? t.slice(0, end) : t;
}

function firstContentLine(lines: string[]): number {
  return lines.findIndex((l) => l.trim() !== '');
}

/** Anchor of a question inside the printable page. */
export const printableAnchor = (id: string): string => `q-${id.replace(/[^\p{L}\p{N}_-]/gu, '-')}`;

export function printablePage(p: PrintableParts): string {
  const included = new Set(p.questions.map((q) => q.id));
  const sections = p.questions.map((q) => {
    let body = renderAnswer(keyPointsFirst(q.markdown), {
      labels: { openScratch: '', copy: '', output: p.labels.output },
      // The file is opened outside VS Code: no raw HTML; images only as inlined data or, if allowed, from the web.
      allowHtml: false,
      allowRemoteImages: p.allowRemoteImages === true,
      resolveImage: (src) => {
        const uri = p.resolveImage?.(q.id, src);
        return uri?.startsWith('data:') ? uri : undefined;
      },
      blockedImage: p.labels.image,
    });
    // Links to questions in the same sheet jump there; the others stay as text.
    body = body.replace(/<a href="#" data-question="([^"]*)"[^>]*>/g, (_, id: string) =>
      included.has(unescape(id)) ? `<a href="#${printableAnchor(unescape(id))}">` : '<a>',
    );
    body = body.replace(/<a href="#" data-href="[^"]*"[^>]*>/g, '<a>');
    return `<section class="question" id="${esc(printableAnchor(q.id))}">
<div class="crumbs">${esc(q.topicTitle)}</div>
<h1>${esc(q.title)}</h1>
<div class="markdown-body">
${body}
</div>
</section>`;
  });
  const toc = p.questions.map((q) => `<li><a href="#${esc(printableAnchor(q.id))}">${esc(q.title)}</a></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${esc(p.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:${p.allowRemoteImages ? ' https:' : ''}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(p.title)}</title>
<style>
${PRINT_CSS}
${hljsLight}
</style>
</head>
<body>
<header class="cover">
<h1>${esc(p.title)}</h1>
<p class="subtitle">${esc(p.subtitle)}</p>
<h2>${esc(p.labels.contents)}</h2>
<ol class="toc">
${toc}
</ol>
</header>
${sections.join('\n')}
</body>
</html>
`;
}

const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const PRINT_CSS = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 52em; padding: 2em; color: #1f2328; background: #fff;
  font: 15px/1.7 -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
a { color: #0969da; text-decoration: none; }
.cover h1 { font-size: 2em; margin-bottom: 0.2em; }
.subtitle { color: #59636e; margin-top: 0; }
.toc { columns: 2; column-gap: 2em; padding-left: 1.5em; }
.question { break-before: page; page-break-before: always; }
.question > h1 { font-size: 1.5em; margin: 0.2em 0 0.6em; border-bottom: 1px solid #d1d9e0; padding-bottom: 0.3em; }
.crumbs { color: #59636e; font-size: 0.85em; }
.markdown-body h2 { font-size: 1.2em; margin: 1.2em 0 0.5em; }
.markdown-body h3 { font-size: 1.05em; }
.markdown-body h2, .markdown-body h3, .markdown-body h4 { break-after: avoid; page-break-after: avoid; }
pre { background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; padding: 0.8em 1em; overflow-x: auto;
  white-space: pre-wrap; word-break: break-word; break-inside: avoid; page-break-inside: avoid; }
code { font: 0.9em/1.5 ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
:not(pre) > code { background: #eff1f3; border-radius: 4px; padding: 0.1em 0.3em; }
pre code.hljs { padding: 0; background: transparent; }
.code-toolbar { display: none; }
.code-output-label { color: #59636e; font-size: 0.8em; margin-top: 0.4em; }
.code-output pre { background: #fff; border-style: dashed; }
blockquote { margin: 0.8em 0; padding: 0 1em; color: #59636e; border-left: 4px solid #d1d9e0; }
table { border-collapse: collapse; margin: 0.8em 0; break-inside: avoid; }
th, td { border: 1px solid #d1d9e0; padding: 0.35em 0.7em; }
th { background: #f6f8fa; }
.image-blocked { color: #59636e; font-style: italic; }
.markdown-body img { max-width: 100%; break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  @page { margin: 16mm 14mm; }
}
`;
