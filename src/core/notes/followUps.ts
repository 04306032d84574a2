// The parts of an answer the practice modes use: its 要点 (key points, the checklist of a mock
// interview) and its 面试官追问 (follow-ups, which become cards of their own).

import { findSectionList } from './answerSections';

/** Headings that hold the key points: the bundled notes' 要点, or English in a user's notes. */
export const KEY_POINTS_HEADING = /^(要点|核心要点|key points)$/i;
/** Headings that hold follow-up questions. */
export const FOLLOW_UPS_HEADING = /^(面试官追问|追问|follow-?ups?|follow-up questions)$/i;

/** The Markdown of each 要点 item; empty when the answer has none. */
export function keyPoints(markdown: string): string[] {
  return findSectionList(markdown, KEY_POINTS_HEADING)?.items.map((i) => i.markdown) ?? [];
}

export interface FollowUp {
  /** 1-based position among the question's follow-ups (stable while the list keeps its order). */
  index: number;
  /** What the interviewer asks, Markdown. */
  prompt: string;
  /** The answer written under it, Markdown; "" when the item only links elsewhere. */
  answer: string;
  /** A question the item links to (`q:<id>`): its answer is the back of the card. */
  linkedId?: string;
}

export interface SkippedFollowUp {
  index: number;
  /** What is wrong, for the views to word in the user's language. */
  code: 'empty' | 'no-answer';
  /** The same in English. */
  reason: string;
}

const LEADING_BOLD = /^\*\*(.+?)\*\*\s*/s;

/** Index just after the first question mark that is not inside `code`, or -1. */
function questionEnd(text: string): number {
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') inCode = !inCode;
    else if (!inCode && (c === '？' || c === '?')) return i + 1;
  }
  return -1;
}

/** "**Question?** answer", "Question? answer" or a bare question; see docs/notes-format.md. */
export function splitFollowUp(item: string): { prompt: string; answer: string } {
  const bold = LEADING_BOLD.exec(item);
  if (bold) return { prompt: bold[1].trim(), answer: item.slice(bold[0].length).trim() };
  const end = questionEnd(item);
  if (end > 0) return { prompt: item.slice(0, end).trim(), answer: item.slice(end).trim() };
  return { prompt: item.trim(), answer: '' };
}

/** Follow-ups of an answer; items with neither an answer nor a link are skipped with a reason. */
export function followUps(markdown: string): { followUps: FollowUp[]; skipped: SkippedFollowUp[] } {
  const items = findSectionList(markdown, FOLLOW_UPS_HEADING)?.items ?? [];
  const out: FollowUp[] = [];
  const skipped: SkippedFollowUp[] = [];
  items.forEach((item, i) => {
    const index = i + 1;
    const { prompt, answer } = splitFollowUp(item.markdown);
    const linkedId = item.links[0];
    if (!prompt) skipped.push({ index, code: 'empty', reason: 'the item is empty' });
    else if (!answer && !linkedId) skipped.push({ index, code: 'no-answer', reason: 'the item has no answer and links to no question' });
    else out.push(linkedId ? { index, prompt, answer, linkedId } : { index, prompt, answer });
  });
  return { followUps: out, skipped };
}
