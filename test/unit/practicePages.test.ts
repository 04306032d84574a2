import * as assert from 'node:assert/strict';
import { mockInterviewPageHtml, type InterviewLabels } from '../../src/core/render/mockInterviewPage';
import { outputDrillPageHtml, type DrillLabels } from '../../src/core/render/outputDrillPage';
import { parseDrillMessage, parseInterviewMessage } from '../../src/core/protocol/practiceMessages';
import { planInterview, revealPoints, showStep } from '../../src/core/practice/mockInterview';
import { compareOutput } from '../../src/core/practice/outputCompare';
import { checkAnswer, newDrillSession } from '../../src/core/practice/outputDrillSession';

const ratings = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };
const il: InterviewLabels = {
  pageTitle: 'Mock Interview', introTitle: 'Mock interview', introPlan: '{0} questions and {1} follow-ups, {2} min per question', topics: 'Topics: {0}',
  skippedCount: '{0} questions left out', start: 'Start', position: 'Question {0} of {1}', followUpTo: 'Follow-up to: {0}', timer: 'Time left', timeUp: "Time's up",
  minutesLeft: '{0} minutes left', secondsLeft: '{0} seconds left', notes: 'Your answer', notesHint: 'hint', reveal: 'Reveal Key Points', checklist: 'Key points you covered',
  yourNotes: 'Your notes', coverage: 'Covered {0} of {1} ({2}%)', suggested: 'Suggested: {0}', ratingLegend: 'Rating', ratings, record: 'Record Rating and Continue',
  skipRating: 'Continue Without Rating', end: 'End Interview', reportTitle: 'Report', question: 'Question', time: 'Time', covered: 'Covered', rating: 'Rating',
  notRated: 'not rated', notAnswered: 'not answered', pointsMissed: 'Points missed', allCovered: 'All covered', openAnswer: 'Open the answer', saveReport: 'Save Report…',
  thresholds: 'below {0}% Again, below {1}% Hard', keys: 'keys',
};
const q = { key: 'gil', title: '什么是 <GIL>？', markdown: '## 要点\n\n- 一\n- 二\n\n## 面试官追问\n\n- **为什么？** 因为。\n', examples: [] };
const look = (k: string) => (k === 'gil' ? q : undefined);
const parts = { nonce: 'n0nce', cspSource: 'https://webview.test', styleUris: ['a.css'], scriptUri: 's.js', lang: 'en' };

describe('mock interview page', () => {
  const session = showStep(planInterview([q], look, ['并发'], { questions: 1, secondsPerQuestion: 120, random: () => 0.9 }, 0), 1000);

  it('shows the intro with what is planned and how many questions were left out', () => {
    const s = { ...session, skipped: [{ key: 'x', title: 'X', reason: { code: 'no-key-points' as const } }] };
    const html = mockInterviewPageHtml({ ...parts, session: s, labels: { ...il, skipReason: (r) => `«${r.code}»` }, view: { kind: 'intro', questions: 1, followUps: 1, secondsPerQuestion: 120 } });
    assert.match(html, /<span class="skip-reason">«no-key-points»<\/span>/, 'the reason is worded by the caller');
    assert.match(html, /1 questions and 1 follow-ups, 2 min per question/);
    assert.match(html, /<summary>1 questions left out<\/summary>/);
    assert.match(html, /data-action="start"/);
  });

  it('shows one question with a timer and a notes area, the key points hidden', () => {
    const html = mockInterviewPageHtml({ ...parts, session, labels: il, view: { kind: 'step', step: session.steps[0], position: 1, total: 2, promptHtml: '<p>什么是 &lt;GIL&gt;？</p>', points: ['<p>一</p>', '<p>二</p>'], questionKey: 'gil' } });
    assert.match(html, /role="timer"/);
    assert.match(html, /data-deadline="121000"/);
    assert.match(html, /aria-live="polite"/);
    assert.match(html, /<textarea id="interview-notes"/);
    assert.doesNotMatch(html, /data-point=/);
    assert.match(html, /data-session="\{&quot;version&quot;:1/, 'the session rides along for vscode.setState');
  });

  it('after the reveal lists the points as checkboxes with number keys and a rating group', () => {
    const s = revealPoints(session, 31_000);
    const html = mockInterviewPageHtml({ ...parts, session: s, labels: il, view: { kind: 'step', step: s.steps[0], position: 1, total: 2, promptHtml: '', points: ['<p>一</p>', '<p>二</p>'], questionKey: 'gil' } });
    assert.equal([...html.matchAll(/type="checkbox"[^>]*data-point="(\d)"[^>]*aria-keyshortcuts="(\d)"/g)].length, 2);
    assert.equal([...html.matchAll(/type="radio" name="rating"/g)].length, 4);
    assert.match(html, /data-remaining="90000"/);
    assert.match(html, /data-state="checklist"/);
  });
});

describe('output drill page', () => {
  const session = newDrillSession(['gil#output-1'], [], '基础');
  const drill = { position: 1, total: 1, questionKey: 'gil', questionTitle: 'GIL', code: 'print("<b>")' };

  it('shows the code and a prediction box, never the output', () => {
    const html = outputDrillPageHtml({ ...parts, session, labels: dl, view: { kind: 'drill', drill: session.drills[0], ...drill } });
    assert.match(html, /&lt;b&gt;/);
    assert.match(html, /<textarea id="drill-answer"/);
    assert.doesNotMatch(html, /class="comparison"/);
  });

  it('marks each compared line by symbol and word', () => {
    const s = checkAnswer(session, '1\n3\n');
    const html = outputDrillPageHtml({ ...parts, session: s, labels: dl, view: { kind: 'drill', drill: s.drills[0], ...drill, comparison: compareOutput('1\n2\n', '1\n3\n') } });
    assert.match(html, /<tr class="line-match">.*✓<\/span> Match/);
    assert.match(html, /<tr class="line-differs">.*✗<\/span> Differs/);
    assert.match(html, /1 of 2 lines match/);
    assert.equal([...html.matchAll(/data-action="rate"/g)].length, 4);
  });
});

const dl: DrillLabels = {
  pageTitle: 'Predict the Output', introTitle: 'Predict the output', introCount: '{0} examples', scope: 'From: {0}', skippedCount: '{0} left out', start: 'Start',
  position: 'Drill {0} of {1}', prompt: 'What does it print?', answerLabel: 'Your prediction', check: 'Check', skip: 'Skip', result: '{0} of {1} lines match',
  allMatch: 'Every line matches', line: 'Line', expected: 'Actual output', yours: 'Yours', status: { match: 'Match', differs: 'Differs', missing: 'Missing', extra: 'Extra' },
  ratePrompt: 'Rate', ratings, openQuestion: 'Open', summaryTitle: 'Done', summaryRated: '{0} rated', keys: 'keys',
};

describe('practice message validation', () => {
  it('accepts what the pages send and drops extra fields', () => {
    assert.deepEqual(parseInterviewMessage({ type: 'record', cardKey: 'gil', rating: 'good', covered: [0, 2], x: 1 }), { type: 'record', cardKey: 'gil', rating: 'good', covered: [0, 2] });
    assert.deepEqual(parseInterviewMessage({ type: 'saveReport', path: '/etc' }), { type: 'saveReport' });
    assert.deepEqual(parseDrillMessage({ type: 'check', key: 'gil#output-1', text: '' }), { type: 'check', key: 'gil#output-1', text: '' });
  });

  it('rejects unknown types, bad ratings and bad indexes', () => {
    for (const bad of [null, {}, { type: 'record', cardKey: 'gil', rating: 'great', covered: [] }, { type: 'cover', cardKey: 'gil', covered: [-1] }, { type: 'notes', cardKey: '', text: '' }, { type: 'run' }]) {
      assert.equal(parseInterviewMessage(bad), undefined, JSON.stringify(bad));
    }
    for (const bad of [{ type: 'rate', key: 'k', rating: 5 }, { type: 'check', key: 'k' }, { type: 'answer', key: 'k', text: 'x'.repeat(30_000) }]) {
      assert.equal(parseDrillMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('review page for a follow-up card', () => {
  it('shows the follow-up prompt as the title and names the question it follows', async () => {
    const { reviewPageHtml } = await import('../../src/core/render/reviewPage');
    const html = reviewPageHtml({
      ...parts,
      view: { kind: 'card', questionId: 'gil#followup-1', title: 'GIL', titleHtml: '<code>is</code> 快吗？', followUpTo: 'Follow-up to: GIL', topicPath: 'T', index: 0, total: 1 },
      labels: { pageTitle: 'Review', position: 'p', showAnswer: 'Show', spaceKey: 'Space', ratePrompt: 'r', ratings, intervals: { today: 't', days: '{0}d', months: '{0}mo', years: '{0}y' }, summaryTitle: 's', summaryReviewed: '{0}', summaryCounts: 'c', showProgress: 'sp', recall: 'recall {0}%', recallTitle: 'rt', newCard: 'new' },
    });
    assert.match(html, /<h1 class="question-title"><code>is<\/code> 快吗？<\/h1>/);
    assert.match(html, /<span class="follow-up-to">Follow-up to: GIL<\/span>/);
    assert.match(html, /data-question-id="gil#followup-1"/);
  });
});

describe('Predict Output button', () => {
  it('appears only on runnable examples that show their output', async () => {
    const { renderAnswer } = await import('../../src/core/render/renderAnswer');
    const md = '```python\nprint(1)\n```\n\n```output\n1\n```\n\n```python\nprint(2)\n```\n';
    const examples = [
      { language: 'python', code: 'print(1)\n', runnable: true, expectedOutput: '1\n', line: 1 },
      { language: 'python', code: 'print(2)\n', runnable: true, line: 9 },
    ];
    const labels = { openScratch: 'Open', copy: 'Copy', output: 'Output', predictOutput: 'Predict Output' };
    const html = renderAnswer(md, { labels, allowHtml: false, allowRemoteImages: false, examples });
    assert.deepEqual([...html.matchAll(/data-action="predictOutput" data-example="(\d)"/g)].map((m) => m[1]), ['0']);
    assert.doesNotMatch(renderAnswer(md, { labels: { ...labels, predictOutput: undefined }, allowHtml: false, allowRemoteImages: false, examples }), /predictOutput/);
  });
});
