import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isWhitespace } from '../../src/core/search/markupScanner';
import { foldText, foldUnit } from '../../src/core/search/plainText';
import { GramSignatures, TextPool } from '../../src/core/search/gramSignature';
import { MarkupScanner } from '../../src/core/search/markupScanner';
import { pinyinKeys } from '../../src/core/search/pinyinKeys';
import { SearchIndex, markdownToPlainText, parseQuery, type SearchDoc, type SearchHit } from '../../src/core/search/searchIndex';

const doc = (id: string, title: string, keywords: string[], body: string, topic = 'Python 基础', tags: string[] = []): SearchDoc => ({ id, title, topic, tags, keywords, body });

// Input order is deliberately not the expected ranking order.
const DOCS: SearchDoc[] = [
  doc('body-coroutine', '事件循环是怎么调度任务的？', ['event loop', 'asyncio'], '## 要点\n\n事件循环负责调度**协程**：每个任务在 `await` 处让出控制权。', '并发编程', ['并发']),
  doc('keyword-coroutine', '异步编程有哪些模型？', ['async', '协程', 'callback'], '回调、Future 与 async/await 三种写法。', '并发编程', ['并发']),
  doc('title-coroutine', '协程是什么？', ['coroutine'], '协程是可以暂停和恢复的函数。', '并发编程', ['并发']),
  doc('generator', '生成器是什么？和迭代器有什么区别？', ['generator', 'iterator', 'yield', '生成器'], '## 要点\n\n- **生成器**函数里含有 `yield`，调用后返回一个生成器对象。\n- 生成器是惰性的迭代器。', 'Python 基础', ['函数']),
  doc('decorator', '装饰器怎么写？带参数的装饰器呢？', ['decorator', 'functools.wraps', '装饰器'], '装饰器接收一个函数并返回新函数，记得用 [functools.wraps](https://docs.python.org) 保留元数据。', 'Python 基础', ['函数']),
  doc('gil', 'GIL 是什么？为什么多线程不快？', ['GIL', 'global interpreter lock', '全局解释器锁'], 'CPython 的 GIL 让同一时刻只有一个线程执行字节码。', '并发编程', ['并发', 'CPython']),
  doc('bloom', '如何判断海量数据里某个元素是否存在？', ['bloom filter', '布隆过滤器', 'bitmap'], '布隆过滤器用多个哈希函数把元素映射到位数组；可能误判存在，但不会漏判。', '系统设计', ['系统设计']),
  doc('list', '列表和元组有什么区别？', ['list', 'tuple', 'mutable'], 'list 可变，tuple 不可变。Python 里两者都是序列。', 'Python 基础', ['数据类型']),
];

const index = SearchIndex.build(DOCS);
const ids = (hits: SearchHit[]) => hits.map((h) => h.id);
const titleOf = (id: string) => DOCS.find((d) => d.id === id)?.title ?? '';
const highlighted = (hit: SearchHit) => hit.titleRanges.map(([a, b]) => titleOf(hit.id).slice(a, b));


/** The #tag / topic: part of a parsed query (the other filters have their own tests). */
const textTagsTopics = (raw: string) => {
  const { text, tags, topics } = parseQuery(raw);
  return { text, tags, topics };
};

describe('search', () => {
  it('returns nothing for an empty or blank query', () => {
    assert.deepEqual(index.search(''), []);
    assert.deepEqual(index.search('   '), []);
    assert.deepEqual(index.search('# topic:'), []);
  });

  it('ranks a title match above a keyword match above an answer match', () => {
    const hits = index.search('协程');
    assert.deepEqual(ids(hits).slice(0, 3), ['title-coroutine', 'keyword-coroutine', 'body-coroutine']);
    assert.deepEqual(hits.slice(0, 3).map((h) => h.matchedIn), ['title', 'keywords', 'body']);
    assert.ok(hits[0].score < hits[1].score && hits[1].score < hits[2].score);
  });

  it('ranks the same whatever the limit (kept-best list or full sort)', () => {
    for (const q of ['是', 'python', 'sheng', '生成器 迭代器', 'decorater']) {
      const wide = ids(index.search(q, { limit: 500 }));
      for (const limit of [1, 3, 20, 64, 65]) assert.deepEqual(ids(index.search(q, { limit })), wide.slice(0, limit), `${q} @${limit}`);
    }
  });

  it('keeps scores within 0..1 in ascending order and honours the limit', () => {
    const hits = index.search('是', { limit: 3 });
    assert.equal(hits.length, 3);
    for (let i = 0; i < hits.length; i++) {
      assert.ok(hits[i].score >= 0 && hits[i].score <= 1);
      if (i > 0) assert.ok(hits[i - 1].score <= hits[i].score);
    }
    assert.ok(index.search('是').length > 3);
  });

  it('matches English keywords case-insensitively and full-width letters as half-width', () => {
    for (const q of ['GIL', 'gil', 'ＧＩＬ']) {
      const [top] = index.search(q);
      assert.equal(top.id, 'gil', q);
      assert.deepEqual(highlighted(top), ['GIL']);
    }
    assert.equal(index.search('decorator')[0].id, 'decorator');
    assert.equal(index.search('decorator')[0].matchedIn, 'keywords');
  });

  it('finds Han titles by full pinyin, a pinyin prefix and initials, highlighting the Han', () => {
    const cases: [string, string][] = [['shengchengqi', '生成器'], ['shengch', '生成'], ['scq', '生成器'], ['SCQ', '生成器'], ['sc', '生成']];
    for (const [q, marked] of cases) {
      const [top] = index.search(q);
      assert.equal(top.id, 'generator', q);
      assert.equal(top.matchedIn, 'pinyin', q);
      assert.deepEqual(highlighted(top), [marked], q);
    }
    assert.equal(index.search('xiecheng')[0].id, 'title-coroutine');
    // Offsets stay right after characters outside the BMP and after Latin words.
    const emoji = SearchIndex.build([doc('snake', '🐍 Python 里的生成器', [], '')]);
    const [hit] = emoji.search('scq');
    assert.deepEqual(hit.titleRanges.map(([a, b]) => '🐍 Python 里的生成器'.slice(a, b)), ['生成器']);
    assert.deepEqual(emoji.search('pythonlide')[0].titleRanges.map(([a, b]) => '🐍 Python 里的生成器'.slice(a, b)), ['Python 里的']);
  });

  it('finds Han keywords by their pinyin and initials', () => {
    assert.equal(index.search('quanjujieshiqisuo')[0].id, 'gil');
    assert.equal(index.search('qjjsqs')[0].id, 'gil');
    assert.equal(index.search('blglq')[0].id, 'bloom');
  });

  it('tolerates typos in English terms and in pinyin', () => {
    assert.equal(index.search('decorater')[0].id, 'decorator');
    assert.equal(index.search('genrator')[0].id, 'generator');
    assert.equal(index.search('blom filtr')[0].id, 'bloom');
    const [pinyin] = index.search('shengchenqi');
    assert.equal(pinyin.id, 'generator');
    assert.equal(pinyin.matchedIn, 'pinyin');
    assert.ok(highlighted(pinyin)[0].startsWith('生成'));
  });

  it('requires every word of a multi-word or mixed query', () => {
    assert.equal(index.search('bloom filter')[0].id, 'bloom');
    const mixed = index.search('python 装饰器');
    assert.equal(mixed[0].id, 'decorator');
    assert.equal(index.search('python装饰器')[0].id, 'decorator');
    // "tuple" and "coroutine" never meet in one question; the question with both would come first.
    const none = index.search('tuple coroutine');
    assert.ok(none.every((h) => h.score >= 0.9), 'only partial matches remain');
  });

  it('finds a reworded Han question by its two-char pieces', () => {
    const [top] = index.search('什么是生成器');
    assert.equal(top.id, 'generator');
    assert.deepEqual(highlighted(top), ['生成器', '什么', '什么']);
  });

  it('drops sentence punctuation from queries and survives a long pasted one', () => {
    assert.equal(index.search('协程是什么？')[0].id, 'title-coroutine');
    assert.deepEqual(index.search('？！'), []);
    const pasted = `${DOCS[6].body} ${'x'.repeat(300)}`;
    assert.equal(index.search(pasted)[0].id, 'bloom');
    assert.equal(index.search('bloom', { limit: Number.NaN }).length, 1);
  });

  it('gives title ranges that cover exactly the matched text', () => {
    const [top] = index.search('迭代器 区别');
    assert.equal(top.id, 'generator');
    assert.deepEqual(highlighted(top), ['迭代器', '区别']);
    for (const [a, b] of top.titleRanges) assert.ok(a >= 0 && b <= titleOf(top.id).length && a < b);
  });

  it('shows the answer around the match with the match marked', () => {
    const [top] = index.search('哈希');
    assert.equal(top.id, 'bloom');
    assert.equal(top.matchedIn, 'body');
    assert.ok(top.snippet.includes('哈希'));
    assert.deepEqual(top.snippetRanges.map(([a, b]) => top.snippet.slice(a, b)), ['哈希']);
    const [wraps] = index.search('functools.wraps');
    assert.equal(wraps.id, 'decorator');
    assert.ok(wraps.snippet.includes('functools.wraps'), 'link text survives, URL does not');
    assert.ok(!wraps.snippet.includes('https://'));
    assert.ok(!/\n/.test(wraps.snippet) && wraps.snippet.length <= 82);
  });

  it('uses the first line of the answer as snippet when the answer does not hold the term', () => {
    const [top] = index.search('scq');
    assert.equal(top.snippet, '生成器函数里含有 yield，调用后返回一个生成器对象。');
    assert.deepEqual(top.snippetRanges, []);
  });

  it('filters by #tag and topic:, alone in input order or with text', () => {
    const onlyFilter = index.search('#函数');
    assert.deepEqual(ids(onlyFilter), ['generator', 'decorator']);
    assert.ok(onlyFilter.every((h) => h.matchedIn === 'filter' && h.score === 0));
    assert.deepEqual(ids(index.search('topic:并发编程')), ['body-coroutine', 'keyword-coroutine', 'title-coroutine', 'gil']);
    assert.deepEqual(ids(index.search('topic:"python 基础" 装饰器')), ['decorator']);
    assert.deepEqual(ids(index.search('topic:系统设计 生成器')), []);
    assert.deepEqual(ids(index.search('#并发 #cpython')), ['gil']);
    assert.deepEqual(ids(index.search('协程 #并发')).slice(0, 3), ['title-coroutine', 'keyword-coroutine', 'body-coroutine']);
  });

  it('gives the same answers while typing as for a pasted query (prefix cache)', () => {
    const alphabet = ['b', 's', 'h', 'e', 'n', 'g', 'c', 'q', 'i', 'l', 'o', 'a', ' ', '生', '成', '器', '协', '程', '是', 'y', 'd'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 8 }), (chars) => {
        const typed = SearchIndex.build(DOCS);
        const q = chars.join('');
        for (let i = 1; i < chars.length; i++) typed.search(chars.slice(0, i).join(''));
        assert.deepEqual(typed.search(q), SearchIndex.build(DOCS).search(q));
      }),
      { numRuns: 150 },
    );
  });
});

describe('parseQuery', () => {
  it('takes #tags and topic: filters out of the text anywhere in the query', () => {
    assert.deepEqual(textTagsTopics('python #函数 topic:"Python 基础"  装饰器'), { text: 'python 装饰器', tags: ['函数'], topics: ['Python 基础'] });
    assert.deepEqual(textTagsTopics('topic:网络 握手 ＃TCP'), { text: '握手', tags: ['TCP'], topics: ['网络'] });
    assert.deepEqual(textTagsTopics('TOPIC：并发'), { text: '', tags: [], topics: ['并发'] });
  });

  it('leaves # inside a word and an empty filter alone', () => {
    assert.deepEqual(textTagsTopics('c# 基础'), { text: 'c# 基础', tags: [], topics: [] });
    assert.deepEqual(textTagsTopics('# topic: 生成器'), { text: '生成器', tags: [], topics: [] });
    assert.deepEqual(textTagsTopics('topic:"two wo'), { text: '', tags: [], topics: ['two wo'] });
  });
});

describe('markdownToPlainText', () => {
  it('keeps the words and code, drops the markup, on one line', () => {
    const md = [
      '## 要点',
      '',
      '> 引用 **粗体** *斜体* ~~删除~~ `code()` [链接](https://example.com) ![图](a.png) <https://x.y>',
      '',
      '| a | b |',
      '|---|:-:|',
      '| 1 | 2 |',
      '',
      '- [ ] 任务',
      '1. 第一',
      '```python',
      'def __init__(self): pass',
      '```',
      '<details><summary>更多</summary>内容</details>',
    ].join('\n');
    assert.equal(markdownToPlainText(md), '要点 引用 粗体 斜体 删除 code() 链接 图 https://x.y a b 1 2 任务 第一 def __init__(self): pass 更多 内容');
  });

  it('leaves plain text and snake_case alone', () => {
    assert.equal(markdownToPlainText('a_b __eq__ 2*3*4'), 'a_b __eq__ 2*3*4');
    assert.equal(markdownToPlainText(''), '');
  });
});

describe('title pinyin', () => {
  it('reads each run of Han characters as one phrase, whatever precedes it', () => {
    // Read as a whole line, "被 subject 强引用，调用" once made 调 "tiao"; as its own run it is "diao".
    const keys = pinyinKeys(foldText('观察者被 subject 强引用，调用方'));
    assert.equal(keys?.full, 'guanchazhebeisubjectqiangyinyongdiaoyongfang');
    assert.equal(keys?.initials, 'gczbsqyydyf');
    assert.deepEqual(Array.from(keys?.fullToTitle ?? []).slice(0, 6), [0, 0, 0, 0, 1, 1]);
  });
});

describe('foldText', () => {
  it('lower-cases and maps full-width ASCII without changing the length', () => {
    const text = 'ＧＩＬ，Python　İstanbul？😀';
    assert.equal(foldText(text), 'gil,python İstanbul?😀');
    assert.equal(foldText(text).length, text.length);
  });

  it('folds a char on its own exactly as foldText does wherever foldUnit answers', () => {
    for (let c = 0; c < 0x10000; c++) {
      const f = foldUnit(c);
      if (f !== -1) assert.equal(f, foldText(String.fromCharCode(c)).charCodeAt(0), `U+${c.toString(16)}`);
    }
  });

  it('gives the same answer text when folding while adding answer signatures', () => {
    const signatures = new GramSignatures(1, 1024);
    const scanner = new MarkupScanner();
    const answerText = (md: string) => {
      const pool = new TextPool();
      signatures.addAnswer(0, scanner.strip(md), pool);
      return pool.texts()[0];
    };
    const searchText = (md: string) => foldText(markdownToPlainText(md));
    const samples = ['', '  ', 'ＧＩＬ，Python　生成器？', 'ΟΔΟΣ', 'İstanbul', 'emoji 😀 ok', 'plain ascii text', ' a  b\t\nc\u3000 ', '## 要点\n\n- **生成器** `yield`\n'];
    for (const s of samples) assert.equal(answerText(s), searchText(s), JSON.stringify(s));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => answerText(s) === searchText(s)));
    const pieces = 'aZ 生成器，。！（）ＡＺａｚ１　-_*`\t\n\u00a0\u2028\ufeff#>|[]()'.split('');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...pieces) }), (s) => answerText(s) === searchText(s)), { numRuns: 2000 });
  });

  it('finds every char pair of the answer text in the answer signature', () => {
    const signatures = new GramSignatures(1, 4096);
    const pool = new TextPool();
    signatures.addAnswer(0, new MarkupScanner().strip('## 生成器\n\n  **Yield**　和 ＧＩＬ\t是什么？ a  b'), pool);
    const text = pool.texts()[0];
    for (let i = 0; i + 2 <= text.length; i++) assert.ok(signatures.mayContain(0, signatures.keys(text.slice(i, i + 2))), JSON.stringify(text.slice(i, i + 2)));
    for (const han of '生成器和是什么') assert.ok(signatures.mayContain(0, signatures.keys(han)), han);
  });

  it('rules no answer out for a term it holds, on random answers', () => {
    const pieces = [...'生成器迭代装饰，。？ abcxyz_019 ＧＩＬ　😀\ud800*#`[]()\n'];
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (answers, pick, from) => {
      const signatures = new GramSignatures(answers.length, 256);
      const pool = new TextPool();
      const scanner = new MarkupScanner();
      answers.forEach((md, d) => signatures.addAnswer(d, scanner.strip(md), pool));
      const texts = pool.texts();
      const d = pick % answers.length;
      const text = texts[d];
      if (!text) return;
      const start = from % text.length;
      for (const term of [text.slice(start, start + 2), text.slice(start, start + 5)]) {
        if (term.length >= 2 || /[\u3400-\u9fff\uf900-\ufaff]/.test(term)) assert.ok(signatures.mayContain(d, signatures.keys(term)), JSON.stringify(term));
      }
      const one = text[start];
      if (/[\u3400-\u9fff\uf900-\ufaff]/.test(one)) assert.ok(signatures.mayContain(d, signatures.keys(one)), one);
    }), { numRuns: 2000 });
  });

  it('agrees with \\s on what whitespace is', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isWhitespace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });
});
