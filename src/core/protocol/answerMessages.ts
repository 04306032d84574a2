// The answer page's messages in both directions, imported by the host (views/answerPanel.ts)
// and the page's script (webview/main.ts). What the page sends is checked on arrival.

/** Messages the answer webview may send. Anything else is rejected on arrival. */
export type AnswerMessage =
  | { type: 'ready'; questionId: string }
  | { type: 'openExample'; questionId: string; index: number }
  | { type: 'copyExample'; questionId: string; index: number }
  /** Opens the example as a predict-the-output drill. */
  | { type: 'predictOutput'; questionId: string; index: number }
  | { type: 'openQuestion'; id: string; section?: string }
  | { type: 'openLink'; questionId: string; href: string }
  | { type: 'openSource'; questionId: string }
  | { type: 'toggleMastered'; questionId: string }
  | { type: 'toggleFavorite'; questionId: string }
  | { type: 'navigate'; direction: 'next' | 'previous' }
  | { type: 'editMyNote'; questionId: string }
  /** The page shows this question now; `pageId` is fixed for the life of the document. */
  | { type: 'shown'; questionId: string; pageId: string };

/** Messages the host posts to the answer webview. */
export type AnswerHostMessage =
  | { type: 'studyState'; mastered: boolean; favorite: boolean }
  /** Another question (or the same, updated) in the open page: one message, one DOM update. */
  | { type: 'show'; questionId: string; title: string; html: string; scroll: 'top' | 'keep' | { section: string } }
  /** My note and "Linked from" under the answer: the second message after `show`, or after the page is ready. */
  | { type: 'asides'; questionId: string; html: string }
  | { type: 'typography'; fontSize?: number; fontFamily?: string; lineHeight?: number };

/** State the webview keeps so the panel can be restored after a reload. */
export interface AnswerViewState {
  questionId: string;
}

const MAX_TEXT = 2048;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10_000;

export function parseAnswerMessage(raw: unknown): AnswerMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return isText(m.questionId) ? { type: 'ready', questionId: m.questionId } : undefined;
    case 'openExample':
    case 'copyExample':
    case 'predictOutput':
      return isText(m.questionId) && isIndex(m.index) ? { type: m.type, questionId: m.questionId, index: m.index } : undefined;
    case 'openQuestion':
      if (!isText(m.id)) return undefined;
      if (m.section === undefined) return { type: 'openQuestion', id: m.id };
      return isText(m.section) ? { type: 'openQuestion', id: m.id, section: m.section } : undefined;
    case 'editMyNote':
      return isText(m.questionId) ? { type: 'editMyNote', questionId: m.questionId } : undefined;
    case 'shown':
      return isText(m.questionId) && isText(m.pageId) ? { type: 'shown', questionId: m.questionId, pageId: m.pageId } : undefined;
    case 'openLink':
      return isText(m.questionId) && isText(m.href) ? { type: 'openLink', questionId: m.questionId, href: m.href } : undefined;
    case 'openSource':
    case 'toggleMastered':
    case 'toggleFavorite':
      return isText(m.questionId) ? { type: m.type, questionId: m.questionId } : undefined;
    case 'navigate':
      return m.direction === 'next' || m.direction === 'previous' ? { type: 'navigate', direction: m.direction } : undefined;
    default:
      return undefined;
  }
}

export function parseViewState(raw: unknown): AnswerViewState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as Record<string, unknown>).questionId;
  return isText(id) ? { questionId: id } : undefined;
}
