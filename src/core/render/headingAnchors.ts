import type { MarkdownIt, Token } from 'markdown-it';
import { isPageId } from './pageParts';

/** A heading of an answer, in document order, as the outline lists it. */
export interface OutlineEntry {
  level: number;
  text: string;
  /** The heading's id: stable for the same text, unique within one answer. */
  slug: string;
}

/** What the heading rule leaves in the render env. */
export interface OutlineEnv {
  [key: string | symbol]: unknown;
  outline?: OutlineEntry[];
}

/**
 * GitHub-style slug that keeps Chinese (and any letter or digit): "GIL 是什么？" → "gil-是什么".
 * Never empty, so every heading can be linked.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-');
  // Runs of '-' are single by now: trimming one at each end is enough (and linear).
  const trimmed = slug.slice(slug.startsWith('-') ? 1 : 0, slug.endsWith('-') ? -1 : undefined);
  return trimmed || 'section';
}

/** Hands out unique slugs for one document: a repeated heading gets "-1", "-2", …; page parts' ids are never handed out. */
export class SlugSet {
  private readonly used = new Set<string>();
  /** Next suffix to try per base, so a file with thousands of "示例" headings stays linear. */
  private readonly next = new Map<string, number>();

  take(text: string): string {
    const base = slugify(text);
    let slug = base;
    let n = this.used.has(base) ? (this.next.get(base) ?? 1) : 1;
    for (; this.used.has(slug) || isPageId(slug); n++) slug = `${base}-${n}`;
    this.next.set(base, n);
    this.used.add(slug);
    return slug;
  }
}

function inlineText(token: Token | undefined): string {
  return token?.children?.map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('') ?? '';
}

/**
 * markdown-it plugin: every heading gets a stable, de-duplicated id, and the
 * render env collects the outline, so one pass gives both the HTML and the TOC.
 */
export function headingAnchors(md: MarkdownIt): void {
  md.core.ruler.push('heading_anchors', (state) => {
    const slugs = new SlugSet();
    const outline: OutlineEntry[] = [];
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type !== 'heading_open') continue;
      const text = inlineText(tokens[i + 1]).trim();
      const slug = slugs.take(text);
      token.attrSet('id', slug);
      outline.push({ level: Number(token.tag.slice(1)), text, slug });
    }
    const env = state.env as OutlineEnv | undefined;
    if (env && typeof env === 'object') env.outline = outline;
  });
}

/** Sections worth a table of contents: the shallowest heading level present, counted. */
export function outlineSections(outline: readonly OutlineEntry[]): number {
  if (outline.length === 0) return 0;
  const top = Math.min(...outline.map((e) => e.level));
  return outline.filter((e) => e.level === top).length;
}

/** Answers with at least this many sections show an outline. */
export const OUTLINE_MIN_SECTIONS = 3;
