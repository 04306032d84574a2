import type { Token } from 'markdown-it';
import type { Block, Ctx, Span } from './extractQuestions';
import { analyzeTitle, asksQuestion, inlineText } from './questionTitles';

// Questions written as lines instead of headings: `1、…`, `2.…`, `3）…`,
// `**4.** …` paragraphs or ordered-list items, and `- ` bullets that ask.
// The count (n → n+1) and question-likeness decide which lines are questions,
// so one irregular line never makes a question swallow the rest, and an
// answer's own numbered points stay in the answer.

export interface LineQuestion {
  title: string;
  /** 0-based line of the question line. */
  line: number;
  /** Lines [line + 1, itemEnd) belong to the list item and are indented under it. */
  itemEnd: number;
  /** Where the answer ends: the next question's line, or the end of the span. */
  next: number;
  why: string;
  /** Numbered lines inside the answer that were not taken as questions. */
  rejected: Array<{ line: number; why: string }>;
}

interface Candidate {
  number: number;
  /** "n" (1. 1、 1）…) or "paren" ((1)); numbered points in parentheses are a separate count. */
  family: string;
  title: string;
  asks: boolean;
  line: number;
  itemEnd: number;
  /** The item carries text of its own under it (lists only). */
  hasAnswer: boolean;
  list: boolean;
}

const NUMBERED_TITLE_MAX = 120;
/** `1、` `2.` `3）` `4．` `**5.**` `第6题` `Q7:` at the start of a line; "." never followed by a digit ("1.5"). */
const LINE_NUMBER = /^[ \t]{0,3}(?:\*\*|__)?[ \t]?(?:第[ \t]?|Q[ \t]?|问题[ \t]?|题目[ \t]?|面试题[ \t]?)?(\d{1,4})[ \t]?(?:题[ \t]?)?(?:[.．](?!\d)|[、:：)）])/i;
const LINE_PAREN = /^[ \t]{0,3}(?:\*\*)?[(（](\d{1,4})[)）]/;

export function lineQuestions(span: Span & { blocks: Block[] }, ctx: Ctx): { kind: 'numbered' | 'bullets'; questions: LineQuestion[] } | undefined {
  const mode = ctx.opts.questions ?? 'auto';
  const explicit = mode === 'numbered-lines' || mode === 'bullets';
  const blocks = span.blocks.filter((b) => b.start >= span.start && b.end <= span.end && b.kind !== 'toc');
  if (mode !== 'bullets') {
    const numbered = pickNumbered(numberedCandidates(blocks, ctx), span, ctx, explicit);
    if (numbered) return { kind: 'numbered', questions: numbered };
  }
  if (mode !== 'numbered-lines') {
    const bullets = pickBullets(bulletCandidates(blocks), span, explicit);
    if (bullets) return { kind: 'bullets', questions: bullets };
  }
  return undefined;
}

// ------------------------------------------------------------ candidates

function numberedCandidates(blocks: Block[], ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  blocks.forEach((b, i) => {
    const first = b.tokens[0];
    if (first.type === 'ordered_list_open') {
      // A loop, not push(...items): a list of 10^5 items would exceed the call-argument limit.
      for (const c of listItems(b, blocks[i + 1], 'n')) out.push(c);
    }
    else if (first.type === 'paragraph_open') {
      for (let l = b.start; l < b.end; l++) {
        const raw = ctx.lines[l];
        // An indented continuation line is answer text, not a new question.
        if (l > b.start && /^[ \t]/.test(raw)) continue;
        const c = paragraphLine(raw, l);
        if (c) out.push(c);
      }
    }
  });
  return out;
}

function paragraphLine(raw: string, line: number): Candidate | undefined {
  const m = LINE_NUMBER.exec(raw) ?? LINE_PAREN.exec(raw);
  if (!m) return undefined;
  const plain = inlineText(raw);
  if ([...plain].length > NUMBERED_TITLE_MAX) return undefined;
  const title = analyzeTitle(raw).title;
  return { number: Number(m[1]), family: m[0].includes('(') || m[0].includes('（') ? 'paren' : 'n', title, asks: asksQuestion(title), line, itemEnd: line + 1, hasAnswer: false, list: false };
}

/** Top-level items of a list; `hasAnswer` when the item holds more than its first line, or the list's last item is followed by text. */
function listItems(list: Block, next: Block | undefined, family: string): Candidate[] {
  const tokens = list.tokens;
  const followedByText = next !== undefined && (next.kind === 'content' || next.kind === 'code') && !/_list_open$/.test(next.tokens[0].type);
  const starts: number[] = [];
  tokens.forEach((t, at) => {
    if (t.type === 'list_item_open' && t.level === 1 && t.map) starts.push(at);
  });
  const out: Candidate[] = [];
  starts.forEach((at, k) => {
    const [item, para, inline] = tokens.slice(at, at + 3);
    // The question is the item's first line; an item that opens with a blank line is a plain point.
    if (para?.type !== 'paragraph_open' || inline?.type !== 'inline' || !para.map || !item.map || para.map[0] !== item.map[0]) return;
    const firstRaw = inline.content.split('\n')[0];
    if ([...firstRaw].length > NUMBERED_TITLE_MAX) return;
    const isLast = k === starts.length - 1;
    const hasAnswer = inline.content.includes('\n') || hasNestedBlocks(tokens, at) || (isLast && followedByText);
    const title = analyzeTitle(firstRaw).title;
    const number = family === 'bullet' ? 0 : Number.parseInt(item.info, 10);
    out.push({ number, family, title, asks: asksQuestion(title), line: para.map[0], itemEnd: Math.min(item.map[1], list.end), hasAnswer, list: true });
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

function bulletCandidates(blocks: Block[]): Candidate[] {
  return blocks.flatMap((b, i) => (b.tokens[0].type === 'bullet_list_open' ? listItems(b, blocks[i + 1], 'bullet') : []));
}

// ------------------------------------------------------------- selection

interface Picked {
  accepted: Candidate[];
  whys: string[];
  rejected: Array<{ line: number; why: string }>;
}

/**
 * Walks the numbered lines of one family in order, keeping those that
 * continue the count. A list item without an answer of its own is a point,
 * not a question. Re-synchronises on a skipped number when the line asks or
 * the count goes on from it, and on a restart at 1 when the line asks; a
 * run of points inside an answer (1, 2… again) is followed and left there.
 */
function walk(cands: Candidate[]): Picked {
  const accepted: Candidate[] = [];
  const whys: string[] = [];
  const rejected: Picked['rejected'] = [];
  let inner: number | undefined;
  let asking = 0;
  const take = (c: Candidate, why: string): void => {
    accepted.push(c);
    whys.push(why);
    if (c.asks) asking++;
    inner = undefined;
  };
  const usable = cands.filter((c) => !c.list || c.hasAnswer);
  usable.forEach((c, i) => {
    const last = accepted[accepted.length - 1];
    const next = usable[i + 1];
    const goesOn = next?.number === c.number + 1;
    if (!last) {
      if (c.number <= 1 || (goesOn && (c.asks || c.number <= 3))) take(c, c.number <= 1 ? 'a numbered line that starts a count' : `a numbered line that starts a count at ${c.number}`);
      return;
    }
    const seriesAsks = asking * 2 >= accepted.length;
    if (c.number === last.number + 1) {
      if (inner !== undefined && c.number === inner + 1 && !c.asks && seriesAsks) {
        inner++;
        rejected.push({ line: c.line, why: `point ${c.number} of a numbered list inside the answer` });
        return;
      }
      take(c, `number ${c.number} follows ${last.number}`);
      return;
    }
    if (inner !== undefined && c.number === inner + 1) {
      inner++;
      rejected.push({ line: c.line, why: `point ${c.number} of a numbered list inside the answer` });
      return;
    }
    if (c.number <= 1) {
      if (c.asks && (goesOn || next === undefined || next.asks)) take(c, 'a new count starting at 1 with a line that asks');
      else {
        inner = c.number;
        rejected.push({ line: c.line, why: 'point 1 of a numbered list inside the answer' });
      }
      return;
    }
    if (c.number > last.number + 1 && c.number <= last.number + 5 && (c.asks || goesOn)) {
      take(c, `number ${c.number} after ${last.number}: a skipped number, taken because ${c.asks ? 'the line asks' : 'the count goes on from it'}`);
      return;
    }
    rejected.push({ line: c.line, why: `number ${c.number} does not continue ${last.number}` });
  });
  return { accepted, whys, rejected };
}

function pickNumbered(cands: Candidate[], span: Span, ctx: Ctx, explicit: boolean): LineQuestion[] | undefined {
  let best: Picked | undefined;
  for (const family of ['n', 'paren']) {
    const picked = walk(cands.filter((c) => c.family === family));
    if (!best || picked.accepted.length > best.accepted.length) best = picked;
  }
  if (!best || best.accepted.length < (explicit ? 1 : 2)) return undefined;
  const questions = toQuestions(best, span);
  // Numbered lines without answers are a plain list, not questions.
  const answered = questions.filter((q) => hasText(ctx, q.line + 1, q.next) || q.itemEnd > q.line + 1).length;
  if (!explicit && answered * 2 < questions.length) return undefined;
  return questions;
}

function pickBullets(cands: Candidate[], span: Span, explicit: boolean): LineQuestion[] | undefined {
  const answered = cands.filter((c) => c.hasAnswer);
  const accepted = explicit ? answered : answered.filter((c) => c.asks);
  if (accepted.length < (explicit ? 1 : 2) || (!explicit && accepted.length * 2 < answered.length)) return undefined;
  const why = explicit ? 'a top-level bullet with an answer under it (bullets mode)' : 'a top-level bullet that asks, with its answer under it';
  return toQuestions({ accepted, whys: accepted.map(() => why), rejected: [] }, span);
}

function toQuestions(p: Picked, span: Span): LineQuestion[] {
  const rejected = [...p.rejected].sort((a, b) => a.line - b.line);
  let r = 0;
  return p.accepted.map((c, i) => {
    const next = p.accepted[i + 1]?.line ?? span.end;
    const mine: LineQuestion['rejected'] = [];
    while (r < rejected.length && rejected[r].line < next) {
      if (rejected[r].line > c.line) mine.push(rejected[r]);
      r++;
    }
    return { title: c.title, line: c.line, itemEnd: c.itemEnd, next, why: p.whys[i], rejected: mine };
  });
}

function hasText(ctx: Ctx, from: number, to: number): boolean {
  for (let i = from; i < Math.min(to, ctx.lines.length); i++) if (ctx.lines[i].trim() !== '') return true;
  return false;
}
