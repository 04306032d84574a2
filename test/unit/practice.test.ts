import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadNotes } from '../../src/loader/loadNotes';
import { allQuestions, type Question } from '../../src/core/notes/model';
import { followUps, keyPoints, splitFollowUp } from '../../src/core/notes/followUps';
import { familyOf, followUpKey, outputKey, parseCardKey } from '../../src/core/study/cardKeys';
import { applySiblingRule } from '../../src/core/study/siblingRule';
import { ratingForCoverage } from '../../src/core/practice/coverageRating';
import { compareOutput } from '../../src/core/practice/outputCompare';
import { answerPoints, followUpCards, interviewCard, outputDrill, outputDrills, readSkipReason, skipReasonText, type PracticeQuestion } from '../../src/core/practice/practiceCards';
import {
  endInterview, finishStep, followUpSeconds, isFinished, parseInterviewSession, planInterview, remainingMs, revealPoints, setCovered, showStep,
} from '../../src/core/practice/mockInterview';
import { interviewReportMarkdown, reportRows, type ReportLabels } from '../../src/core/practice/interviewReport';
import { checkAnswer, finishDrill, newDrillSession, parseDrillSession, setAnswer } from '../../src/core/practice/outputDrillSession';

const practice = (q: Question): PracticeQuestion => ({ key: q.id, title: q.title, markdown: q.markdown, examples: q.examples });
const bundled = allQuestions(loadNotes(join(__dirname, '../../../notes'), { idBase: join(__dirname, '../../../notes') }).topics).map(practice);
const byKey = new Map(bundled.map((q) => [q.key, q]));
const lookup = (k: string) => byKey.get(k);

/** A small deterministic generator so plans can be compared. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const note = (key: string, markdown: string, examples: PracticeQuestion['examples'] = []): PracticeQuestion => ({ key, title: key.toUpperCase(), markdown, examples });

describe('key points and follow-ups', () => {
  it('reads the 要点 list items as Markdown, nested lines included, and nothing after the section', () => {
    const md = '## 要点\n\n- **一**：第一点\n- 第二点\n  续行 `code`\n  - 子项\n\n## 详解\n\n- 不是要点\n';
    assert.deepEqual(keyPoints(md), ['**一**：第一点', '第二点\n续行 `code`\n- 子项']);
  });

  it('finds no key points when the heading is missing, is inside a code fence or has no list', () => {
    assert.deepEqual(keyPoints('## 详解\n\n- a\n'), []);
    assert.deepEqual(keyPoints('```\n## 要点\n- a\n```\n'), []);
    assert.deepEqual(keyPoints('## 要点\n\n一段话。\n\n## 详解\n\n- b\n'), []);
    assert.deepEqual(keyPoints('## Key points\n\n1. one\n2. two\n'), ['one', 'two']);
  });

  it('splits a follow-up into prompt and answer, in the three documented shapes', () => {
    assert.deepEqual(splitFollowUp('**`is` 和 `==` 哪个快？** `is` 只比较指针。'), { prompt: '`is` 和 `==` 哪个快？', answer: '`is` 只比较指针。' });
    assert.deepEqual(splitFollowUp('What does `a?b` mean? It is a typo.'), { prompt: 'What does `a?b` mean?', answer: 'It is a typo.' });
    assert.deepEqual(splitFollowUp('讲讲生成器'), { prompt: '讲讲生成器', answer: '' });
  });

  it('keeps follow-ups that link to another question even without an answer, and skips bare ones with a reason', () => {
    const md = '## Follow-ups\n\n- **Why?** Because.\n- See [gen](q:generator-vs-iterator)\n- Nothing here\n';
    const { followUps: items, skipped } = followUps(md);
    assert.deepEqual(items.map((f) => [f.index, f.prompt, f.linkedId]), [[1, 'Why?', undefined], [2, 'See [gen](q:generator-vs-iterator)', 'generator-vs-iterator']]);
    assert.deepEqual(skipped.map((s) => s.index), [3]);
    assert.match(skipped[0].reason, /no answer/);
  });

  it('every bundled question has key points and at least one follow-up card', () => {
    assert.ok(bundled.length > 100, `loaded ${bundled.length} bundled questions`);
    for (const q of bundled) {
      assert.ok(keyPoints(q.markdown).length >= 2, `${q.key} key points`);
      assert.ok(followUpCards(q, lookup).cards.length >= 1, `${q.key} follow-up cards`);
    }
  });

  it('a follow-up that only links to another question takes that question\'s key points as its back', () => {
    const target = note('target', '## 要点\n\n- alpha\n- beta\n');
    const parent = note('parent', '## 要点\n\n- p\n\n## 面试官追问\n\n- 详见 [目标](q:target)\n');
    const look = (k: string) => ({ target, parent })[k as 'target' | 'parent'];
    const card = interviewCard(followUpKey('parent', 1), look);
    assert.ok(!('skip' in card));
    assert.equal(card.answerKey, 'target');
    assert.deepEqual(card.points, ['alpha', 'beta']);
  });

  it('splits a follow-up answer into sentences outside code, joining fragments too short to say', () => {
    assert.deepEqual(answerPoints('`a；b` 是字符串；第二句话。好。'), ['`a；b` 是字符串', '第二句话。好。']);
  });
});

describe('card keys and the sibling rule', () => {
  it('parses question, follow-up and output keys, keeping a "#" inside a scoped question key', () => {
    assert.deepEqual(parseCardKey('gil'), { kind: 'question', questionKey: 'gil', n: 0 });
    assert.deepEqual(parseCardKey(followUpKey('src#a/gil', 2)), { kind: 'followup', questionKey: 'src#a/gil', n: 2 });
    assert.deepEqual(parseCardKey(outputKey('gil', 1)), { kind: 'output', questionKey: 'gil', n: 1 });
    assert.equal(familyOf('gil#followup-0'), 'gil#followup-0', 'not a follow-up number');
  });

  it('keeps one card per question, in queue order', () => {
    const r = applySiblingRule(['a', 'a#followup-1', 'b#followup-2', 'b#followup-1', 'c'], []);
    assert.deepEqual(r.queue, ['a', 'b#followup-2', 'c']);
    assert.deepEqual(r.deferred, ['a#followup-1', 'b#followup-1']);
  });

  it('holds back every sibling of a card rated today, but lets that card come back', () => {
    const r = applySiblingRule(['a', 'a#followup-1', 'b', 'c#followup-1'], ['a#followup-1', 'c']);
    assert.deepEqual(r.queue, ['a#followup-1', 'b']);
    assert.deepEqual(r.deferred, ['a', 'c#followup-1']);
  });
});

describe('coverage → rating', () => {
  it('maps the share of points covered with the documented thresholds', () => {
    const cases: [number, number, string][] = [[0, 5, 'again'], [1, 3, 'again'], [2, 5, 'hard'], [3, 5, 'hard'], [7, 10, 'good'], [4, 5, 'good'], [5, 5, 'easy'], [9, 5, 'easy'], [0, 0, 'again']];
    for (const [covered, total, want] of cases) assert.equal(ratingForCoverage(covered, total), want, `${covered}/${total}`);
  });
});

describe('mock interview plan and session', () => {
  const options = { questions: 5, secondsPerQuestion: 180, random: seeded(7) };

  it('asks the chosen number of main questions, each followed by one or two of its own follow-ups', () => {
    const s = planInterview(bundled, lookup, ['all'], options, 1000);
    const mains = s.steps.filter((st) => parseCardKey(st.cardKey).kind === 'question');
    assert.equal(mains.length, 5);
    assert.equal(new Set(mains.map((m) => m.cardKey)).size, 5);
    let i = 0;
    while (i < s.steps.length) {
      const main = s.steps[i].cardKey;
      let j = i + 1;
      while (j < s.steps.length && parseCardKey(s.steps[j].cardKey).kind === 'followup') {
        assert.equal(familyOf(s.steps[j].cardKey), main, 'a follow-up follows its own question');
        assert.equal(s.steps[j].seconds, followUpSeconds(180));
        j++;
      }
      assert.ok(j - i - 1 >= 1 && j - i - 1 <= 2, `${main} has ${j - i - 1} follow-ups`);
      i = j;
    }
    assert.deepEqual(planInterview(bundled, lookup, ['all'], { ...options, random: seeded(7) }, 1000), s, 'same seed, same plan');
  });

  it('skips questions without a 要点 list with a reason and never asks them', () => {
    const good = note('good', '## 要点\n\n- one\n');
    const bad = note('bad', '## 详解\n\n正文\n');
    const s = planInterview([bad, good], (k) => (k === 'good' ? good : k === 'bad' ? bad : undefined), [], { ...options, questions: 3 }, 0);
    assert.deepEqual(s.steps.map((st) => st.cardKey), ['good']);
    assert.deepEqual(s.skipped.map((k) => k.key), ['bad']);
    assert.deepEqual(s.skipped[0].reason, { code: 'no-key-points' });
    assert.match(skipReasonText(s.skipped[0].reason), /要点/);
  });

  it('runs a step: timer from when it is shown, reveal fixes the time, ticks only after reveal, then moves on', () => {
    let s = planInterview(bundled, lookup, [], { ...options, questions: 1 }, 0);
    s = showStep(s, 10_000);
    assert.equal(remainingMs(s.steps[0], 70_000), 120_000);
    assert.deepEqual(setCovered(s, [0], 3).steps[0].covered, [], 'nothing to tick before the reveal');
    assert.equal(finishStep(s, 'good', 0), s, 'cannot rate before the reveal');
    s = revealPoints(s, 100_000);
    assert.equal(s.steps[0].elapsedMs, 90_000);
    assert.equal(remainingMs(s.steps[0], 999_999), 90_000, 'the clock stops at the reveal');
    s = setCovered(s, [2, 0, 0, 9, -1], 3);
    assert.deepEqual(s.steps[0].covered, [0, 2]);
    s = finishStep(s, 'hard', 200_000);
    assert.equal(s.steps[0].rating, 'hard');
    assert.equal(s.index, 1);
    assert.equal(s.steps[1].startedAt, 200_000, 'the next step starts its timer');
    assert.ok(isFinished(endInterview(s)));
  });

  it('restores only well-formed sessions from webview state', () => {
    const s = showStep(planInterview(bundled, lookup, ['基础'], options, 5), 10);
    assert.deepEqual(parseInterviewSession(JSON.parse(JSON.stringify(s))), s);
    for (const bad of [null, 'x', { ...s, version: 2 }, { ...s, index: 99 }, { ...s, steps: [{ ...s.steps[0], rating: 'great' }] }, { ...s, steps: [{ ...s.steps[0], covered: ['1'] }] }]) {
      assert.equal(parseInterviewSession(bad), undefined, JSON.stringify(bad).slice(0, 80));
    }
  });

  it('writes a report with time per question, points missed and links to the answers', () => {
    const q1 = note('q1', '## 要点\n\n- alpha\n- beta | pipe\n- gamma\n\n## 面试官追问\n\n- **Why?** First reason; second reason.\n');
    const look = (k: string) => (k === 'q1' ? q1 : undefined);
    let s = planInterview([q1], look, ['Basics'], { questions: 1, secondsPerQuestion: 120, random: () => 0.1 }, 0);
    s = revealPoints(showStep(s, 0), 75_000);
    s = finishStep(setCovered(s, [0], 3), 'again', 80_000);
    s = revealPoints(s, 80_000 + 30_000);
    s = finishStep(setCovered(s, [0, 1], 2), undefined, 120_000);
    const labels: ReportLabels = {
      title: 'Mock interview {0}', topics: 'Topics: {0}', question: 'Question', time: 'Time', allotted: 'of {0}', covered: 'Covered', rating: 'Rating',
      notRated: 'not rated', notAnswered: 'not answered', followUpTo: 'follow-up to {0}', pointsMissed: 'Points missed', allCovered: 'All covered',
      openAnswer: 'Open the answer', skipped: 'Skipped: {0} ({1})', ratings: { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' },
    };
    const md = interviewReportMarkdown(s, reportRows(s, (k) => { const c = interviewCard(k, look); return 'skip' in c ? undefined : c; }), labels, '2026-12-01', (k) => `file:///notes/${k}.md`);
    assert.match(md, /^# Mock interview 2026-12-01\n\nTopics: Basics\n/);
    assert.match(md, /\| 1 \| Q1 \| 1:15 of 2:00 \| 1\/3 \| Again \|/);
    assert.match(md, /\| 2 \| Why\? \(follow-up to Q1\) \| 0:30 of 1:00 \| 2\/2 \| not rated \|/);
    assert.match(md, /### 1\. Q1\n\n- beta \| pipe\n- gamma\n\n\[Open the answer\]\(<file:\/\/\/notes\/q1\.md>\)/);
    assert.doesNotMatch(md, /### 2\./, 'a step with every point covered lists nothing missed');
  });
});

describe('predict the output', () => {
  it('compares line by line, ignoring trailing spaces, blank lines at the end and CRLF', () => {
    const r = compareOutput('a\nb  \nc\n', 'a\r\nB\n');
    assert.deepEqual(r.lines, [
      { n: 1, expected: 'a', actual: 'a', status: 'match' },
      { n: 2, expected: 'b', actual: 'B', status: 'differs' },
      { n: 3, expected: 'c', status: 'missing' },
    ]);
    assert.equal(r.matched, 1);
    assert.equal(r.allMatch, false);
    assert.deepEqual(compareOutput('x\n', 'x\ny').lines[1], { n: 2, actual: 'y', status: 'extra' });
    assert.ok(compareOutput('1 2\n\n', '1 2   \r\n\n\n').allMatch);
  });

  it('skip reasons are codes that survive a reload and read back only when well formed', () => {
    const reasons = [
      { code: 'no-key-points' }, { code: 'question-gone' }, { code: 'not-interview-card' }, { code: 'no-follow-up', n: 3 },
      { code: 'follow-up-empty', n: 1 }, { code: 'follow-up-no-answer', n: 2 }, { code: 'follow-up-unknown-link', n: 4, target: 'gil' },
      { code: 'follow-up-no-points', n: 5 }, { code: 'not-output-drill' }, { code: 'no-example', n: 6 }, { code: 'not-runnable', n: 7 },
      { code: 'no-output', n: 8 }, { code: 'no-output', n: 9, line: 12 },
    ] as const;
    for (const r of reasons) {
      assert.deepEqual(readSkipReason(JSON.parse(JSON.stringify(r))), r);
      assert.ok(skipReasonText(r).length > 0);
    }
    for (const bad of ['no 要点', { code: 'nope' }, { code: 'no-example' }, { code: 'no-output', n: 1, line: -1 }, { code: 'follow-up-unknown-link', n: 1 }, null, []]) {
      assert.equal(readSkipReason(bad), undefined, JSON.stringify(bad));
    }
  });

  it('makes a drill of every runnable example with output and skips runnable ones without, with a reason', () => {
    const examples = [
      { language: 'python', code: 'print(1)', runnable: true, expectedOutput: '1\n', line: 3 },
      { language: 'python', code: 'print(2)', runnable: true, line: 9 },
      { language: 'python', code: 'import x', runnable: false, expectedOutput: '?', line: 12 },
    ];
    const { drills, skipped } = outputDrills([note('q', '', examples)]);
    assert.deepEqual(drills.map((d) => [d.key, d.exampleIndex, d.expected]), [['q#output-1', 0, '1\n']]);
    assert.deepEqual(skipped.map((s) => s.key), ['q#output-2']);
    assert.deepEqual(skipped[0].reason, { code: 'no-output', n: 2, line: 9 });
    assert.match(skipReasonText(skipped[0].reason), /line 9.*no output/);
    assert.ok('skip' in outputDrill('q#output-2', () => note('q', '', examples)));
    const all = outputDrills(bundled);
    assert.ok(all.drills.length > 100, `${all.drills.length} bundled drills`);
  });

  it('a drill session keeps the prediction once checked and records only a rated drill', () => {
    let s = newDrillSession(['q#output-1', 'q#output-2'], [], '');
    s = setAnswer(s, '1');
    assert.equal(finishDrill(s, 'good'), s, 'no rating before checking');
    s = checkAnswer(s, '1\n');
    s = setAnswer(s, 'changed');
    assert.equal(s.drills[0].answer, '1\n');
    s = finishDrill(s, 'easy');
    s = finishDrill(s, undefined);
    assert.deepEqual(s.drills.map((d) => [d.rating, d.done]), [['easy', true], [undefined, true]]);
    assert.deepEqual(parseDrillSession(JSON.parse(JSON.stringify(s))), s);
    assert.equal(parseDrillSession({ ...s, drills: [{ ...s.drills[0], answer: 5 }] }), undefined);
  });
});
