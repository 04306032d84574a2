import type { Token } from 'markdown-it';
import { markdownEngine } from '../markdown/markdownEngine';
import { analyzeTitle, asksQuestion, inlineText, isPartTitle, isPromotion, isReferenceTitle, isVisible, keepWeakNumber, type TitleInfo } from './questionTitles';
import { lineQuestions, type LineQuestion } from './lineQuestions';

export { cleanHeadingTitle } from './questionTitles';

// Turns Markdown written in any real-world layout into the questions a reader
// sees. Structure comes only from markdown-it's top-level tokens (so `#` lines
// inside code never count as headings); text is cut from the source by
// token.map so answers keep the author's exact Markdown. Every non-blank line
// ends up in exactly one region: a question, a group's heading or intro, or a
// skipped region with its reason. A pure function of (text, options): no I/O.

/** How a file's questions are found: guessed, or as the user says. */
export type QuestionMode = 'auto' | 'headings' | 'numbered-lines' | 'bullets';
export const QUESTION_MODES: readonly QuestionMode[] = ['auto', 'headings', 'numbered-lines', 'bullets'];

export interface ExtractOptions {
  fileTitle: string;
  lineOffset: number;
  questions?: QuestionMode;
  /** Headings of this level (1–6) are the questions; shallower ones are groups, deeper ones parts. */
  questionLevel?: number;
  /** `fileTitle` came from front matter: a question-like title may make the file one question. */
  titleFromFrontMatter?: boolean;
}

export interface ExtractedQuestion {
  title: string;
  markdown: string;
  /** 1-based line of the question's heading (or numbered line) in the original file. */
  line: number;
  /** 1-based line in the original file where `markdown` starts. */
  bodyLine: number;
  /** First and last 1-based lines of the question, heading included. */
  lines: [number, number];
}

export interface ExtractedGroup {
  title: string;
  line: number;
  /** First and last 1-based lines of the group, its questions included. */
  lines: [number, number];
  /** Short text under the group's heading before its first question. */
  intro?: string;
  groups: ExtractedGroup[];
  questions: ExtractedQuestion[];
}

export interface SkippedRegion {
  lines: [number, number];
  why: string;
}

export type Became = 'question' | 'group' | 'group intro' | 'part of answer' | 'skipped';

/** One line of "how this file was read": what a heading or line became, and why. */
export interface ReadingNote {
  lines: [number, number];
  text: string;
  became: Became;
  title?: string;
  why: string;
}

export interface ExtractedFile extends ExtractedGroup {
  skipped: SkippedRegion[];
  reading: ReadingNote[];
}

type BlockKind = 'heading' | 'toc' | 'decoration' | 'code' | 'content';

/** One top-level block: a heading, paragraph, list, fence, table, HTML block… */
export interface Block {
  kind: BlockKind;
  /** 0-based body lines [start, end). */
  start: number;
  end: number;
  tokens: Token[];
}

interface Section {
  level: number;
  info: TitleInfo;
  title: string;
  asks: boolean;
  /** Written as `## # Title`: a section heading at the level of the questions. */
  marker: boolean;
  heading: Block;
  own: Block[];
  children: Section[];
  /** First body line after the whole section, sub-sections included. */
  end: number;
}

/** Body lines [start, end). */
export interface Span {
  start: number;
  end: number;
}

interface Region extends Span {
  became: Became;
  title?: string;
  why: string;
}

export interface Ctx {
  lines: string[];
  blocks: Block[];
  offset: number;
  opts: ExtractOptions;
  questionLevel: number;
  rootTitle: string;
  regions: Region[];
  notes: Region[];
  /** The question read last, so a following "参考" section can join its answer. */
  last?: { question: ExtractedQuestion; region: Region; bodyStart: number };
}

const TOC_TITLE = /^(?:目[ \t]?录|contents?|table of contents|toc|索引|大纲)$/i;
const TOC_MARKER = /^(?:\[\[?_?toc_?\]?\]|@\[toc\](?:\([^)]*\))?|\$\{toc\})$/i;
const SECTION_MARK = /^#{1,6}[ \t]+/;
const WHY_DECORATION = 'decoration (rule, anchor, comment or badge)';

export function extractQuestions(body: string, options: ExtractOptions): ExtractedFile {
  const lines = body.split(/\r\n?|\n/);
  const blocks = collectBlocks(markdownEngine().parse(body, {}));
  const { intro, top } = buildSections(blocks, lines.length);
  const fileTitle = isVisible(options.fileTitle) ? options.fileTitle.trim() : 'Untitled';
  const ctx: Ctx = { lines, blocks, offset: options.lineOffset, opts: options, questionLevel: 0, rootTitle: fileTitle, regions: [], notes: [] };
  const root: ExtractedGroup = { title: fileTitle, line: 1 + ctx.offset, lines: [1 + ctx.offset, lines.length + ctx.offset], groups: [], questions: [] };
  const introBlocks = (span: Span, from: Block[]): Span & { blocks: Block[] } => ({ ...span, blocks: from });

  // A lone `#` that opens the file names the whole file; it is not a question,
  // unless it asks one and what follows reads as its parts.
  const titled = top.length === 1 && top[0].level <= 1 ? top[0] : undefined;
  const sections = titled ? titled.children : top;
  const allSections = flatten(top);
  if (titled) {
    ctx.rootTitle = root.title = titled.title || fallbackTitle(sectionBlocks(titled)) || fileTitle;
    root.line = titled.heading.start + 1 + ctx.offset;
  }
  ctx.questionLevel = options.questionLevel ?? questionLevel(sections);

  const faqTitle = options.titleFromFrontMatter && asksQuestion(fileTitle) && !allSections.some(readsAsQuestion) ? fileTitle : undefined;
  const askingTitle =
    titled && titled.children.length > 0 && /[?？]$|吗$/.test(titled.title) && !titled.children.some(readsAsQuestion) && !intro.some(isMeaningful) && !options.questionLevel
      ? titled.title
      : undefined;
  if ((faqTitle || askingTitle) && (options.questions ?? 'auto') !== 'numbered-lines' && options.questions !== 'bullets') {
    const start = faqTitle ? firstNonBlank(lines, 0, lines.length) : titled!.heading.start;
    const body = { start: faqTitle ? start : titled!.heading.end, end: lines.length };
    const why = faqTitle ? 'the front matter title asks a question and no heading does: the whole file is its answer' : 'the title asks a question and the headings under it read as its parts';
    const q = question(ctx, faqTitle ?? askingTitle ?? fileTitle, start, body, why);
    if (q) root.questions.push(q);
    partNotes(ctx, allSections, 'a part of the one answer of this file');
    return finish(root, ctx);
  }

  if (titled) claim(ctx, titled.heading, 'group', root.title, 'the only top-level heading: it names the file');
  const introRuns = [introBlocks({ start: 0, end: top[0]?.heading.start ?? lines.length }, intro)];
  if (titled) introRuns.push(introBlocks({ start: titled.heading.end, end: titled.children[0]?.heading.start ?? titled.end }, titled.own));
  if (sections.length === 0) {
    flatQuestions(root, introRuns, ctx);
    return finish(root, ctx);
  }
  addIntro(root, introRuns, ctx);
  for (const s of sections) addSection(root, s, ctx);
  return finish(root, ctx);
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
  const rest = stripHtmlComments(html).replace(/<(?:br|hr)\b[^<>]*>/gi, '').replace(/<a\b[^<>]*\/>/gi, '');
  // What is left must be empty elements (possibly nested) and blanks. A stack keeps this
  // linear; removing the innermost empty pair until nothing changes was quadratic.
  const open: string[] = [];
  for (const m of rest.matchAll(/<(\/?)([a-z][\w-]*)\b[^<>]*>|[^<]+|</gi)) {
    if (m[2] === undefined) {
      if (m[0].trim() !== '') return false;
    } else if (!m[1]) open.push(m[2].toLowerCase());
    else if (open.pop() !== m[2].toLowerCase()) return false;
  }
  return open.length === 0;
}

function stripHtmlComments(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = html.indexOf('<!--', at);
    if (open < 0) return out + html.slice(at);
    out += html.slice(at, open);
    const close = html.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
}

/** `<a name="x"></a>` on a line of its own is a paragraph of inline HTML to markdown-it. */
function isAnchorParagraph(inline: Token | undefined): boolean {
  const children = inline?.children ?? [];
  const onlyHtml = children.every((c) => c.type === 'html_inline' || c.type === 'softbreak' || (c.type === 'text' && !c.content.trim()));
  return children.length > 0 && onlyHtml && isDecorationHtml(children.map((c) => c.content).join(''));
}

/**
 * A list whose every item starts with an in-page link (`[x](#anchor)`),
 * possibly nested and possibly followed by a short description.
 */
function isTocList(tokens: Token[]): boolean {
  let links = 0;
  for (const inline of tokens.filter((t) => t.type === 'inline')) {
    const first = (inline.children ?? []).find((c) => !(c.type === 'text' && /^[\s\d.．、)）-]*$/.test(c.content)));
    if (!first || first.type !== 'link_open' || !String(first.attrGet('href') ?? '').startsWith('#')) return false;
    links++;
  }
  return links > 0;
}

function headingLevel(b: Block): number {
  return Number(b.tokens[0].tag.slice(1)) || 1;
}

export function isMeaningful(b: Block): boolean {
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
    let raw = b.tokens[1]?.content ?? '';
    let level = headingLevel(b);
    const marker = SECTION_MARK.exec(raw);
    if (marker) {
      raw = raw.slice(marker[0].length);
      level -= 0.5;
    }
    const info = analyzeTitle(raw);
    // Numbering that continues across levels (## 十 then ### 十一) marks a sibling.
    const open = stack[stack.length - 1];
    if (open && level > open.level && continuesCount(open.info, info)) level = open.level;
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop()!.end = b.start;
    const section: Section = { level, info, title: info.title, asks: false, marker: !!marker, heading: b, own: [], children: [], end: totalLines };
    (stack.length ? stack[stack.length - 1].children : top).push(section);
    stack.push(section);
  }
  settleTitles(top);
  return { intro, top };
}

function continuesCount(prev: TitleInfo, next: TitleInfo): boolean {
  return prev.number?.length === 1 && next.number?.length === 1 && prev.style === next.style && !next.weak && next.number[0] === prev.number[0] + 1;
}

/** A bare "N " prefix is numbering only when a neighbour continues the count. */
function settleTitles(siblings: Section[]): void {
  siblings.forEach((s, i) => {
    if (s.info.weak !== undefined) {
      const n = s.info.number?.[0] ?? NaN;
      const near = (o: Section | undefined, d: number): boolean => o?.info.number?.length === 1 && o.info.number[0] === n + d;
      if (!near(siblings[i - 1], -1) && !near(siblings[i + 1], 1)) s.info = keepWeakNumber(s.info);
      s.title = s.info.title;
    }
    s.asks = asksQuestion(s.title);
    settleTitles(s.children);
  });
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

function readsAsQuestion(s: Section): boolean {
  return s.asks || (s.info.number !== undefined && !isPartTitle(s.title));
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
    if (s.marker) continue;
    const score = (s.own.some(isMeaningful) ? 1 : 0) + (s.asks || s.info.number ? 2 : 0);
    scores.set(s.level, (scores.get(s.level) ?? 0) + score);
  }
  if (scores.size === 0) return 2;
  let best = Math.min(...scores.keys());
  for (const [level, score] of scores) {
    const bestScore = scores.get(best) ?? 0;
    if (score > bestScore || (score === bestScore && level < best)) best = level;
  }
  return best;
}

type Decision = { as: 'group' | 'question' | 'siblings'; why: string };

/**
 * Whether a heading with sub-headings is a group of questions or one question
 * whose answer holds those parts: sub-points (5.1 under 5) and part-like
 * titles (示例, 总结, Key features) make one question; sub-headings that read
 * as questions make a group, unless the heading itself asks and has its own
 * text first. Otherwise the heading level decides.
 */
function decide(s: Section, ctx: Ctx): Decision {
  if (ctx.opts.questionLevel) {
    return s.level < ctx.opts.questionLevel
      ? { as: 'group', why: `above the question level ${ctx.opts.questionLevel} set for this source` }
      : { as: 'question', why: `at the question level ${ctx.opts.questionLevel} set for this source` };
  }
  if (s.marker) return { as: 'group', why: 'written as a section heading (`## # …`)' };
  const kids = s.children.filter(hasContent);
  const parent = s.info.number;
  if (parent && kids.some((k) => k.info.number?.length === parent.length + 1 && parent.every((n, i) => k.info.number?.[i] === n))) {
    return { as: 'question', why: `its sub-headings are numbered as its parts (${parent.join('.')}.1, ${parent.join('.')}.2…)` };
  }
  const asking = kids.filter((k) => readsAsQuestion(k) || k.children.some(readsAsQuestion)).length;
  const ownText = s.own.some(isMeaningful);
  if (kids.length > 0 && asking * 2 >= kids.length) {
    if (!(s.asks && ownText)) return { as: 'group', why: 'its sub-headings read as questions' };
    if (kids.every((k) => k.asks)) return { as: 'siblings', why: 'it asks and has its own answer; its sub-headings ask too, so they are the next questions' };
  }
  if (kids.length > 0 && kids.filter((k) => isPartTitle(k.title)).length * 2 >= kids.length) return { as: 'question', why: 'its sub-headings read as parts of an answer (示例, 总结, Key features…)' };
  if (s.asks) return { as: 'question', why: ownText ? 'it asks a question and has its own text before its sub-headings' : 'it asks a question; its sub-headings are its parts' };
  if (s.level >= ctx.questionLevel) return { as: 'question', why: `headings of level ${Math.ceil(s.level)} hold this file's questions` };
  return { as: 'group', why: `a topic heading above the question level (${ctx.questionLevel})` };
}

/** A table-of-contents section ("目录" with its link list) shows nothing worth a question. */
function isTocSection(s: Section): boolean {
  if (s.children.length > 0) return false;
  const rest = s.own.filter((b) => b.kind !== 'decoration');
  if (rest.length === 0) return TOC_TITLE.test(s.title);
  if (rest.every((b) => b.kind === 'toc')) return true;
  return TOC_TITLE.test(s.title) && rest.every((b) => b.kind === 'toc' || /_list_open$/.test(b.tokens[0].type));
}

/** "Explore all 100 answers here 👉", "关注公众号…": a heading that advertises, with at most a link or image under it. */
function isBanner(s: Section, ctx: Ctx): boolean {
  if (s.children.length > 0 || !isPromotion(inlineText(s.heading.tokens[1]?.content ?? ''))) return false;
  const own = s.own.filter(isMeaningful);
  return !own.some((b) => b.kind === 'code') && countTextLines(own, ctx.lines) <= 3;
}

function addSection(parent: ExtractedGroup, s: Section, ctx: Ctx): void {
  const last = ctx.last;
  if (isReferenceTitle(s.title) && last && ctx.regions[ctx.regions.length - 1] === last.region && !s.children.some(readsAsQuestion)) {
    appendToLast(s, ctx);
    return;
  }
  if (isTocSection(s)) return skipSection(s, ctx, 'table of contents');
  if (isBanner(s, ctx)) return skipSection(s, ctx, 'banner or promotion');
  const mode = ctx.opts.questions ?? 'auto';
  if (s.children.length === 0) {
    if (mode !== 'headings' && (!s.asks || mode !== 'auto') && !ctx.opts.questionLevel) {
      const group = lineGroup(s, ctx);
      if (group) {
        parent.groups.push(group);
        return;
      }
    }
    if (!hasContent(s) && s.level < ctx.questionLevel && !ctx.opts.questionLevel) {
      return skipSection(s, ctx, 'an empty heading above the question level');
    }
    const q = sectionQuestion(s, ctx, s.level < ctx.questionLevel ? 'a heading with text and no sub-headings' : `a heading at the question level (${Math.ceil(ctx.questionLevel)})`);
    if (q) parent.questions.push(q);
    return;
  }
  const d = decide(s, ctx);
  if (d.as === 'siblings') {
    // A question with its own answer whose sub-headings also ask: they are mis-levelled siblings.
    const q = question(ctx, s.title || ctx.rootTitle, s.heading.start, { start: s.heading.end, end: s.children[0].heading.start }, d.why);
    if (q) parent.questions.push(q);
    for (const child of s.children) addSection(parent, child, ctx);
    return;
  }
  if (d.as === 'question' && mode === 'auto') {
    const q = sectionQuestion(s, ctx, d.why);
    if (q) {
      parent.questions.push(q);
      partNotes(ctx, flatten(s.children), `a part of the answer to “${q.title}”`);
    }
    return;
  }
  if (d.as === 'question') {
    const q = sectionQuestion(s, ctx, d.why);
    if (q) parent.questions.push(q);
    partNotes(ctx, flatten(s.children), 'a part of the answer above it');
    return;
  }
  parent.groups.push(toGroup(s, ctx, d.why));
}

function toGroup(s: Section, ctx: Ctx, why: string): ExtractedGroup {
  const title = s.title || fallbackTitle(sectionBlocks(s)) || ctx.rootTitle;
  const group: ExtractedGroup = { title, line: s.heading.start + 1 + ctx.offset, lines: fileLines(ctx, { start: s.heading.start, end: s.end }), groups: [], questions: [] };
  claim(ctx, s.heading, 'group', title, why);
  addIntro(group, [{ start: s.heading.end, end: s.children[0]?.heading.start ?? s.end, blocks: s.own }], ctx);
  for (const child of s.children) addSection(group, child, ctx);
  return group;
}

function sectionQuestion(s: Section, ctx: Ctx, why: string): ExtractedQuestion | undefined {
  const blocks = sectionBlocks(s);
  const title = s.title || fallbackTitle(blocks) || ctx.rootTitle;
  if (!s.title && !blocks.some(isMeaningful)) {
    skipSection(s, ctx, 'an empty heading');
    return undefined;
  }
  return question(ctx, title, s.heading.start, { start: s.heading.end, end: s.end }, why);
}

function skipSection(s: Section, ctx: Ctx, why: string): void {
  ctx.regions.push({ start: s.heading.start, end: s.end, became: 'skipped', why, title: s.title });
}

/** "参考" / "References" after an answer: its links are the answer's sources. */
function appendToLast(s: Section, ctx: Ctx): void {
  const last = ctx.last!;
  const cut = cutSpan({ start: last.bodyStart, end: s.end }, ctx);
  const q = last.question;
  q.markdown = cut.markdown;
  q.bodyLine = cut.first + 1 + ctx.offset;
  last.region.end = Math.max(last.region.end, cut.end);
  q.lines = [q.lines[0], Math.max(q.line, cut.end + ctx.offset)];
  ctx.notes.push({ start: s.heading.start, end: s.heading.end, became: 'part of answer', title: q.title, why: `a references section: it belongs to the answer to “${q.title}” before it` });
}

/**
 * Text before the first question: a question named after its group when
 * substantial (more than one block, or any code), else the group's intro.
 */
function addIntro(group: ExtractedGroup, runs: Array<Span & { blocks: Block[] }>, ctx: Ctx): void {
  const meaningful = runs.flatMap((r) => r.blocks.filter((b) => isMeaningful(b) && b.start < r.end && b.end > r.start));
  if (meaningful.length === 0) return;
  if (meaningful.length >= 2 || meaningful.some((b) => b.kind === 'code')) {
    const cuts = runs.map((r) => cutSpan(r, ctx));
    const parts = cuts.filter((c) => c.markdown);
    if (parts.length === 0) return;
    const markdown = parts.map((c) => c.markdown).join('\n\n');
    const q: ExtractedQuestion = { title: group.title, markdown, line: parts[0].first + 1 + ctx.offset, bodyLine: parts[0].first + 1 + ctx.offset, lines: [parts[0].first + 1 + ctx.offset, parts[parts.length - 1].end + ctx.offset] };
    for (const c of parts) ctx.regions.push({ start: c.first, end: c.end, became: 'question', title: q.title, why: 'text before the first heading of its group, long enough to be an answer of its own' });
    group.questions.push(q);
    return;
  }
  const cut = runs.map((r) => cutSpan(r, ctx)).find((c) => c.markdown);
  if (!cut) return;
  group.intro = cut.markdown;
  ctx.regions.push({ start: cut.first, end: cut.end, became: 'group intro', title: group.title, why: 'a short text before the first question: shown with the group' });
}

/** A file without headings: questions on numbered lines or bullets, else the whole body as one question named after the file. */
function flatQuestions(root: ExtractedGroup, runs: Array<Span & { blocks: Block[] }>, ctx: Ctx): void {
  const main = runs[runs.length - 1];
  const found = ctx.opts.questions === 'headings' ? undefined : lineQuestions(main, ctx);
  if (found) {
    addIntro(root, [...runs.slice(0, -1), { ...main, end: found.questions[0].line }], ctx);
    for (const q of found.questions) root.questions.push(lineQuestion(q, ctx));
    return;
  }
  const cuts = runs.map((r) => cutSpan(r, ctx)).filter((c) => c.markdown);
  if (cuts.length === 0) return;
  const markdown = cuts.map((c) => c.markdown).join('\n\n');
  const titleLine = ctx.regions.find((r) => r.became === 'group')?.start;
  const first = cuts[0].first;
  const line = Math.min(titleLine ?? first, first) + 1 + ctx.offset;
  for (const c of cuts) ctx.regions.push({ start: c.first, end: c.end, became: 'question', title: ctx.rootTitle, why: 'no headings, numbered lines or bullet questions: the whole file is one answer' });
  root.questions.push({ title: ctx.rootTitle, markdown, line, bodyLine: first + 1 + ctx.offset, lines: [line, cuts[cuts.length - 1].end + ctx.offset] });
}

/**
 * A leaf section titled like a topic ("## 基础", not "## 为什么…？") whose
 * content is numbered or bulleted questions is a group of them.
 */
function lineGroup(s: Section, ctx: Ctx): ExtractedGroup | undefined {
  const span = { start: s.heading.end, end: s.end, blocks: s.own };
  const found = lineQuestions(span, ctx);
  if (!found) return undefined;
  const title = s.title || fallbackTitle(s.own) || ctx.rootTitle;
  const group: ExtractedGroup = { title, line: s.heading.start + 1 + ctx.offset, lines: fileLines(ctx, { start: s.heading.start, end: s.end }), groups: [], questions: [] };
  claim(ctx, s.heading, 'group', title, `its text holds ${found.kind === 'numbered' ? 'numbered' : 'bulleted'} questions`);
  addIntro(group, [{ ...span, end: found.questions[0].line }], ctx);
  for (const q of found.questions) group.questions.push(lineQuestion(q, ctx));
  return group;
}

function lineQuestion(n: LineQuestion, ctx: Ctx): ExtractedQuestion {
  const inner = trimBlankLines(dedent(ctx.lines.slice(n.line + 1, n.itemEnd)), 0, n.itemEnd - n.line - 1);
  const rest = cutSpan({ start: n.itemEnd, end: n.next }, ctx);
  const innerCut: Cut = { markdown: inner.markdown, first: n.line + 1 + inner.first, end: n.line + 1 + inner.end };
  const parts = [innerCut, rest].filter((c) => c.markdown);
  const markdown = parts.map((c) => c.markdown).join('\n\n');
  const line = n.line + 1 + ctx.offset;
  const title = n.title || truncate(analyzeTitle(firstLine(markdown)).title) || ctx.rootTitle;
  const end = parts.length ? parts[parts.length - 1].end : n.line + 1;
  const region: Region = { start: n.line, end, became: 'question', title, why: n.why };
  ctx.regions.push(region);
  const q: ExtractedQuestion = { title, markdown, line, bodyLine: parts.length ? parts[0].first + 1 + ctx.offset : line + 1, lines: [line, end + ctx.offset] };
  ctx.last = { question: q, region, bodyStart: n.line + 1 };
  for (const r of n.rejected) ctx.notes.push({ start: r.line, end: r.line + 1, became: 'part of answer', title, why: r.why });
  return q;
}

/** Records a question over [headStart, body end) and remembers it for a following references section. */
function question(ctx: Ctx, title: string, headStart: number, body: Span, why: string): ExtractedQuestion | undefined {
  const cut = cutSpan(body, ctx);
  const end = Math.max(cut.markdown ? cut.end : body.start, headStart + 1);
  const line = headStart + 1 + ctx.offset;
  const q: ExtractedQuestion = { title, markdown: cut.markdown, line, bodyLine: cut.markdown ? cut.first + 1 + ctx.offset : Math.min(body.start, ctx.lines.length) + 1 + ctx.offset, lines: [line, end + ctx.offset] };
  const region: Region = { start: headStart, end, became: 'question', title, why };
  ctx.regions.push(region);
  ctx.last = { question: q, region, bodyStart: body.start };
  return q;
}

function claim(ctx: Ctx, heading: Block, became: Became, title: string, why: string): void {
  ctx.regions.push({ start: heading.start, end: heading.end, became, title, why });
}

function partNotes(ctx: Ctx, sections: Section[], why: string): void {
  for (const s of sections) ctx.notes.push({ start: s.heading.start, end: s.heading.end, became: 'part of answer', title: s.title, why });
}

// ------------------------------------------------------------- text cuts

interface Cut {
  markdown: string;
  /** 0-based body line where `markdown` starts. */
  first: number;
  /** 0-based body line after the last line of `markdown`. */
  end: number;
}

/** Source lines of a span, without leading/trailing decoration (rules, anchors, TOCs) and blank lines. */
export function cutSpan(span: Span, ctx: Ctx): Cut {
  const { lines } = ctx;
  const blocks = blocksIn(ctx.blocks, span);
  const blank = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) if (lines[i].trim() !== '') return false;
    return true;
  };
  const edge = (b: Block): boolean => !isMeaningful(b) && b.kind !== 'heading';
  let start = span.start;
  let end = Math.min(span.end, lines.length);
  for (let i = 0; i < blocks.length && edge(blocks[i]) && blank(start, blocks[i].start); i++) start = blocks[i].end;
  for (let k = blocks.length - 1; k >= 0 && blocks[k].end <= end && edge(blocks[k]) && blank(blocks[k].end, end); k--) end = Math.max(start, blocks[k].start);
  return trimBlankLines(lines, start, end);
}

/** Blocks wholly inside a span, found by binary search so cutting stays linear. */
function blocksIn(blocks: Block[], span: Span): Block[] {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Block[] = [];
  for (let i = lo; i < blocks.length && blocks[i].start < span.end; i++) if (blocks[i].end <= span.end) out.push(blocks[i]);
  return out;
}

function trimBlankLines(lines: string[], start: number, end: number): Cut {
  let a = start;
  let b = Math.min(end, lines.length);
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return { markdown: lines.slice(a, b).join('\n'), first: a, end: b };
}

export function countTextLines(blocks: Block[], lines: string[]): number {
  let n = 0;
  for (const b of blocks) for (let i = b.start; i < b.end; i++) if (lines[i].trim() !== '') n++;
  return n;
}

function dedent(lines: string[]): string[] {
  const indentOf = (l: string): number => /^[ \t]*/.exec(l)?.[0].length ?? 0;
  const indents = lines.filter((l) => l.trim()).map(indentOf);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, indentOf(l))));
}

function firstNonBlank(lines: string[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i].trim() !== '') return i;
  return from;
}

function fileLines(ctx: Ctx, span: Span): [number, number] {
  let b = Math.min(span.end, ctx.lines.length);
  while (b > span.start + 1 && ctx.lines[b - 1].trim() === '') b--;
  return [span.start + 1 + ctx.offset, b + ctx.offset];
}

// ------------------------------------------------------------ finishing

/** Unclaimed non-blank lines become skipped regions named by what they are; the reading notes list every region. */
function finish(root: ExtractedGroup, ctx: Ctx): ExtractedFile {
  const { lines } = ctx;
  const owner = new Int32Array(lines.length).fill(-1);
  ctx.regions.forEach((r, i) => {
    for (let l = r.start; l < Math.min(r.end, lines.length); l++) if (owner[l] < 0) owner[l] = i;
  });
  const kindAt: BlockKind[] = new Array<BlockKind>(lines.length);
  for (const b of ctx.blocks) for (let l = b.start; l < Math.min(b.end, lines.length); l++) kindAt[l] = b.kind;
  const why = (l: number): string => (kindAt[l] === 'toc' ? 'table of contents' : kindAt[l] === 'decoration' ? WHY_DECORATION : 'not part of any question');
  for (let l = 0; l < lines.length; ) {
    if (owner[l] >= 0 || lines[l].trim() === '') {
      l++;
      continue;
    }
    const reason = why(l);
    let e = l + 1;
    while (e < lines.length && owner[e] < 0 && (lines[e].trim() === '' || why(e) === reason)) e++;
    ctx.regions.push({ start: l, end: e, became: 'skipped', why: reason });
    l = e;
  }
  const skipped: SkippedRegion[] = [];
  const reading: ReadingNote[] = [];
  for (const r of [...ctx.regions, ...ctx.notes].sort((a, b) => a.start - b.start || noteRank(a) - noteRank(b))) {
    const span = fileLines(ctx, r);
    if (r.became === 'skipped') skipped.push({ lines: span, why: r.why });
    const text = firstLine(lines.slice(r.start, Math.min(r.end, r.start + 3)).join('\n'));
    reading.push({ lines: span, text: text.length > 80 ? `${[...text].slice(0, 80).join('')}…` : text, became: r.became, ...(r.title ? { title: r.title } : {}), why: r.why });
  }
  skipped.sort((a, b) => a.lines[0] - b.lines[0]);
  return { ...root, skipped, reading };
}

function noteRank(r: Region): number {
  return r.became === 'part of answer' ? 1 : 0;
}

// ----------------------------------------------------------------- titles

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

const TITLE_MAX = 60;
export function truncate(text: string): string {
  const chars = [...text];
  return chars.length <= TITLE_MAX ? text : `${chars.slice(0, TITLE_MAX).join('').trimEnd()}…`;
}
