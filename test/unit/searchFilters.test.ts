import * as assert from 'node:assert/strict';
import { parseQuery } from '../../src/core/search/searchQuery';
import { SearchIndex, type SearchDoc } from '../../src/core/search/searchIndex';
import { importanceWeight, pickWeighted } from '../../src/core/study/weightedPick';

const doc = (id: string, title: string, extra: Partial<SearchDoc>): SearchDoc => ({ id, title, topic: '计算机网络', tags: [], keywords: [], body: title, ...extra });

describe('search filters: parsing', () => {
  it('takes diff:, imp:, is:, #tag and topic: out of the text', () => {
    const q = parseQuery('diff:hard imp:>=2 #并发 topic:网络 is:unmastered is:favorite 三次握手');
    assert.equal(q.text, '三次握手');
    assert.deepEqual(q.difficulties, ['hard']);
    assert.deepEqual(q.importance, [{ op: '>=', value: 2 }]);
    assert.deepEqual(q.tags, ['并发']);
    assert.deepEqual(q.topics, ['网络']);
    assert.deepEqual(q.states, ['unmastered', 'favorite']);
    assert.deepEqual(q.invalid, []);
  });

  it('accepts Chinese aliases, prefixes and full-width colons', () => {
    assert.deepEqual(parseQuery('diff：难').difficulties, ['hard']);
    assert.deepEqual(parseQuery('难度:易 diff:med').difficulties, ['easy', 'medium']);
    assert.deepEqual(parseQuery('imp:3').importance, [{ op: '=', value: 3 }]);
    assert.deepEqual(parseQuery('imp:≤2').importance, [{ op: '<=', value: 2 }]);
    assert.deepEqual(parseQuery('is:未掌握 is:due').states, ['unmastered', 'due']);
  });

  it('keeps words that only look like filters as text, and reports values it does not know', () => {
    assert.equal(parseQuery('c# 和 note:diff:hard').text, 'c# 和 note:diff:hard');
    const bad = parseQuery('diff:extreme imp:5 is:whatever x');
    assert.deepEqual(bad.invalid, ['diff:extreme', 'imp:5', 'is:whatever']);
    assert.equal(bad.text, 'x');
  });

  it('parses in linear time on hostile input', () => {
    const hostile = 'diff:"'.repeat(20000) + ' #"'.repeat(20000) + 'imp:>'.repeat(20000);
    const q = parseQuery(hostile);
    assert.ok(q.invalid.length + q.tags.length + q.difficulties.length >= 1);
  });
});

describe('search filters: filtering', () => {
  const docs = [
    doc('hs', 'TCP 三次握手', { difficulty: 'medium', importance: 3, tags: ['TCP'] }),
    doc('cc', 'TCP 拥塞控制', { difficulty: 'hard', importance: 2, tags: ['TCP'] }),
    doc('udp', 'UDP 的应用', { difficulty: 'easy', importance: 1, tags: ['UDP'] }),
    doc('gil', 'GIL 是什么', { topic: '并发', difficulty: 'medium', importance: 3 }),
    doc('mine', '我的笔记 TCP', { topic: '我的笔记' }),
  ];
  const index = SearchIndex.build(docs);
  const ids = (query: string, accept?: (id: string, states: readonly string[]) => boolean) => index.search(query, { limit: 50, accept }).map((h) => h.id).sort();

  it('combines difficulty, importance, tag, topic and free text', () => {
    assert.deepEqual(ids('diff:hard'), ['cc']);
    assert.deepEqual(ids('imp:>=2 topic:网络'), ['cc', 'hs']);
    assert.deepEqual(ids('imp:3 TCP'), ['hs']);
    assert.deepEqual(ids('#TCP diff:medium'), ['hs']);
    assert.deepEqual(ids('diff:易 diff:难'), ['cc', 'udp']);
    assert.deepEqual(ids('imp:<3 imp:>1'), ['cc']);
    assert.deepEqual(ids('diff:nonsense'), [], 'an unknown value matches nothing rather than everything');
  });

  it('asks the caller about is: filters and leaves them alone otherwise', () => {
    const favorites = new Set(['gil', 'udp']);
    const seen: string[][] = [];
    const accept = (id: string, states: readonly string[]) => {
      seen.push([...states]);
      return favorites.has(id);
    };
    assert.deepEqual(ids('is:favorite', accept), ['gil', 'udp']);
    assert.deepEqual(ids('is:favorite imp:3', accept), ['gil']);
    assert.ok(seen.every((s) => s.join() === 'favorite'));
    seen.length = 0;
    ids('imp:3', accept);
    assert.equal(seen.length, 0, 'no is: filter, no predicate calls');
  });
});

describe('random question weighting', () => {
  it('picks important questions more often, in proportion to their weight', () => {
    const items = ['a', 'b', 'c'];
    const weight = (x: string) => importanceWeight(x === 'a' ? 3 : x === 'b' ? 2 : undefined);
    assert.deepEqual([importanceWeight(3), importanceWeight(2), importanceWeight(1), importanceWeight(undefined)], [4, 2, 1, 1]);
    // Total weight 7: [0, 4/7) → a, [4/7, 6/7) → b, [6/7, 1) → c.
    assert.equal(pickWeighted(items, weight, () => 0), 'a');
    assert.equal(pickWeighted(items, weight, () => 0.57), 'a');
    assert.equal(pickWeighted(items, weight, () => 0.58), 'b');
    assert.equal(pickWeighted(items, weight, () => 0.99), 'c');
    assert.equal(pickWeighted([], weight), undefined);
    assert.equal(pickWeighted(['x', 'y'], () => 0, () => 0.6), 'y', 'all-zero weights fall back to uniform');
  });
});
