import type { Token } from 'markdown-it';
import { markdownEngine } from '../markdown/markdownEngine';

// What a heading or a numbered line says about itself: its plain title, the
// numbering it carries, and whether it reads as a question, a part of an
// answer, a reference list or a banner. Every pattern is anchored and free of
// overlapping quantifiers, so each runs in linear time on any input.

export interface TitleInfo {
  /** Plain text without numbering, decoration or a trailing colon; "" when nothing visible is left. */
  title: string;
  /** The number path of the numbering, e.g. [5, 1] for "5.1", [11] for "十一、". */
  number?: number[];
  /** How the number is written: "cn" (十一、), "n" (1. 1、 1）), "paren" ((1)), "q" (Q1:), "ordinal" (第1题), "circled". */
  style?: string;
  /**
   * The number is followed only by a space ("100 Core Python…"): stripped only
   * when a neighbouring heading continues the count, see `keepWeakNumber`.
   */
  weak?: string;
}

const CN_DIGITS = '零〇一二两三四五六七八九';
const CN_VALUES = [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9];
const CN_NUM = `${CN_DIGITS}十百`;
const Q_PREFIX = /^(?:Q(?:uestion)?|问题|题目|面试题|问)[ \t]?(\d{1,4})?[ \t]?(?:[.．:：、)）-][ \t]*)?/i;
const ORDINAL = new RegExp(`^第[ \\t]?([0-9${CN_NUM}]{1,6})[ \\t]?(?:[题问章节部分篇讲课][、.．:：]?|[、.．:：])[ \\t]*`);
/** "5", "5.1", "5.1.2" then a separator; "." must not be followed by a digit ("1.5倍速" is a number). */
const ARABIC = /^(\d{1,4}(?:[.．]\d{1,4}){0,4})(?:[.．](?!\d)|[、:：)）]|(?=[ \t]))[ \t]*/;
const CN = new RegExp(`^([${CN_NUM}]{1,6})[ \\t]?[、.．:：][ \\t]*`);
const PAREN = new RegExp(`^[(（【\\[][ \\t]?(\\d{1,4}|[${CN_NUM}]{1,6})[ \\t]?[)）】\\]][ \\t]*`);
const CIRCLED = /^[\u2460-\u2473\u2776-\u2793][ \t]*/;

/** Leftover Markdown markers (`**`, `---`, `#`) are decoration, not a title. */
const ONLY_MARKERS = /^[\s*_`~#=-]*$/;
const ZH_ASKS = /什么|为什么|为何|如何|怎么|怎样|区别|哪些|哪个|哪种|是否|能否|可否|有何|何时|何为|多少|对比|异同|吗[?？]?$|呢[?？]?$/;
const EN_ASKS = /^(?:what|why|how|when|where|which|who|explain|describe|compare|is|are|can|does|do|should|could|would|will|tell me)\b|\b(?:difference between|what is|how to|how do|why is|why do)\b/i;
/** Titles that name a part of an answer rather than a question. */
const PART = /^(?:示例|例子|举例|实例|代码|示例代码|代码示例|总结|小结|优点|缺点|优缺点|优势|劣势|特点|特性|原理|定义|概念|用法|使用|使用方法|使用场景|语法|注意|注意事项|实现|实现方式|答案|解析|解答|分析|说明|结论|场景|应用场景|适用场景|对比|比较|补充|扩展|演示|输出|结果|步骤|背景|问题|解决|解决方案|方案|examples?|summary|key features?|features|pros|cons|pros and cons|advantages|disadvantages|benefits|drawbacks|notes?|answer|explanation|usage|syntax|definition|overview|implementation|conclusion|output|result|steps|background|problem|solution|discussion|details|code|demo|in short|tl;dr)$/i;
const REFERENCE = /^(?:参考|参考资料|参考链接|参考文献|参考文章|相关链接|相关阅读|延伸阅读|扩展阅读|推荐阅读|拓展阅读|更多|references?|further reading|see also|resources|links|reading|read more|sources?)$/i;
const PROMO = /👉|👇|➡️|关注|公众号|扫码|二维码|点击(?:这里|此处|链接|下方)|欢迎[ \t]?star|给个[ \t]?star|加群|微信群|付费|完整版|explore all|click here|subscribe|follow (?:me|us)|check out (?:the|our|my)|download (?:the|our|my)|get (?:the|all) \d|buy (?:the|my)|star (?:this|the) repo/i;

/** Plain text of a heading's inline Markdown, without numbering, decoration or a trailing colon. "" when nothing but decoration is left. */
export function cleanHeadingTitle(raw: string): string {
  return keepWeakNumber(analyzeTitle(raw)).title;
}

export function analyzeTitle(raw: string): TitleInfo {
  const children = markdownEngine().parseInline(protectDunders(raw), {})[0]?.children ?? [];
  const text = plainText(children).replace(/\s+/g, ' ').trim();
  const first = stripNumbering(text);
  let title = first.rest;
  // A second, explicit numbering may follow a prefix ("Q1: 1. …", "<a></a>1. …" leaves none).
  if (first.number && first.style === 'q') {
    const again = stripNumbering(title);
    if (again.number && !again.weak) title = again.rest;
  }
  title = withoutTrailingColon(title).trim();
  const visible = (t: string): string => (isVisible(t) && !ONLY_MARKERS.test(t) ? t : '');
  const info: TitleInfo = { title: visible(title) };
  if (first.number) {
    info.number = first.number;
    info.style = first.style;
    if (first.weak) info.weak = visible(withoutTrailingColon(text).trim());
  }
  return info;
}

/** A weak number stays part of the title unless a neighbour continues the count. */
export function keepWeakNumber(info: TitleInfo): TitleInfo {
  return info.weak === undefined ? info : { title: info.weak };
}

interface Stripped {
  rest: string;
  number?: number[];
  style?: string;
  weak?: boolean;
}

function stripNumbering(text: string): Stripped {
  let m = Q_PREFIX.exec(text);
  if (m && m[0].length > 0 && (m[1] !== undefined || /[.．:：、)）-]/.test(m[0]))) {
    return { rest: text.slice(m[0].length).trim(), number: m[1] ? [Number(m[1])] : [0], style: 'q' };
  }
  m = ORDINAL.exec(text);
  if (m) return { rest: text.slice(m[0].length).trim(), number: [numberValue(m[1])], style: 'ordinal' };
  m = ARABIC.exec(text);
  if (m) {
    const after = text.slice(m[0].length);
    const weak = !/[.．、:：)）]/.test(m[0].slice(m[1].length)) && !/[.．]/.test(m[1]);
    // "3D 打印", "2023年" carry no separator and no space: they never match here.
    if (weak && after === '') return { rest: text };
    return { rest: after.trim(), number: m[1].split(/[.．]/).map(Number), style: 'n', weak };
  }
  m = CN.exec(text);
  if (m) return { rest: text.slice(m[0].length).trim(), number: [numberValue(m[1])], style: 'cn' };
  m = PAREN.exec(text);
  if (m) return { rest: text.slice(m[0].length).trim(), number: [numberValue(m[1])], style: 'paren' };
  m = CIRCLED.exec(text);
  if (m) {
    const code = text.charCodeAt(0);
    return { rest: text.slice(m[0].length).trim(), number: [code >= 0x2776 ? ((code - 0x2776) % 10) + 1 : code - 0x2460 + 1], style: 'circled' };
  }
  return { rest: text };
}

/** "12" → 12, "十二" → 12, "二十三" → 23, "一百零五" → 105. */
export function numberValue(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    const d = CN_DIGITS.indexOf(ch);
    if (d >= 0) digit = CN_VALUES[d];
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    }
  }
  return total + digit;
}

/** Reads as a question: ends in ？/?, or asks with 什么/如何/为什么…, What/How/Why/Explain…. */
export function asksQuestion(title: string): boolean {
  return /[?？]$/.test(title) || ZH_ASKS.test(title) || EN_ASKS.test(title);
}

/** Names a part of an answer: 示例, 总结, 优点, Key features… */
export function isPartTitle(title: string): boolean {
  return PART.test(withoutTrailingParenthesis(title).trim());
}

/** 参考 / References / 延伸阅读: a list of sources that belongs to the answer before it. */
export function isReferenceTitle(title: string): boolean {
  return REFERENCE.test(title);
}

export function isPromotion(text: string): boolean {
  return PROMO.test(text);
}

/** `__init__` outside code would parse as bold "init"; Python titles mean the dunder. */
function protectDunders(raw: string): string {
  return raw
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^\w\\])(__[A-Za-z]\w{0,40}?__)(?!\w)/g, (_m, pre: string, d: string) => pre + d.replace(/_/g, '\\_'))))
    .join('');
}

export function plainText(children: Token[]): string {
  return children
    .map((c) => {
      if (c.type === 'text' || c.type === 'code_inline' || c.type === 'text_special' || c.type === 'image') return c.content;
      return c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : '';
    })
    .join('');
}

/** Plain text of one line of inline Markdown. */
export function inlineText(raw: string): string {
  return plainText(markdownEngine().parseInline(protectDunders(raw), {})[0]?.children ?? []).trim();
}

/** False for text made only of spaces, control and format characters (zero-width spaces…). */
export function isVisible(text: string): boolean {
  return text.replace(/[\s\p{Z}\p{Cc}\p{Cf}]/gu, '') !== '';
}

/** Drops a trailing run of colons and the blanks before it; a loop, so long blank runs stay linear. */
export function withoutTrailingColon(title: string): string {
  let end = title.length;
  while (end > 0 && (title[end - 1] === ':' || title[end - 1] === '：')) end--;
  if (end === title.length) return title;
  while (end > 0 && (title[end - 1] === ' ' || title[end - 1] === '\t')) end--;
  return title.slice(0, end);
}

/** Drops a short trailing "(…)" / "（…）" remark (at most 20 characters inside). */
function withoutTrailingParenthesis(title: string): string {
  const last = title[title.length - 1];
  if (last !== ')' && last !== '）') return title;
  for (let i = title.length - 2; i >= 0 && i >= title.length - 22; i--) {
    const c = title[i];
    if (c === ')' || c === '）') return title;
    if (c === '(' || c === '（') return title.slice(0, i);
  }
  return title;
}
