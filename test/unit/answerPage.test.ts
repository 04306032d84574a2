import * as assert from 'node:assert/strict';
import { answerAsidesHtml, answerContentHtml, answerPageHtml, outlineHtml, typographyCss, withAnswerContent, withAsides, type AnswerContentParts } from '../../src/core/render/answerPage';

const labels: AnswerContentParts['labels'] = {
  openSource: 'Open Source File', mastered: 'Mastered', favorite: 'Favorite', previous: 'Previous', next: 'Next',
  difficulty: { easy: 'Easy' }, outline: '目录', myNote: '我的笔记', editMyNote: 'Edit My Note', linkedFrom: '被引用',
};
const content = (over: Partial<AnswerContentParts> = {}): AnswerContentParts => ({
  question: { id: 'gil', title: 'GIL <是什么>', tags: [], difficulty: undefined },
  topicTitle: 'Python',
  bodyHtml: '<h2 id="要点">要点</h2>',
  outline: [],
  position: '1 / 2',
  study: { mastered: false, favorite: true },
  backlinks: [],
  labels,
  ...over,
});

describe('answer page', () => {
  it('shows an outline only from three sections on, with encoded anchors and nested levels', () => {
    const three = [
      { level: 2, text: '要点', slug: '要点' },
      { level: 3, text: 'a "b"', slug: 'a-b' },
      { level: 4, text: 'deep', slug: 'deep' },
      { level: 2, text: '详解', slug: '详解' },
      { level: 2, text: '易错点', slug: '易错点' },
    ];
    const html = outlineHtml(three, '目录');
    assert.match(html, /<nav class="outline" aria-label="目录"><details open><summary>目录<\/summary>/);
    assert.match(html, /<li class="outline-level-0"><a href="#%E8%A6%81%E7%82%B9" data-anchor="要点" aria-current="location">要点<\/a><\/li>/);
    assert.equal(html.match(/aria-current/g)?.length, 1, 'only the first entry starts as the one being read');
    assert.match(html, /<li class="outline-level-1"><a href="#a-b" data-anchor="a-b">a &quot;b&quot;<\/a>/);
    assert.doesNotMatch(html, /deep/);
    assert.equal(outlineHtml(three.slice(0, 4), '目录'), '');
  });

  it('puts my note and the backlinks under the answer, escaped', () => {
    const html = answerContentHtml(content({ myNoteHtml: '<p>mine</p>', backlinks: [{ id: 'a"b', title: '<x>' }] }));
    assert.ok(html.indexOf('markdown-body') < html.indexOf('class="my-note"'));
    assert.ok(html.indexOf('class="my-note"') < html.indexOf('class="backlinks"'));
    assert.match(html, /<h2 class="aside-title">我的笔记<\/h2>/);
    assert.match(html, /data-question="a&quot;b">&lt;x&gt;<\/a>/);
    assert.match(html, /GIL &lt;是什么&gt;/);
    assert.doesNotMatch(answerContentHtml(content()), /my-note|backlinks/);
  });

  it('the asides sent after the answer land in their place under it, in the content and in a whole page', () => {
    const parts = content({ myNoteHtml: '<p>mine</p>', backlinks: [{ id: 'x', title: 'X' }] });
    const asides = answerAsidesHtml(parts);
    assert.match(asides, /^<section class="my-note"[\s\S]*<section class="backlinks"/);
    const bare = answerContentHtml(content());
    assert.equal(withAsides(bare, asides), answerContentHtml(parts));
    const page = answerPageHtml({ ...content(), nonce: 'N', cspSource: 'c', styleUri: 's', scriptUri: 'w', allowRemoteImages: false, lang: 'en', typography: {} });
    const filled = withAsides(page, asides);
    assert.ok(filled.indexOf('class="markdown-body"') < filled.indexOf('<p>mine</p>'));
    assert.ok(filled.indexOf('<p>mine</p>') < filled.indexOf('</article>'));
    assert.equal(withAsides(withAsides(page, asides), ''), page, 'replaced, not added to');
  });

  it('typography becomes custom properties that cannot escape CSS', () => {
    assert.equal(typographyCss({ fontSize: 16, fontFamily: '"LXGW WenKai", serif', lineHeight: 1.7 }), ':root { --answer-font-size: 16px; --answer-font-family: "LXGW WenKai", serif; --answer-line-height: 1.7; }');
    assert.equal(typographyCss({ fontFamily: 'x; } body { display: none } </style><script>' }), ':root { --answer-font-family: x  body  display none  stylescript; }');
    assert.equal(typographyCss({ fontSize: 1e9, lineHeight: Number.NaN }), '');
  });

  it('a page allows its one inline style by nonce only, and a swapped page shows the new content', () => {
    const page = answerPageHtml({
      ...content(), nonce: 'N1', cspSource: 'vscode-webview:', styleUri: 's.css', scriptUri: 'w.js', allowRemoteImages: false, lang: 'en',
      typography: { fontSize: 15 },
    });
    assert.match(page, /style-src vscode-webview: 'nonce-N1'/);
    assert.doesNotMatch(page, /unsafe-inline/);
    assert.match(page, /<style nonce="N1">:root \{ --answer-font-size: 15px; \}<\/style>/);
    const swapped = withAnswerContent(page, answerContentHtml(content({ question: { id: 'b', title: 'Second', tags: [] } })));
    assert.match(swapped, /<h1 class="question-title">Second<\/h1>/);
    assert.doesNotMatch(swapped, /<h1 class="question-title">GIL/);
    assert.match(swapped, /<script nonce="N1" src="w.js">/);
    const plain = answerPageHtml({ ...content(), nonce: 'N2', cspSource: 'c', styleUri: 's', scriptUri: 'w', allowRemoteImages: false, lang: 'en', typography: {} });
    assert.match(plain, /style-src c; /);
    assert.doesNotMatch(plain, /<style/);
  });
});
