import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/extension';
import { keyPoints } from '../../src/core/notes/followUps';
import { ratingForCoverage } from '../../src/core/practice/coverageRating';
import { interviewCard } from '../../src/core/practice/practiceCards';
import { followUpKey, parseCardKey } from '../../src/core/study/cardKeys';
import { addDays } from '../../src/core/study/scheduler';
import { outputLines } from '../../src/core/practice/outputCompare';
import { STUDY_STATE_KEY } from '../../src/services/studyStore';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

/** Each test leaves study progress as it found it, so no other test sees its ratings. */
function keepStudyState(get: () => InterviewNotesApi): void {
  let saved: unknown;
  beforeEach(() => {
    saved = get().globalState.get<unknown>(STUDY_STATE_KEY);
  });
  afterEach(async () => {
    await get().globalState.update(STUDY_STATE_KEY, saved);
    get().study.reload();
  });
}

const state = (html: string | undefined) => /data-state="(\w+)"/.exec(html ?? '')?.[1];

describe('Mock interview', () => {
  let api: InterviewNotesApi;
  let dir: string;

  before(async () => {
    api = await activateExtension();
  });
  keepStudyState(() => api);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pin-interview-'));
  });

  afterEach(async () => {
    await closeAllEditors();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks a question with a timer, checks the key points, records the rating and saves the report', async () => {
    const topic = api.notes.roots()[0].groups[0];
    const started = await vscode.commands.executeCommand('interviewNotes.startMockInterview', { topics: [topic.id], questions: 1, minutes: 2, seed: 42 });
    assert.equal(started, true);
    const intro = await waitFor(() => (state(api.interview.html) === 'intro' ? api.interview.html : undefined), 'the intro');
    assert.match(intro, /1 questions and [12] follow-ups, 2 min per question/);

    const page = async (raw: unknown) => assert.equal(await api.interview.receiveFromPage(raw), true, JSON.stringify(raw));
    await page({ type: 'start' });
    const session = api.interview.interview!;
    const main = session.steps[0];
    assert.equal(parseCardKey(main.cardKey).kind, 'question');
    const question = api.notes.get(main.cardKey)!.question;
    let html = api.interview.html!;
    assert.equal(state(html), 'question');
    assert.match(html, /role="timer"/);
    assert.equal(Number(/data-deadline="(\d+)"/.exec(html)?.[1]) - main.startedAt!, 120_000, 'a two-minute countdown from when the question showed');
    assert.doesNotMatch(html, /data-point=/, 'the key points stay hidden while answering');

    await page({ type: 'notes', cardKey: main.cardKey, text: 'my spoken answer, in short' });
    await page({ type: 'reveal', cardKey: main.cardKey, notes: 'my spoken answer, in short' });
    html = api.interview.html!;
    const points = keyPoints(question.markdown);
    assert.equal(state(html), 'checklist');
    assert.equal([...html.matchAll(/type="checkbox"[^>]*data-point=/g)].length, points.length);
    assert.match(html, /my spoken answer, in short/);
    assert.ok(api.interview.interview!.steps[0].elapsedMs! >= 0);

    const covered = [0, 1];
    const rating = ratingForCoverage(covered.length, points.length);
    await page({ type: 'cover', cardKey: main.cardKey, covered });
    const historyBefore = api.study.state.history.length;
    await page({ type: 'record', cardKey: main.cardKey, rating, covered });
    assert.ok(api.study.state.questions[main.cardKey]?.card, 'the question was scheduled');
    assert.deepEqual(api.study.state.history.slice(historyBefore).map((e) => [e.id, e.rating]), [[main.cardKey, rating]]);

    // The follow-ups: shown as follow-ups, answered without recording anything.
    while (state(api.interview.html) === 'question') {
      const step = api.interview.interview!.steps[api.interview.interview!.index];
      assert.equal(parseCardKey(step.cardKey).kind, 'followup');
      assert.match(api.interview.html!, /class="follow-up-to"/);
      await page({ type: 'reveal', cardKey: step.cardKey, notes: '' });
      await page({ type: 'skipRating', cardKey: step.cardKey });
      assert.equal(api.study.state.questions[step.cardKey], undefined, 'nothing recorded without a rating');
    }
    assert.equal(api.study.state.history.length, historyBefore + 1);
    html = api.interview.html!;
    assert.equal(state(html), 'report');
    assert.match(html, /data-question="/);

    const target = vscode.Uri.file(join(dir, 'report.md'));
    const saved = await api.interview.saveReport(target);
    assert.equal(saved?.fsPath, target.fsPath);
    const report = readFileSync(target.fsPath, 'utf8');
    assert.ok(report.includes(question.title.replace(/\|/g, '\\|')), 'the question is in the report');
    assert.match(report, /\| 1 \| .* \| 0:\d\d (of|\/) 2:00 \|/);
    const missed = points.slice(2);
    if (missed.length) assert.ok(report.includes(missed[0].replace(/\n+/g, ' ')), 'a missed point is listed');
    assert.ok(report.includes(api.notes.get(main.cardKey)!.fileUri.toString()), 'links to the answer');
  });

  it('ignores a rating for a step that is not on screen', async () => {
    await vscode.commands.executeCommand('interviewNotes.startMockInterview', { topics: [api.notes.roots()[0].groups[1].id], questions: 1, minutes: 1, seed: 3 });
    await api.interview.receiveFromPage({ type: 'start' });
    const s = api.interview.interview!;
    const later = s.steps[1]?.cardKey ?? 'x';
    const before = JSON.stringify(api.study.state);
    await api.interview.receiveFromPage({ type: 'record', cardKey: later, rating: 'easy', covered: [] });
    await api.interview.receiveFromPage({ type: 'record', cardKey: s.steps[0].cardKey, rating: 'easy', covered: [] });
    assert.equal(JSON.stringify(api.study.state), before, 'not before its reveal, and never for another step');
    assert.equal(await api.interview.receiveFromPage({ type: 'record', cardKey: s.steps[0].cardKey, rating: 'perfect', covered: [] }), false);
  });
});

describe('Predict the output', () => {
  let api: InterviewNotesApi;

  before(async () => {
    api = await activateExtension();
  });
  keepStudyState(() => api);

  afterEach(closeAllEditors);

  it('hides the output, compares a typed prediction line by line and records the self-rating', async () => {
    const id = api.notes.allIds().find((k) => api.notes.get(k)!.question.examples.some((e) => e.runnable && e.expectedOutput && outputLines(e.expectedOutput).length >= 2))!;
    const examples = api.notes.get(id)!.question.examples;
    const index = examples.findIndex((e) => e.runnable && e.expectedOutput && outputLines(e.expectedOutput).length >= 2);
    const real = outputLines(examples[index].expectedOutput!);
    await vscode.commands.executeCommand('interviewNotes.openQuestion', id);
    const answer = await waitFor(() => (api.answers.currentQuestionId === id ? api.answers.html : undefined), 'the answer');
    assert.match(answer, new RegExp(`data-action="predictOutput" data-example="${index}"`), 'the example offers Predict Output');
    assert.equal(await vscode.commands.executeCommand('interviewNotes.startOutputDrill', { questionKey: id, exampleIndex: index }), true);
    const key = `${id}#output-${index + 1}`;
    let html = await waitFor(() => (state(api.drill.html) === 'predict' ? api.drill.html : undefined), 'the drill');
    assert.ok(!html.includes(`<code>${real[0]}</code>`), 'the output is not on the page');
    assert.match(html, /<textarea id="drill-answer"/);

    // First line right (with trailing spaces), second line wrong.
    await api.drill.receiveFromPage({ type: 'check', key, text: `${real[0]}   \n${real[1]} and more\n` });
    html = api.drill.html!;
    assert.equal(state(html), 'compared');
    assert.match(html, /<tr class="line-match"><td class="num">1<\/td>/);
    assert.match(html, /<tr class="line-differs"><td class="num">2<\/td>/);
    assert.match(html, /✗<\/span> /);
    assert.ok(!Object.hasOwn(api.study.state.questions, key), 'nothing recorded before the rating');

    await api.drill.receiveFromPage({ type: 'rate', key, rating: 'hard' });
    assert.ok(api.study.state.questions[key]?.card, 'the drill is scheduled under its own key');
    assert.equal(api.study.state.history.at(-1)?.id, key);
    assert.equal(state(api.drill.html), 'summary');
  });

  it('a topic drill counts runnable examples without output as left out, never as a card', async () => {
    const topic = api.notes.roots()[0].groups[0];
    assert.equal(await vscode.commands.executeCommand('interviewNotes.startOutputDrill', { topic }), true);
    const s = api.drill.drillSession!;
    const lookup = (k: string) => {
      const q = api.notes.get(k)?.question;
      return q && { key: k, title: q.title, markdown: q.markdown, examples: q.examples };
    };
    for (const d of s.drills) {
      const { questionKey, n } = parseCardKey(d.key);
      const ex = api.notes.get(questionKey)!.question.examples[n - 1];
      assert.ok(ex.runnable && ex.expectedOutput, d.key);
    }
    assert.ok(s.drills.length > 0);
    assert.ok(!('skip' in interviewCard(s.drills[0].key.replace(/#output-\d+$/, ''), lookup)));
  });
});

describe('Follow-up cards', () => {
  let api: InterviewNotesApi;

  before(async () => {
    api = await activateExtension();
  });
  keepStudyState(() => api);

  afterEach(closeAllEditors);

  it('are reviewed and scheduled apart from their question, one card per question a day', async () => {
    const parent = api.notes.allIds().find((id) => {
      const md = api.notes.get(id)!.question.markdown;
      return !Object.hasOwn(api.study.state.questions, id) && (md.match(/^- \*\*/gm) ?? []).length >= 6;
    })!;
    // Marked mastered, the question itself is not new today, so its follow-ups come up.
    await vscode.commands.executeCommand('interviewNotes.toggleMastered', parent);
    try {
      assert.equal(await api.review.start([parent]), true);
      const key = api.review.currentId!;
      assert.equal(parseCardKey(key).kind, 'followup');
      assert.equal(parseCardKey(key).questionKey, parent);
      assert.equal(api.review.remaining, 1, 'one card of this question today, not all its follow-ups');
      let html = api.review.html!;
      assert.match(html, /class="follow-up-to"/);
      assert.ok(html.includes(escapeHtml(api.notes.get(parent)!.question.title)), 'names the question it follows up');

      api.review.reveal();
      html = api.review.html!;
      assert.match(html, /data-rating="good"/);
      await api.review.rate('good');
      const card = api.study.state.questions[key]?.card;
      assert.ok(card, 'the follow-up has its own schedule');
      assert.ok(!api.study.state.questions[parent]?.card, 'the question is not scheduled by its follow-up');

      // Its siblings wait for another day.
      assert.equal(await api.review.start([parent]), false);
    } finally {
      await vscode.commands.executeCommand('interviewNotes.toggleMastered', parent);
    }
  });

  it('a due follow-up card counts in the status bar as the session shows it, and waits while its question is reviewed today', async () => {
    const parent = api.notes.allIds().find((id) => {
      const md = api.notes.get(id)!.question.markdown;
      return !Object.hasOwn(api.study.state.questions, id) && (md.match(/^- \*\*/gm) ?? []).length >= 6;
    })!;
    const key = followUpKey(parent, 1);
    // Three days ago: the question answered "easy" (due in weeks), its first follow-up forgotten (due since).
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    await api.study.review(parent, 'easy', threeDaysAgo);
    await api.study.review(key, 'again', threeDaysAgo);
    const today = api.study.today();
    assert.ok(api.study.state.questions[key]!.card!.due <= today && api.study.state.questions[parent]!.card!.due > today, 'the follow-up is due, its question is not');

    const shown = api.dueStatus.count;
    assert.equal(api.dueStatus.text, `$(mortar-board) ${shown}`);
    assert.ok(api.review.todayQueue().queue.includes(key), 'the due follow-up is in today’s session');
    assert.equal(await vscode.commands.executeCommand('interviewNotes.startReview'), true);
    assert.equal(api.review.remaining, shown, 'the status bar counts what the session shows, follow-up cards included');

    // Once its question is reviewed today, the follow-up waits for another day and the count drops.
    await api.study.review(parent, 'good');
    assert.ok(!api.review.todayQueue().queue.includes(key));
    assert.equal(api.dueStatus.count, shown - 1);
    assert.equal(api.dueStatus.text, `$(mortar-board) ${shown - 1}`);
  });

  it('with an interview date, follow-ups of studied questions are introduced beside the plan', async () => {
    const [parent, other] = api.notes.allIds().filter((id) => {
      const md = api.notes.get(id)!.question.markdown;
      return !Object.hasOwn(api.study.state.questions, id) && (md.match(/^- \*\*/gm) ?? []).length >= 6;
    });
    // Studied three days ago and answered "easy", so the question itself is not due today.
    await api.study.review(parent, 'easy', new Date(Date.now() - 3 * 86_400_000));
    assert.equal(await vscode.commands.executeCommand('interviewNotes.setInterviewDate', addDays(api.study.today(), 10)), addDays(api.study.today(), 10));
    try {
      const queue = api.review.todayQueue().queue;
      assert.ok(queue.includes(followUpKey(parent, 1)), 'a never-started follow-up of a studied question comes up');
      assert.ok(!queue.includes(followUpKey(other, 1)), 'a follow-up never comes before its own question');
      assert.equal(api.dueStatus.count, queue.length, 'the status bar counts it');
      assert.equal(await vscode.commands.executeCommand('interviewNotes.startReview'), true);
      assert.equal(api.review.remaining, queue.length);
    } finally {
      await vscode.commands.executeCommand('interviewNotes.setInterviewDate', null);
    }
  });
});

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
