// Finds the list under a named heading of an answer ("## 要点", "## 面试官追问") and returns its
// top-level items as Markdown source, for the practice modes (checklists, follow-up cards).

import type { Token } from 'markdown-it';
import { markdownEngine } from '../markdown/markdownEngine';

export interface SectionItem {
  /** The item's Markdown with the list marker removed and continuation lines unindented. */
  markdown: string;
  /** `q:<id>` link targets in the item, in order. */
  links: string[];
}

export interface AnswerSection {
  /** 0-based line of the heading inside the answer Markdown. */
  line: number;
  items: SectionItem[];
}

const MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?\s?/;

function inlineText(token: Token | undefined): string {
  return (token?.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('').trim();
}

function itemMarkdown(lines: readonly string[], from: number, to: number): string {
  const first = lines[from] ?? '';
  const marker = MARKER.exec(first)?.[0] ?? '';
  const indent = marker.length;
  const rest = lines.slice(from + 1, to).map((l) => (l.slice(0, indent).trim() === '' ? l.slice(indent) : l.trimStart()));
  return [first.slice(marker.length), ...rest].join('\n').trim();
}

function linksIn(tokens: readonly Token[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    for (const c of tokens[i].children ?? []) {
      const href = c.type === 'link_open' ? String(c.attrGet('href') ?? '') : '';
      if (href.startsWith('q:') && href.length > 2) out.push(href.slice(2));
    }
  }
  return out;
}

/**
 * The first list directly under the first heading whose text matches `title` (any level), up to
 * the next heading of the same or a higher level. Undefined when there is no such heading;
 * `items` is empty when the heading holds no list. Linear in the answer's size.
 */
export function findSectionList(markdown: string, title: RegExp): AnswerSection | undefined {
  const tokens = markdownEngine().parse(markdown, {});
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open' || !title.test(inlineText(tokens[i + 1]))) continue;
    const level = Number(t.tag.slice(1));
    const section: AnswerSection = { line: t.map?.[0] ?? 0, items: [] };
    for (let j = i + 3; j < tokens.length; j++) {
      const u = tokens[j];
      if (u.type === 'heading_open' && Number(u.tag.slice(1)) <= level) break;
      if (u.type !== 'bullet_list_open' && u.type !== 'ordered_list_open') continue;
      const close = u.type.replace('_open', '_close');
      let k = j + 1;
      for (; k < tokens.length && !(tokens[k].type === close && tokens[k].level === u.level); k++) {
        const item = tokens[k];
        if (item.type !== 'list_item_open' || item.level !== u.level + 1 || !item.map) continue;
        let end = k + 1;
        while (end < tokens.length && !(tokens[end].type === 'list_item_close' && tokens[end].level === item.level)) end++;
        const text = itemMarkdown(lines, item.map[0], item.map[1]);
        if (text) section.items.push({ markdown: text, links: linksIn(tokens, k, end) });
        k = end;
      }
      break;
    }
    return section;
  }
  return undefined;
}
