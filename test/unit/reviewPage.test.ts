import * as assert from 'node:assert/strict';
import { fill, formatInterval, reviewPageHtml, type ReviewCard, type ReviewLabels, type ReviewPageParts } from '../../src/core/render/reviewPage';
import { previewIntervals } from '../../src/core/study/scheduler';
import { recallPercent } from '../../src/core/render/reviewPage';

const units = { today: 'today', days: '{0}d', months: '{0}mo', years: '{0}y' };

const labels: ReviewLabels = {
  pageTitle: 'Review',
  position: 'Review progress',
  showAnswer: 'Show Answer',
  spaceKey: 'Space',
  ratePrompt: 'How well did you remember it?',
  recall: 'recall {0}%',
  recallTitle: 'Predicted recall',
  newCard: 'new',
  ratings: { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' },
  intervals: units,
  summaryTitle: 'Review complete',
  summaryReviewed: '{0} questions reviewed',
  summaryCounts: 'Answers by rating',
  showProgress: 'Show Progress',
};

const card: ReviewCard = { kind: 'card', questionId: 'python-gil', title: '什么是 GIL？', topicPath: 'Python 基础 / 并发', index: 2, total: 12 };
const answerHtml = '<p class="answer-marker">GIL 是全局解释器锁。</p>';

function page(over: Partial<ReviewPageParts> = {}): string {
  return reviewPageHtml({
    view: card,
    nonce: 'n0nce123',
    cspSource: 'https://webview.test',
    styleUris: ['https://webview.test/answer.css', 'https://webview.test/review.css'],
    scriptUri: 'https://webview.test/review.js',
    lang: 'zh-cn',
    labels,
    ...over,
  });
}

const ratingButtons = (html: string) => [...html.matchAll(/<button[^>]*data-action="rate"[^>]*data-rating="(\w+)"[^>]*>(.*?)<\/button>/g)].map((m) => ({ rating: m[1], text: m[2].replace(/<[^>]+>/g, '') }));

describe('review page', () => {
  it('shows the question title alone until the answer is revealed', () => {
    const html = page();
    assert.match(html, /<h1 class="question-title">什么是 GIL？<\/h1>/);
    assert.match(html, /<span class="position"[^>]*>3 \/ 12<\/span>/);
    assert.match(html, /Python 基础 \/ 并发/);
    assert.match(html, /data-action="reveal"[^>]*aria-keyshortcuts="Space"/);
    assert.match(html, /data-state="question"/);
    assert.doesNotMatch(html, /answer-marker|markdown-body/);
    assert.deepEqual(ratingButtons(html), []);
  });

  it('after reveal shows the answer and four rating buttons labelled with their next interval', () => {
    const intervals = { again: 0, hard: 12, good: 25, easy: 33 };
    const html = page({ view: { ...card, answer: { html: answerHtml, intervals } } });
    assert.ok(html.includes(answerHtml), 'the sanitised answer HTML is inserted as is');
    assert.match(html, /data-state="answer"/);
    assert.doesNotMatch(html, /data-action="reveal"/);
    assert.deepEqual(ratingButtons(html), [
      { rating: 'again', text: 'Again · today 1' },
      { rating: 'hard', text: 'Hard · 12d 2' },
      { rating: 'good', text: 'Good · 25d 3' },
      { rating: 'easy', text: 'Easy · 1.1mo 4' },
    ]);
    for (let key = 1; key <= 4; key++) assert.match(html, new RegExp(`aria-keyshortcuts="${key}"`));
  });

  it('labels the buttons with FSRS intervals, shortest for again', () => {
    const intervals = previewIntervals({ stability: 10, difficulty: 5, phase: 'review', intervalDays: 10, reps: 3, lapses: 0, due: '2024-05-10', lastReviewed: '2024-04-30' }, '2024-05-10');
    const texts = ratingButtons(page({ view: { ...card, answer: { html: answerHtml, intervals } } })).map((b) => b.text);
    assert.equal(texts[0], 'Again · 1d 1');
    assert.ok(intervals.hard < intervals.good && intervals.good < intervals.easy);
  });

  it('shows the predicted recall of a reviewed card, "new" for one never reviewed', () => {
    assert.match(page({ view: { ...card, recall: 0.724 } }), /<span class="recall"[^>]*>recall 72%<\/span>/);
    assert.match(page(), /<span class="recall"[^>]*>new<\/span>/);
    assert.equal(recallPercent(0.996), 99);
    assert.equal(recallPercent(1), 100);
    assert.equal(recallPercent(-1), 0);
  });

  it('formats intervals compactly with translated units', () => {
    assert.equal(formatInterval(0, units), 'today');
    assert.equal(formatInterval(1, units), '1d');
    assert.equal(formatInterval(29, units), '29d');
    assert.equal(formatInterval(45, units), '1.5mo');
    assert.equal(formatInterval(365, units), '1y');
    assert.equal(formatInterval(3, { ...units, days: '{0} 天' }), '3 天');
    assert.equal(fill('{0} due · {1} new · {2}', 3, 'x'), '3 due · x new · {2}');
  });

  it('ends with a summary of the ratings given and a Show Progress button', () => {
    const html = page({ view: { kind: 'summary', reviewed: 5, counts: { again: 2, hard: 0, good: 4, easy: 1 } } });
    assert.match(html, /data-state="summary"/);
    assert.doesNotMatch(html, /data-question-id/);
    assert.match(html, /5 questions reviewed/);
    const counts = [...html.matchAll(/<li class="count count-(\w+)">.*?<span class="count-value">(\d+)<\/span><\/li>/g)].map((m) => [m[1], Number(m[2])]);
    assert.deepEqual(counts, [['again', 2], ['hard', 0], ['good', 4], ['easy', 1]]);
    assert.match(html, /<button[^>]*data-action="showProgress"[^>]*>Show Progress<\/button>/);
  });

  it('escapes every piece of text and every URL', () => {
    const evil = '<img src=x onerror=alert(1)>"';
    const html = page({
      view: { ...card, questionId: `q"><script>`, title: evil, topicPath: evil, answer: { html: '', intervals: { again: 0, hard: 1, good: 2, easy: 3 } } },
      lang: `en"><script>`,
      styleUris: [`https://x/"><script>`],
      scriptUri: `https://x/"><script>`,
      labels: { ...labels, pageTitle: evil, ratings: { ...labels.ratings, good: evil }, intervals: { ...units, days: evil } },
    });
    assert.doesNotMatch(html, /<img src=x/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'only the page script');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&quot;'));
  });

  it('has a strict CSP with the nonce on its one script and no inline styles', () => {
    const html = page({ view: { ...card, answer: { html: answerHtml, intervals: { again: 0, hard: 1, good: 3, easy: 5 } } } });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    assert.equal(csp, `default-src 'none'; img-src https://webview.test data:; style-src https://webview.test; script-src 'nonce-n0nce123'`);
    assert.match(html, /<script nonce="n0nce123" src="https:\/\/webview.test\/review.js"><\/script>/);
    assert.doesNotMatch(html, /\sstyle=|<style|\son\w+=|unsafe-inline/);
    assert.match(page({ allowRemoteImages: true }), /img-src https:\/\/webview.test https: data:/);
  });
});
