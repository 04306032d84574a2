import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { keywordPinyin, pinyinKeys } from '../../src/core/search/pinyinKeys';
import { foldText } from '../../src/core/search/plainText';
import { SearchIndex, type SearchDoc } from '../../src/core/search/searchIndex';
import { SEP, matchShort, setLetterMasks, termInfo, type Entry } from '../../src/core/search/searchMatch';

// Words in every script the index treats differently: Han (with pinyin), Latin, digits, symbols, surrogates, nothing.
const WORDS = ['生成器', '装饰器', '闭包', '和', '是什么', 'shengchengqi', 'scq', 'generator', 'decorator', 'gil', 'GIL', 'is', '==', 'list', 'lis', 'shuffle', '__init__', 'Ｐｙｔｈｏｎ', '😀', '\ud800', 'x', 'i', '', ' '];
const text = fc.tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), fc.constantFrom(' ', '', '，')).map(([ws, sep]) => ws.join(sep));
const docs = fc.array(
  fc.record({ title: text, keywords: fc.array(text, { maxLength: 4 }), body: fc.array(fc.constantFrom(...WORDS, '**', '`', '\n', '# '), { maxLength: 30 }).map((ws) => ws.join(' ')) }),
  { minLength: 1, maxLength: 25 },
).map((list) => list.map((d, i): SearchDoc => ({ id: `q${i}`, topic: 't', tags: [], ...d })));
/** A query typed key by key (every prefix), or pasted whole. */
const typing = fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([ws, typed]) => {
  const q = ws.join(' ');
  return typed ? Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)) : [q];
});

describe('search: what the index remembers between keystrokes', () => {
  it('gives every query the hits a fresh index gives it', () => {
    fc.assert(fc.property(docs, fc.array(typing, { minLength: 1, maxLength: 5 }), fc.constantFrom(1, 3, 20), (list, queries, limit) => {
      const index = SearchIndex.build(list);
      for (const q of queries.flat()) {
        assert.deepEqual(index.search(q, { limit }), SearchIndex.build(list).search(q, { limit }), JSON.stringify(q));
      }
    }), { numRuns: 150 });
  });

  it('keeps results right when a filtered query comes between unfiltered ones', () => {
    const list: SearchDoc[] = [
      { id: 'a', title: '生成器是什么', topic: 'Python', tags: ['函数'], keywords: ['generator'], body: 'yield 生成器' },
      { id: 'b', title: 'generator expression', topic: 'Python', tags: ['语法'], keywords: ['生成器表达式'], body: '惰性' },
      { id: 'c', title: '闭包和装饰器', topic: '网络', tags: ['函数'], keywords: ['closure'], body: 'generator 闭包' },
    ];
    const index = SearchIndex.build(list);
    for (const q of ['g', 'ge', 'gen', '#函数 gen', 'gen', 'generator', '#语法 generator', 'generator', 'g', '生', '#函数 生', '生']) {
      assert.deepEqual(index.search(q, { limit: 2 }), SearchIndex.build(list).search(q, { limit: 2 }), q);
    }
  });
});

describe('search: letter masks', () => {
  const ALL = (1 << 26) - 1;
  const entryOf = (title: string, keywords: string[]): Entry => {
    const t = foldText(title);
    const ks = keywords.map(foldText);
    const py = ks.map((k) => keywordPinyin(k)).filter((p): p is [string, string] => p !== undefined);
    const joined = (xs: string[]) => (xs.length ? SEP + xs.join(SEP) + SEP : '');
    return setLetterMasks({ title: t, keywords: joined(ks), pinyin: pinyinKeys(t), keywordFull: joined(py.map((p) => p[0])), keywordInitials: joined(py.map((p) => p[1])), tags: [], topic: '', body: '', titleLetters: 0, keywordLetters: 0, pinyinStarts: 0, keywordPinyinStarts: 0 });
  };
  const match = (term: string, e: Entry) => {
    const m = { score: 0, kind: 0 };
    matchShort(termInfo(term), e, m);
    return m;
  };

  it('rule out only fields that cannot hold the term: matching is the same without them', () => {
    const piece = fc.constantFrom(...WORDS, 'sheng', 'cheng', 'qi', 'zhuang', 'a', 'q', 'z', '\u0001');
    const words = fc.array(piece, { maxLength: 5 }).map((ws) => ws.join(''));
    fc.assert(fc.property(words, fc.array(words, { maxLength: 4 }), piece, fc.nat(8), (title, keywords, seed, cut) => {
      const e = entryOf(title, keywords);
      const unmasked: Entry = { ...e, titleLetters: ALL, keywordLetters: ALL, pinyinStarts: ALL, keywordPinyinStarts: ALL };
      // Terms: pieces of the fields (so that many match), and a random piece.
      const fields = [e.title, e.keywords, e.pinyin?.full ?? '', e.pinyin?.initials ?? '', e.keywordFull, e.keywordInitials];
      const terms = [foldText(seed), ...fields.map((f) => f.slice(cut % Math.max(1, f.length), (cut % Math.max(1, f.length)) + 1 + (cut % 4)))].filter((t) => t && !t.includes(SEP));
      for (const term of terms) assert.deepEqual(match(term, e), match(term, unmasked), JSON.stringify([term, title, keywords]));
    }), { numRuns: 3000 });
  });
});
