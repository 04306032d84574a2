import { pinyin } from 'pinyin-pro';

/**
 * Pinyin spellings of a (folded) title so "shengchengqi" and "scq" find
 * "生成器". Latin words stay as they are in `full` and give their first letter
 * to `initials`, so mixed titles ("Python 的 GIL") still line up.
 */
export interface PinyinKeys {
  /** Syllables and Latin words without tones or spaces: "pythondegil". */
  full: string;
  /** Per char of `full`: 1 where a syllable or word starts (a match must start there). */
  fullStarts: Uint8Array;
  /** Per char of `full`: offset in the title of the char it spells. */
  fullToTitle: Uint16Array;
  /** One letter per syllable or word: "pdgil" → "pdg". */
  initials: string;
  initialsToTitle: Uint16Array;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const SYLLABLE = /^[a-zü]+$/;
const MAX_CHARS = 4000;
const PINYIN_OPTIONS = { toneType: 'none', type: 'array', v: true } as const;

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function isLatinOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Converts runs of Han characters, each distinct run once. Only Han runs go to
 * pinyin-pro (its cost grows with the text, and Latin words are kept as they
 * are anyway); a run is read as one phrase, so polyphones follow their words.
 * One per index build: titles and keywords repeat runs ("是什么", "区别").
 */
export class PinyinRuns {
  private readonly runs = new Map<string, readonly string[]>();

  /** One syllable per char of `run` (all Han), '' where pinyin-pro has none. */
  syllables(run: string): readonly string[] {
    let out = this.runs.get(run);
    if (out === undefined) {
      const raw = pinyin(run, PINYIN_OPTIONS);
      // Han chars are single UTF-16 units, and pinyin-pro gives one entry per char.
      const list = raw.length === run.length ? raw : Array.from(run, (ch) => pinyin(ch, PINYIN_OPTIONS)[0] ?? '');
      out = list.map((py) => (SYLLABLE.test(py) ? py : ''));
      this.runs.set(run, out);
    }
    return out;
  }
}

/** `folded` must already be lower-cased (see foldText). Titles without Han get no keys. */
export function pinyinKeys(title: string, runs: PinyinRuns = new PinyinRuns()): PinyinKeys | undefined {
  // Offsets are kept in 16 bits; nobody types pinyin for the 4001st char of a title.
  const folded = title.length > MAX_CHARS ? title.slice(0, MAX_CHARS) : title;
  if (!HAN.test(folded)) return undefined;
  let full = '';
  let initials = '';
  const starts: number[] = [];
  const fullTo: number[] = [];
  const initialsTo: number[] = [];
  let inWord = false;
  for (let i = 0; i < folded.length; ) {
    const c = folded.charCodeAt(i);
    if (isHan(c)) {
      let end = i + 1;
      while (end < folded.length && isHan(folded.charCodeAt(end))) end++;
      const syllables = runs.syllables(folded.slice(i, end));
      for (let k = 0; k < syllables.length; k++) {
        const py = syllables[k];
        if (!py) continue;
        for (let j = 0; j < py.length; j++) {
          starts.push(j === 0 ? 1 : 0);
          fullTo.push(i + k);
        }
        full += py;
        initials += py[0];
        initialsTo.push(i + k);
      }
      inWord = false;
      i = end;
      continue;
    }
    if (isLatinOrDigit(c)) {
      starts.push(inWord ? 0 : 1);
      fullTo.push(i);
      full += folded[i];
      if (!inWord) {
        initials += folded[i];
        initialsTo.push(i);
      }
      inWord = true;
    } else {
      inWord = false;
    }
    i++;
  }
  return {
    full,
    fullStarts: Uint8Array.from(starts),
    fullToTitle: Uint16Array.from(fullTo),
    initials,
    initialsToTitle: Uint16Array.from(initialsTo),
  };
}

/** Full pinyin and initials of a keyword ("生成器" → ["shengchengqi", "scq"]); Latin words stay. */
export function keywordPinyin(folded: string, runs?: PinyinRuns): [string, string] | undefined {
  const keys = pinyinKeys(folded, runs);
  return keys ? [keys.full, keys.initials] : undefined;
}
