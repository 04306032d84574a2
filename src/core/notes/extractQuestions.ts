import type { Token } from 'markdown-it';
import { markdownEngine } from '../markdown/markdownEngine';

// Turns Markdown written in any real-world layout into the questions a reader
// sees. Structure comes only from markdown-it's top-level tokens (so `#` lines
// inside code never count as headings); text is cut from the source by
// token.map so answers keep the author's exact Markdown.

export interface ExtractedQuestion {
  title: string;
  markdown: string;
  /** 1-based line of the question's heading (or numbered line) in the original file. */
  line: number;
  /** 1-based line in the original file where `markdown` starts. */
  bodyLine: number;
}

export interface ExtractedGroup {
  title: string;
  line: number;
  groups: ExtractedGroup[];
  questions: ExtractedQuestion[];
}

type BlockKind = 'heading' | 'toc' | 'decoration' | 'code' | 'content';

/** One top-level block: a heading, paragraph, list, fence, table, HTML block… */
interface Block {
  kind: BlockKind;
  /** 0-based body lines [start, end). */
  start: number;
  end: number;
  tokens: Token[];
}

interface Section {
  level: number;
  title: string;
  looksLikeQuestion: boolean;
  heading: Block;
  own: Block[];
  children: Section[];
  /** First body line after the whole section, sub-sections included. */
  end: number;
}

/** Body lines [start, end) with the top-level blocks in them. An intro can be two runs: before and after a `#` title. */
interface Run {
  start: number;
  end: number;
  blocks: Block[];
}

interface Ctx {
  lines: string[];
  offset: number;
  questionLevel: number;
  rootTitle: string;
}

const TITLE_MAX = 60;
const NUMBERED_TITLE_MAX = 120;
const TOC_TITLE = /^(?:目\s*录|contents?|table of contents|toc)$/i;
const TOC_MARKER = /^(?:\[\[?_?toc_?\]?\]|@\[toc\](?:\([^)]*\))?|\$\{toc\})$/i;
const TOC_SEPARATORS = /^[\s\d\-–—|·•,，、.．:：()（）一二三四五六七八九十]*$/;
const CN_NUM = '一二三四五六七八九十百零〇两';
const NUMBERING: readonly RegExp[] = [
  /^(?:Q(?:uestion)?|问题|题目|面试题|问)\s*(?:\d+\s*[.．:：、)）-]?|[.．:：、)）])\s*/i,
  new RegExp(`^第\\s*[0-9${CN_NUM}]+\\s*(?:[题问章节部分篇讲课][、.．:：]?|[、.．:：])\\s*`),
  /^\d+(?:[.．]\d+)*(?:[.．、:：)）](?!\d)\s*|\s+)/,
  new RegExp(`^[${CN_NUM}]+\\s*[、.．:：]\\s*`),
  new RegExp(`^[(（【\\[]\\s*(?:\\d+|[${CN_NUM}]+)\\s*[)）】\\]]\\s*`),
  /^[\u2460-\u2473\u2776-\u2793]\s*/,
];
/** Leftover Markdown markers (`**`, `---`, `#`) are decoration, not a title. */
const ONLY_MARKERS = /^[\s*_`~#=-]*$/;
const QUESTION_WORDS = /什么|为什么|为何|如何|怎么|怎样|区别|哪些|是否|能否|\b(?:what|why|how|when|difference)\b/i;
const NUMBER_OF_LINE = new RegExp(`^(?:第\\s*)?(?:Q|问题|题目)?\\s*(\\d+)\\s*(?:[、.．:：)）](?!\\d)|题)|^[(（](\\d+)[)）]`, 'i');

/** Plain text of a heading's inline Markdown, without numbering, decoration or a trailing colon. "" when nothing but decoration is left. */
export function cleanHeadingTitle(raw: string): string {
  return analyzeTitle(raw).title;
}

export function extractQuestions(body: string, options: { fileTitle: string; lineOffset: number }): ExtractedGroup {
  const lines = body.split(/\r\n?|\n/);
  const { intro, top } = buildSections(collectBlocks(markdownEngine().parse(body, {})), lines.length);
  const fileTitle = isVisible(options.fileTitle) ? options.fileTitle.trim() : 'Untitled';
  const ctx: Ctx = { lines, offset: options.lineOffset, questionLevel: 0, rootTitle: fileTitle };
  // A lone `#` that opens the file names the whole file; it is not a question.
  const titled = top.length === 1 && top[0].level === 1 ? top[0] : undefined;
  if (titled) ctx.rootTitle = titled.title || fallbackTitle(sectionBlocks(titled)) || fileTitle;
  const root: ExtractedGroup = { title: ctx.rootTitle, line: titled ? titled.heading.start + 1 + ctx.offset : 1, groups: [], questions: [] };

  const introRuns: Run[] = [{ start: 0, end: top[0]?.heading.start ?? lines.length, blocks: intro }];
  if (titled) introRuns.push({ start: titled.heading.end, end: titled.children[0]?.heading.start ?? titled.end, blocks: titled.own });
  const sections = titled ? titled.children : top;
  if (sections.length === 0) {
    root.questions = flatQuestions(introRuns, titled, ctx);
    return root;
  }
  ctx.questionLevel = questionLevel(sections);
  const introQ = introQuestion(introRuns, ctx.rootTitle, ctx);
  if (introQ) root.questions.push(introQ);
  for (const s of sections) addSection(root, s, ctx);
  return root;
}

// ---------------------------------------------------------------- blocks

function collectBlocks(tokens: Token[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level !== 0 || !t.map || t.nesting === -1) continue;
    let j = i;
    if (t.nesting === 1) {
      while (j + 1 < tokens.length && tokens[j + 1].level > 0) j++;
      j = Math.min(j + 1, tokens.length - 1);
    }
    const slice = tokens.slice(i, j + 1);
    blocks.push({ kind: blockKind(slice), start: t.map[0], end: t.map[1], tokens: slice });
    i = j;
  }
  return blocks;
}

function blockKind(tokens: Token[]): BlockKind {
  const t = tokens[0];
  if (t.type === 'heading_open') return 'heading';
  if (t.type === 'fence' || t.type === 'code_block') return 'code';
  if (t.type === 'hr') return 'decoration';
  if (t.type === 'html_block') return isDecorationHtml(t.content) ? 'decoration' : 'content';
  if (t.type === 'paragraph_open' && TOC_MARKER.test((tokens[1]?.content ?? '').trim())) return 'toc';
  if (t.type === 'paragraph_open' && isAnchorParagraph(tokens[1])) return 'decoration';
  if ((t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && isTocList(tokens)) return 'toc';
  return 'content';
}

/** Comments, empty anchors, page breaks and `<br>` show nothing, so they are no content. */
function isDecorationHtml(html: string): boolean {
  let rest = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<(?:br|hr)\b[^>]*>/gi, '').replace(/<a\b[^>]*\/>/gi, '');
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(/<([a-z][\w-]*)\b[^>]*>\s*<\/\1\s*>/gi, '');
  }
  return rest.trim() === '';
}

/** `<a name="x"></a>` on a line of its own is a paragraph of inline HTML to markdown-it. */
function isAnchorParagraph(inline: Token | undefined): boolean {
  const children = inline?.children ?? [];
  const onlyHtml = children.every((c) => c.type === 'html_inline' || c.type === 'softbreak' || (c.type === 'text' && !c.content.trim()));
  return children.length > 0 && onlyHtml && isDecorationHtml(children.map((c) => c.content).join(''));
}

/** A list whose every item is only in-page links (`[x](#anchor)`), possibly nested. */
function isTocList(tokens: Token[]): boolean {
  const inlines = tokens.filter((t) => t.type === 'inline');
  let links = 0;
  for (const inline of inlines) {
    let depth = 0;
    for (const c of inline.children ?? []) {
      if (c.type === 'link_open') {
        if (!String(c.attrGet('href') ?? '').startsWith('#')) return false;
        depth++;
        links++;
      } else if (c.type === 'link_close') depth--;
      else if (depth === 0 && c.type !== 'softbreak' && !(c.type === 'text' && TOC_SEPARATORS.test(c.content))) return false;
    }
  }
  return links > 0;
}

function headingLevel(b: Block): number {
  return Number(b.tokens[0].tag.slice(1)) || 1;
}

function isMeaningful(b: Block): boolean {
  return b.kind === 'content' || b.kind === 'code';
}

// -------------------------------------------------------------- sections

function buildSections(blocks: Block[], totalLines: number): { intro: Block[]; top: Section[] } {
  const intro: Block[] = [];
  const top: Section[] = [];
  const stack: Section[] = [];
  for (const b of blocks) {
    if (b.kind !== 'heading') {
      (stack.length ? stack[stack.length - 1].own : intro).push(b);
      continue;
    }
    const level = headingLevel(b);
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop()!.end = b.start;
    const { title, numbered } = analyzeTitle(b.tokens[1]?.content ?? '');
    const looksLikeQuestion = numbered || /[?？]\s*$/.test(title) || QUESTION_WORDS.test(title);
    const section: Section = { level, title, looksLikeQuestion, heading: b, own: [], children: [], end: totalLines };
    (stack.length ? stack[stack.length - 1].children : top).push(section);
    stack.push(section);
  }
  return { intro, top };
}

function sectionBlocks(s: Section): Block[] {
  return [...s.own, ...s.children.flatMap((c) => [c.heading, ...sectionBlocks(c)])];
}

function hasContent(s: Section): boolean {
  return s.own.some(isMeaningful) || s.children.some(hasContent);
}

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

/**
 * The heading level that holds the questions: the level with the most
 * question-like headings, where own content counts 1 and a numbered or
 * question-worded title counts 2. Ties go to the shallower level, because
 * folding deeper headings into a question loses nothing.
 */
function questionLevel(sections: Section[]): number {
  const scores = new Map<number, number>();
  for (const s of flatten(sections)) {
    const score = (s.own.some(isMeaningful) ? 1 : 0) + (s.looksLikeQuestion ? 2 : 0);
    scores.set(s.level, (scores.get(s.level) ?? 0) + score);
  }
  let best = Math.min(...scores.keys());
  for (const [level, score] of scores) {
    const bestScore = scores.get(best) ?? 0;
    if (score > bestScore || (score === bestScore && level < best)) best = level;
  }
  return best;
}

/**
 * Headings above the question level that hold sub-headings are groups. At or
 * below it a heading is a question that includes its sub-sections, unless
 * those look like a list of questions: at least two with content, at least
 * half numbered or question-worded, and the heading's own intro short (≤ 3
 * lines, no code). A group's intro becomes a question only when substantial
 * (see introQuestion); a one-line blurb is dropped.
 */
function isGroup(s: Section, ctx: Ctx): boolean {
  if (s.children.length === 0) return false;
  if (s.level < ctx.questionLevel) return s.children.some(hasContent) || !s.own.some(isMeaningful);
  const kids = s.children.filter(hasContent);
  if (kids.length < 2 || kids.filter((k) => k.looksLikeQuestion).length * 2 < kids.length) return false;
  const own = s.own.filter(isMeaningful);
  return !own.some((b) => b.kind === 'code') && countTextLines(own, ctx.lines) <= 3;
}

/** A table-of-contents section ("目录" with its link list) shows nothing worth a question. */
function isTocSection(s: Section): boolean {
  if (s.children.length > 0) return false;
  const rest = s.own.filter((b) => b.kind !== 'decoration');
  if (rest.length === 0) return false;
  if (rest.every((b) => b.kind === 'toc')) return true;
  return TOC_TITLE.test(s.title) && rest.every((b) => b.kind === 'toc' || /_list_open$/.test(b.tokens[0].type));
}

function addSection(parent: ExtractedGroup, s: Section, ctx: Ctx): void {
  if (isTocSection(s)) return;
  const numbered = numberedGroup(s, ctx);
  if (numbered) {
    parent.groups.push(numbered);
    return;
  }
  if (isGroup(s, ctx)) {
    const group = toGroup(s, ctx);
    if (group.questions.length || group.groups.length) parent.groups.push(group);
    return;
  }
  // An empty leaf above the question level is an unfilled group, not a question.
  if (s.children.length === 0 && s.level < ctx.questionLevel && !hasContent(s)) return;
  const question = sectionQuestion(s, ctx);
  if (question) parent.questions.push(question);
}

function toGroup(s: Section, ctx: Ctx): ExtractedGroup {
  const title = s.title || fallbackTitle(sectionBlocks(s)) || ctx.rootTitle;
  const group: ExtractedGroup = { title, line: s.heading.start + 1 + ctx.offset, groups: [], questions: [] };
  const introEnd = s.children[0]?.heading.start ?? s.end;
  const intro = introQuestion([{ start: s.heading.end, end: introEnd, blocks: s.own }], title, ctx);
  if (intro) group.questions.push(intro);
  for (const child of s.children) addSection(group, child, ctx);
  return group;
}

function sectionQuestion(s: Section, ctx: Ctx): ExtractedQuestion | undefined {
  const blocks = sectionBlocks(s);
  const text = cutRun({ start: s.heading.end, end: s.end, blocks }, ctx.lines);
  if (!s.title && !text.markdown) return undefined;
  const line = s.heading.start + 1 + ctx.offset;
  const title = s.title || fallbackTitle(blocks) || ctx.rootTitle;
  return { title, markdown: text.markdown, line, bodyLine: text.markdown ? text.first + 1 + ctx.offset : line + 1 };
}

/**
 * Content before the first heading (or between a title and its first
 * sub-heading) becomes a question named after its group only when it is
 * substantial: more than one block, or any code. A one-paragraph blurb
 * ("本文整理了…") is dropped.
 */
function introQuestion(runs: Run[], title: string, ctx: Ctx): ExtractedQuestion | undefined {
  const meaningful = runs.flatMap((r) => r.blocks.filter(isMeaningful));
  if (meaningful.length < 2 && !meaningful.some((b) => b.kind === 'code')) return undefined;
  return joinedQuestion(runs, title, undefined, ctx);
}

function joinedQuestion(runs: Run[], title: string, line: number | undefined, ctx: Ctx): ExtractedQuestion | undefined {
  const text = joinCuts(runs.map((r) => cutRun(r, ctx.lines)));
  if (!text.markdown) return undefined;
  const bodyLine = text.first + 1 + ctx.offset;
  return { title, markdown: text.markdown, line: Math.min(line ?? bodyLine, bodyLine), bodyLine };
}

// ------------------------------------------------------------- text cuts

/** Source lines of a run, without leading/trailing decoration (rules, anchors, TOCs) and blank lines. */
function cutRun(run: Run, lines: string[]): Cut {
  const blank = (from: number, to: number): boolean => lines.slice(from, to).every((l) => l.trim() === '');
  const edge = (b: Block): boolean => !isMeaningful(b) && b.kind !== 'heading';
  const blocks = run.blocks.filter((b) => b.start >= run.start && b.end <= run.end);
  let start = run.start;
  let end = run.end;
  for (let i = 0; i < blocks.length && edge(blocks[i]) && blank(start, blocks[i].start); i++) start = blocks[i].end;
  for (let k = blocks.length - 1; k >= 0 && blocks[k].end <= end && edge(blocks[k]) && blank(blocks[k].end, end); k--) end = Math.max(start, blocks[k].start);
  return trimBlankLines(lines, start, end);
}

interface Cut {
  markdown: string;
  /** 0-based body line where `markdown` starts. */
  first: number;
}

/** Non-empty cuts joined by a blank line; `first` is the first non-empty cut's. */
function joinCuts(cuts: Cut[]): Cut {
  const parts = cuts.filter((c) => c.markdown);
  return { markdown: parts.map((c) => c.markdown).join('\n\n'), first: parts[0]?.first ?? 0 };
}

function trimBlankLines(lines: string[], start: number, end: number): Cut {
  let a = start;
  let b = Math.min(end, lines.length);
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return { markdown: lines.slice(a, b).join('\n'), first: a };
}

function countTextLines(blocks: Block[], lines: string[]): number {
  return blocks.reduce((n, b) => n + lines.slice(b.start, b.end).filter((l) => l.trim() !== '').length, 0);
}

// ----------------------------------------------------------------- titles

function analyzeTitle(raw: string): { title: string; numbered: boolean } {
  const children = markdownEngine().parseInline(protectDunders(raw), {})[0]?.children ?? [];
  let title = plainText(children).replace(/\s+/g, ' ').trim();
  let numbered = false;
  for (let round = 0; round < 3; round++) {
    const stripped = stripNumbering(title);
    if (stripped === title) break;
    numbered = true;
    title = stripped;
  }
  title = title.replace(/\s*[:：]+$/, '').trim();
  return { title: isVisible(title) && !ONLY_MARKERS.test(title) ? title : '', numbered };
}

function stripNumbering(text: string): string {
  for (const re of NUMBERING) {
    const m = re.exec(text);
    if (m && m[0].length > 0) return text.slice(m[0].length).trim();
  }
  return text;
}

/** `__init__` outside code would parse as bold "init"; Python titles mean the dunder. */
function protectDunders(raw: string): string {
  return raw
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^\w\\])(__\w+?__)(?!\w)/g, (_m, pre: string, d: string) => pre + d.replace(/_/g, '\\_'))))
    .join('');
}

function plainText(children: Token[]): string {
  return children
    .map((c) => {
      if (c.type === 'text' || c.type === 'code_inline' || c.type === 'text_special' || c.type === 'image') return c.content;
      return c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : '';
    })
    .join('');
}

/** A title for an empty heading: the first line of text (or code) in its section. */
function fallbackTitle(blocks: Block[]): string {
  for (const b of blocks) {
    for (const t of b.tokens) {
      const text = t.type === 'inline' ? analyzeTitle(t.content.split('\n')[0]).title : t.type === 'fence' || t.type === 'code_block' ? firstLine(t.content) : '';
      if (text) return truncate(text);
    }
  }
  return '';
}

function firstLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).find(isVisible) ?? '';
}

/** False for text made only of spaces, control and format characters (zero-width spaces…). */
function isVisible(text: string): boolean {
  return text.replace(/[\s\p{Z}\p{Cc}\p{Cf}]/gu, '') !== '';
}

function truncate(text: string): string {
  const chars = [...text];
  return chars.length <= TITLE_MAX ? text : `${chars.slice(0, TITLE_MAX).join('').trimEnd()}…`;
}

// ------------------------------------------------ files without headings

interface NumberedLine {
  number: number;
  /** How the number is written ("list", "N、", "(N)"…): one file uses one style for its questions. */
  style: string;
  title: string;
  /** 0-based line of the numbered line. */
  line: number;
  /** Lines [line + 1, itemEnd) belong to the list item and are indented under it. */
  itemEnd: number;
}

/**
 * Numbered question lines (`1. 内存泄漏` followed by its answer, as separate
 * lists or one list with indented answers, or paragraphs like `1、…` /
 * `**1.** …`) give one question each. Numbers must run 1, 2, 3… in one
 * numbering style, so an answer's own numbered list or `(1)` points are not
 * mistaken for questions. Undefined when fewer than two are found.
 */
function numberedQuestions(runs: Run[], title: string, ctx: Ctx): ExtractedQuestion[] | undefined {
  const main = runs[runs.length - 1];
  const numbered = bestSequence(numberedLines(main.blocks));
  if (numbered.length < 2) return undefined;
  const introRuns = [...runs.slice(0, -1), { ...main, end: numbered[0].line, blocks: main.blocks.filter((b) => b.start < numbered[0].line) }];
  const intro = introQuestion(introRuns, title, ctx);
  const questions = numbered.map((n, i) => numberedQuestion(n, numbered[i + 1]?.line ?? main.end, main.blocks, ctx));
  return intro ? [intro, ...questions] : questions;
}

/** A file without headings: numbered questions, else the whole body as one question named after the file. */
function flatQuestions(runs: Run[], titled: Section | undefined, ctx: Ctx): ExtractedQuestion[] {
  const numbered = numberedQuestions(runs, ctx.rootTitle, ctx);
  if (numbered) return numbered;
  const line = titled ? titled.heading.start + 1 + ctx.offset : undefined;
  const whole = joinedQuestion(runs, ctx.rootTitle, line, ctx);
  return whole ? [whole] : [];
}

/**
 * A leaf section titled like a topic ("## 基础", not "## 为什么…？") whose
 * content is numbered questions is a group of them; a question-like heading
 * keeps its numbered points as one answer.
 */
function numberedGroup(s: Section, ctx: Ctx): ExtractedGroup | undefined {
  if (s.children.length > 0 || s.looksLikeQuestion) return undefined;
  const title = s.title || fallbackTitle(s.own) || ctx.rootTitle;
  const questions = numberedQuestions([{ start: s.heading.end, end: s.end, blocks: s.own }], title, ctx);
  return questions && { title, line: s.heading.start + 1 + ctx.offset, groups: [], questions };
}

/** The answer: the item's own indented lines, dedented, then the blocks up to the next question. */
function numberedQuestion(n: NumberedLine, next: number, blocks: Block[], ctx: Ctx): ExtractedQuestion {
  const inner = trimBlankLines(dedent(ctx.lines.slice(n.line + 1, n.itemEnd)), 0, n.itemEnd - n.line - 1);
  const rest = cutRun({ start: n.itemEnd, end: next, blocks }, ctx.lines);
  const text = joinCuts([{ markdown: inner.markdown, first: n.line + 1 + inner.first }, rest]);
  const line = n.line + 1 + ctx.offset;
  const title = n.title || truncate(analyzeTitle(firstLine(text.markdown)).title) || ctx.rootTitle;
  return { title, markdown: text.markdown, line, bodyLine: text.markdown ? text.first + 1 + ctx.offset : line + 1 };
}

function dedent(lines: string[]): string[] {
  const indentOf = (l: string): number => /^[ \t]*/.exec(l)?.[0].length ?? 0;
  const indents = lines.filter((l) => l.trim()).map(indentOf);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, indentOf(l))));
}

function numberedLines(blocks: Block[]): NumberedLine[] {
  const out: NumberedLine[] = [];
  blocks.forEach((b, i) => {
    const first = b.tokens[0];
    if (first.type === 'ordered_list_open') out.push(...listItemLines(b, blocks[i + 1]));
    else if (first.type === 'paragraph_open' && b.tokens[1]?.type === 'inline') {
      const line = paragraphLine(b.tokens[1], b.start);
      if (line) out.push(line);
    }
  });
  return out;
}

/** `1、问题`, `(1) 问题` or `**1.** 问题` on the first line of a paragraph. */
function paragraphLine(inline: Token, start: number): NumberedLine | undefined {
  const firstRaw = inline.content.split('\n')[0];
  const plain = plainText(markdownEngine().parseInline(protectDunders(firstRaw), {})[0]?.children ?? []).trim();
  const m = NUMBER_OF_LINE.exec(plain);
  if (!m || plain.length > NUMBERED_TITLE_MAX) return undefined;
  const style = m[0].replace(/\d+/, 'N').replace(/\s+/g, '').toUpperCase();
  return { number: Number(m[1] ?? m[2]), style, title: analyzeTitle(firstRaw).title, line: start, itemEnd: start + 1 };
}

/** Items of a top-level ordered list that carry an answer: nested content, or non-list content right after the list. */
function listItemLines(list: Block, next: Block | undefined): NumberedLine[] {
  const starts = list.tokens.flatMap((t, at) => (t.type === 'list_item_open' && t.level === 1 && t.map ? [at] : []));
  const followedByText = next !== undefined && isMeaningful(next) && !/_list_open$/.test(next.tokens[0].type);
  const out: NumberedLine[] = [];
  starts.forEach((at, k) => {
    const [item, para, inline] = list.tokens.slice(at, at + 3);
    if (para?.type !== 'paragraph_open' || inline?.type !== 'inline' || !para.map || !item.map) return;
    const title = inline.content.split('\n')[0];
    const isLast = k === starts.length - 1;
    const hasAnswer = inline.content.includes('\n') || hasNestedBlocks(list.tokens, at) || (isLast && followedByText);
    if (!hasAnswer || title.length > NUMBERED_TITLE_MAX) return;
    const itemEnd = Math.min(item.map[1], list.end);
    out.push({ number: Number.parseInt(item.info, 10), style: 'list', title: analyzeTitle(title).title, line: para.map[0], itemEnd });
  });
  return out;
}

/** Whether the list item opened at `at` holds more blocks than its first paragraph. */
function hasNestedBlocks(tokens: Token[], at: number): boolean {
  for (let j = at + 4; j < tokens.length; j++) {
    if (tokens[j].type === 'list_item_close' && tokens[j].level === 1) return false;
    if (tokens[j].level === 2 && tokens[j].nesting !== -1) return true;
  }
  return false;
}

/** The longest run of numbered lines of one style that counts 1, 2, 3… (or 0, 1, 2…). */
function bestSequence(candidates: NumberedLine[]): NumberedLine[] {
  let best: NumberedLine[] = [];
  for (const style of new Set(candidates.map((c) => c.style))) {
    const picked = pickSequence(candidates.filter((c) => c.style === style));
    if (picked.length > best.length) best = picked;
  }
  return best;
}

function pickSequence(candidates: NumberedLine[]): NumberedLine[] {
  const out: NumberedLine[] = [];
  let expected: number | undefined;
  for (const c of candidates) {
    if (!Number.isFinite(c.number)) continue;
    if (expected === undefined ? c.number <= 1 : c.number === expected) {
      out.push(c);
      expected = c.number + 1;
    }
  }
  return out;
}
