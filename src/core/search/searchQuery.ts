export interface ParsedQuery {
  /** What is left once filters are taken out, whitespace collapsed. */
  text: string;
  /** `#tag` filters, without the `#`. */
  tags: string[];
  /** `topic:name` / `topic:"two words"` filters. */
  topics: string[];
}

// A filter starts a word: "c#" and "note:topic:x" stay text. Full-width ＃ and ： count too,
// since Chinese input methods produce them.
const FILTER = /(^|\s)(?:[#＃]|topic[:：])(?:"([^"]*)"?|(\S*))/giu;

export function parseQuery(raw: string): ParsedQuery {
  const tags: string[] = [];
  const topics: string[] = [];
  const text = raw.replace(FILTER, (match: string, lead: string, quoted: string | undefined, bare: string | undefined) => {
    const value = (quoted ?? bare ?? '').trim();
    const isTag = /^\s*[#＃]/u.test(match);
    if (value) (isTag ? tags : topics).push(value);
    return lead;
  });
  return { text: text.replace(/\s+/g, ' ').trim(), tags, topics };
}

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g;
// Sentence punctuation carries no meaning in a query ("生成器是什么？").
const EDGE_PUNCT = /^[?!,.;:。，、？！：；“”‘’"'()（）《》【】]+|[?!,.;:。，、？！：；“”‘’"'()（）《》【】]+$/g;

/**
 * Search terms of folded query text: words split on spaces and where Han
 * meets Latin ("python装饰器" → python, 装饰器), edge punctuation trimmed,
 * duplicates dropped. Operators such as "==" or "__eq__" survive.
 */
export function queryTerms(folded: string): string[] {
  const out: string[] = [];
  for (const word of folded.split(/\s+/)) {
    for (const part of word.match(HAN_RUN) ?? []) {
      const term = part.replace(EDGE_PUNCT, '');
      if (term && !out.includes(term)) out.push(term);
    }
  }
  return out;
}
