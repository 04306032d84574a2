/**
 * Classes and ids of the pages' own parts, which their scripts look up: the pager, outline
 * and asides of the answer view, the timer and answer boxes of the practice pages.
 * Note HTML may not use them and heading anchors skip them, so a note cannot stand in for a
 * part of the page (the answer view writes my note and backlinks into `#answer-asides`, the
 * mock interview its timer into `.timer-text`). Our markup inside an answer never uses them.
 */
export const PAGE_CLASSES: ReadonlySet<string> = new Set([
  'pager', 'outline', 'answer-page', 'answer-root', 'answer-asides',
  'timer', 'timer-text', 'timer-up', 'timer-announce', 'coverage', 'suggested', 'notes', 'prediction',
]);

const PAGE_IDS: ReadonlySet<string> = new Set(['answer-root', 'answer-asides', 'interview-notes', 'interview-notes-hint', 'drill-answer']);
const POINT_ID = 'interview-point-';

/** The id of a page part's element (`interview-point-3` is the fourth key point's box). */
export function isPageId(id: string): boolean {
  return PAGE_IDS.has(id) || (id.startsWith(POINT_ID) && /^\d+$/.test(id.slice(POINT_ID.length)));
}

/** A class attribute without the page parts' classes ('' when none is left). */
export function withoutPageClasses(value: string): string {
  return value
    .split(/\s+/)
    .filter((c) => c && !PAGE_CLASSES.has(c))
    .join(' ');
}
