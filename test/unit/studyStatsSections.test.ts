import * as assert from 'node:assert/strict';
import { studyStatsSections, type StatsLabels, type StatsParts } from '../../src/core/render/studyStatsSections';

const labels = new Proxy({} as StatsLabels, {
  get: (_t, key: string) =>
    ({ forecast: 'On the day you would recall about {0} of {1} questions', interviewWhen: 'Interview on {0} — {1} days left', forecastWithout: 'Without: {0}', dayReviews: '{0}: {1} reviews' })[key] ?? key,
});

function parts(over: Partial<StatsParts> = {}): StatsParts {
  return {
    heatmap: Array.from({ length: 365 }, (_, i) => ({ date: `d${i}`, count: i % 50 === 0 ? 3 : 0 })),
    streak: 4,
    dueForecast: [{ date: '2026-12-01', due: 2 }, { date: '2026-12-02', due: 0 }],
    retention: [{ title: 'Python <基础>', reviews: 4, recalled: 3 }, { title: 'Empty', reviews: 0, recalled: 0 }],
    forgotten: [{ id: 'q"1', title: 'GIL', lapses: 3, recall: 0.42 }],
    labels,
    ...over,
  };
}

describe('progress page: plan and statistics sections', () => {
  it('forecasts the interview day and tables the plan', () => {
    const html = studyStatsSections(
      parts({ plan: { interviewDate: '2026-12-11', daysLeft: 10, expected: 80.6, total: 107, withoutStudy: 12.2, days: [{ date: '2026-12-01', reviews: 3, fresh: 11, cram: false }, { date: '2026-12-10', reviews: 40, fresh: 0, cram: true }] } }),
    );
    assert.match(html, /On the day you would recall about 81 of 107 questions/);
    assert.match(html, /Interview on 2026-12-11 — 10 days left/);
    assert.match(html, /<th scope="row">2026-12-10 \(cram\)<\/th><td class="num">40<\/td><td class="num">0<\/td>/);
    assert.match(html, /class="bar-value cram"/);
  });

  it('offers to set a date when there is none', () => {
    const html = studyStatsSections(parts());
    assert.match(html, /data-command="setInterviewDate"/);
    assert.doesNotMatch(html, /class="forecast"/);
  });

  it('draws a year heatmap with a title per day, the streak and an accessible table', () => {
    const html = studyStatsSections(parts());
    assert.equal((html.match(/<rect class="heat heat-\d"/g) ?? []).length, 365);
    assert.match(html, /<title>d50: 3 reviews<\/title>/);
    assert.match(html, /<strong>4<\/strong> streak/);
    assert.match(html, /role="img" aria-labelledby="heatmap-heading"/);
    assert.match(html, /<details class="chart-table"><summary>heatmapHeading<\/summary>/);
  });

  it('shows retention per topic (escaped) and the most forgotten questions with a review button', () => {
    const html = studyStatsSections(parts());
    assert.match(html, /<th scope="row">Python &lt;基础&gt;<\/th><td class="num">75%<\/td><td class="num">4<\/td>/);
    assert.doesNotMatch(html, />Empty</);
    assert.match(html, /data-question="q&quot;1">GIL<\/a><\/th><td class="num">3<\/td><td class="num">42%<\/td>/);
    assert.match(html, /data-command="reviewForgotten"/);
    assert.match(studyStatsSections(parts({ forgotten: [] })), /noForgotten/);
  });
});
