// Study progress is keyed by card. A question is a card under its own key; its follow-ups and its
// output drills are cards of their own under `<questionKey>#followup-<n>` / `#output-<n>` (1-based),
// so they are scheduled apart from the question and from each other.

export type CardKind = 'question' | 'followup' | 'output';

export interface CardKey {
  kind: CardKind;
  /** The question the card belongs to. */
  questionKey: string;
  /** 1-based follow-up or example number; 0 for the question itself. */
  n: number;
}

const SUFFIX = /#(followup|output)-([1-9]\d{0,4})$/;

export const followUpKey = (questionKey: string, n: number): string => `${questionKey}#followup-${n}`;
export const outputKey = (questionKey: string, n: number): string => `${questionKey}#output-${n}`;

export function parseCardKey(key: string): CardKey {
  const m = SUFFIX.exec(key);
  if (!m || m.index === 0) return { kind: 'question', questionKey: key, n: 0 };
  return { kind: m[1] as 'followup' | 'output', questionKey: key.slice(0, m.index), n: Number(m[2]) };
}

/** Cards of the same question are siblings: the question itself and its follow-ups. */
export const familyOf = (key: string): string => parseCardKey(key).questionKey;
