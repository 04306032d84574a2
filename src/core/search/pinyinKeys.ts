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
const LATIN_OR_DIGIT = /[a-z0-9]/;
const SYLLABLE = /^[a-zü]+$/;
const MAX_CHARS = 4000;

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/** `folded` must already be lower-cased (see foldText). Titles without Han get no keys. */
export function pinyinKeys(title: string): PinyinKeys | undefined {
  // Offsets are kept in 16 bits; nobody types pinyin for the 4001st char of a title.
  const folded = title.length > MAX_CHARS ? title.slice(0, MAX_CHARS) : title;
  if (!HAN.test(folded)) return undefined;
  const syllables = pinyin(folded, { toneType: 'none', type: 'array', v: true });
  let full = '';
  let initials = '';
  const starts: number[] = [];
  const fullTo: number[] = [];
  const initialsTo: number[] = [];
  let offset = 0;
  let inWord = false;
  let k = 0;
  for (const ch of folded) {
    const py = syllables[k++] ?? ch;
    if (HAN.test(ch) && SYLLABLE.test(py)) {
      for (let j = 0; j < py.length; j++) {
        starts.push(j === 0 ? 1 : 0);
        fullTo.push(offset);
      }
      full += py;
      initials += py[0];
      initialsTo.push(offset);
      inWord = false;
    } else if (LATIN_OR_DIGIT.test(ch)) {
      starts.push(inWord ? 0 : 1);
      fullTo.push(offset);
      full += ch;
      if (!inWord) {
        initials += ch;
        initialsTo.push(offset);
      }
      inWord = true;
    } else {
      inWord = false;
    }
    offset += ch.length;
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
export function keywordPinyin(folded: string): [string, string] | undefined {
  const keys = pinyinKeys(folded);
  return keys ? [keys.full, keys.initials] : undefined;
}
