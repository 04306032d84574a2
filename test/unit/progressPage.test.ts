import * as assert from 'node:assert/strict';
import { historyChart, progressPageHtml, reviewStreak, type ProgressLabels, type ProgressPageParts } from '../../src/core/render/progressPage';
import { emptyState, recordReview, reviewHistoryByDay } from '../../src/core/study/studyState';

const labels: ProgressLabels = {
  pageTitle: 'Study Progress',
  startReview: 'Start Review',
  exportProgress: 'Export Progress…',
  importProgress: 'Import Progress…',
  mastered: 'Mastered',
  favorites: 'Favorites',
  dueToday: 'To review today',
  dueDetail: '{0} due · {1} new',
  reviews: 'Reviews (30 days)',
  streak: 'Day streak',
  topicsHeading: 'Topics',
  topic: 'Topic',
  progress: 'Progress',
  due: 'Due',
  noTopics: 'No notes are loaded.',
  historyHeading: 'Reviews in the last 30 days',
  dayTitle: '{0}: {1} reviews',
  noReviews: 'No reviews in the last 30 days yet.',
  ratings: { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' },
};

const TODAY = '2024-05-10';
const NOW = new Date('2024-05-10T12:00:00Z');

/** A state with reviews on the given days (YYYY-MM-DD) and ratings. */
function reviewed(entries: [string, string, 'again' | 'hard' | 'good' | 'easy'][]) {
  return entries.reduce((s, [id, date, rating]) => recordReview(s, id, rating, date, NOW), emptyState());
}

function page(over: Partial<ProgressPageParts> = {}): string {
  const state = reviewed([
    ['a', '2024-05-10', 'again'],
    ['a', '2024-05-10', 'good'],
    ['b', '2024-05-10', 'easy'],
    ['c', '2024-05-08', 'hard'],
  ]);
  return progressPageHtml({
    totals: { mastered: 3, total: 10, favorites: 2, due: 4, fresh: 6, reviews: 4, streak: 1 },
    topics: [
      { title: 'Python 基础', mastered: 3, total: 10, due: 4 },
      { title: 'My notes', mastered: 0, total: 0, due: 0 },
    ],
    history: reviewHistoryByDay(state, 30, TODAY),
    nonce: 'n0nce123',
    cspSource: 'https://webview.test',
    styleUris: ['https://webview.test/answer.css', 'https://webview.test/progress.css'],
    scriptUri: 'https://webview.test/progress.js',
    lang: 'zh-cn',
    labels,
    ...over,
  });
}

const dayGroups = (html: string) => [...html.matchAll(/<g class="day"[^>]*data-date="([\d-]+)" data-total="(\d+)"><title>([^<]*)<\/title>(.*?)<\/g>/gs)];
const segments = (group: string) => [...group.matchAll(/<rect class="seg seg-(\w+)" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"\/>/g)].map((m) => ({ rating: m[1], y: Number(m[2]), h: Number(m[3]) }));

describe('progress page', () => {
  it('draws one stacked bar group per day, oldest first, with a title naming its counts', () => {
    const groups = dayGroups(page());
    assert.equal(groups.length, 30);
    assert.equal(groups[0][1], '2024-04-11');
    assert.equal(groups[29][1], TODAY);
    assert.deepEqual(groups.map((g) => Number(g[2])).filter((n) => n > 0), [1, 3]);
    assert.equal(groups[29][3], '2024-05-10: 3 reviews\nAgain 1 · Hard 0 · Good 1 · Easy 1');
    assert.equal(segments(groups[0][4]).length, 0, 'a day without reviews has no bar segments');
  });

  it('stacks again at the bottom up to easy, heights in proportion to counts', () => {
    const chart = historyChart(
      [
        { date: '2024-05-09', again: 2, hard: 0, good: 1, easy: 0 },
        { date: '2024-05-10', again: 0, hard: 1, good: 0, easy: 0 },
      ],
      labels,
    );
    const [first, second] = dayGroups(chart).map((g) => segments(g[4]));
    assert.deepEqual(first.map((s) => s.rating), ['again', 'good']);
    assert.equal(first[0].h, first[1].h * 2);
    // Each segment sits directly on the one below it.
    assert.equal(first[1].y + first[1].h, first[0].y);
    assert.equal(second[0].h, first[1].h);
    assert.equal(first[0].y + first[0].h, second[0].y + second[0].h, 'bars share one baseline');
  });

  it('shows the totals, one row per topic with a bar width in percent, and the commands', () => {
    const html = page();
    assert.match(html, /<span class="stat-value">3 \/ 10<\/span><span class="stat-label">Mastered<\/span>/);
    assert.match(html, /<span class="stat-value">10<\/span><span class="stat-label">To review today<\/span><span class="stat-detail">4 due · 6 new<\/span>/);
    assert.match(html, /<span class="stat-value">1<\/span><span class="stat-label">Day streak<\/span>/);
    const rows = [...html.matchAll(/<tr><th scope="row">(.*?)<\/th><td class="num">(.*?)<\/td>.*?<rect class="bar-fill" width="([\d.]+)%".*?<td class="num[^"]*">(\d+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    assert.deepEqual(rows, [
      ['Python 基础', '3 / 10', '30', '4'],
      ['My notes', '0 / 0', '0', '0'],
    ]);
    for (const command of ['startReview', 'exportProgress', 'importProgress']) assert.match(html, new RegExp(`data-action="run" data-command="${command}"`));
    assert.doesNotMatch(html, /No reviews in the last 30 days yet/);
  });

  it('says so when there are no topics or no reviews', () => {
    const html = page({ topics: [], history: reviewHistoryByDay(emptyState(), 30, TODAY), totals: { mastered: 0, total: 0, favorites: 0, due: 0, fresh: 0, reviews: 0, streak: 0 } });
    assert.match(html, /No notes are loaded\./);
    assert.doesNotMatch(html, /<table/);
    assert.match(html, /No reviews in the last 30 days yet\./);
    assert.equal(dayGroups(html).length, 30);
  });

  it('escapes topic titles and labels, and keeps a strict CSP with the nonce', () => {
    const evil = '<img src=x onerror=alert(1)>"';
    const html = page({ topics: [{ title: evil, mastered: 1, total: 2, due: 0 }], labels: { ...labels, pageTitle: evil, ratings: { ...labels.ratings, good: evil } }, lang: `"><script>` });
    assert.doesNotMatch(html, /<img src=x/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    assert.equal(csp, `default-src 'none'; img-src https://webview.test data:; style-src https://webview.test; script-src 'nonce-n0nce123'`);
    assert.match(html, /<script nonce="n0nce123" src="https:\/\/webview.test\/progress.js"><\/script>/);
    // Bars and chart take their sizes from SVG attributes: the CSP would block inline styles.
    assert.doesNotMatch(page(), /\sstyle=|<style|\son\w+=/);
  });
});

describe('review streak', () => {
  const on = (...dates: string[]) => dates.map((date) => ({ date }));

  it('counts days in a row with reviews, ending today', () => {
    assert.equal(reviewStreak(on('2024-05-08', '2024-05-09', '2024-05-10', '2024-05-10'), TODAY), 3);
    assert.equal(reviewStreak(on('2024-05-07', '2024-05-09', '2024-05-10'), TODAY), 2);
  });

  it('is not broken by today until today is over', () => {
    assert.equal(reviewStreak(on('2024-05-08', '2024-05-09'), TODAY), 2);
    assert.equal(reviewStreak(on('2024-05-08'), TODAY), 0);
    assert.equal(reviewStreak([], TODAY), 0);
  });

  it('crosses month and year boundaries', () => {
    assert.equal(reviewStreak(on('2023-12-30', '2023-12-31', '2024-01-01'), '2024-01-01'), 3);
    assert.equal(reviewStreak(on('2024-02-28', '2024-02-29', '2024-03-01'), '2024-03-01'), 3);
  });
});
