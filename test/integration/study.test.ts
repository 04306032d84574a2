import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/extension';
import { migrateState, recordReview } from '../../src/core/study/studyState';
import { STUDY_STATE_KEY } from '../../src/services/studyStore';
import type { TreeNode } from '../../src/views/topicsTree';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

describe('Study mode', () => {
  let api: InterviewNotesApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(closeAllEditors);

  const firstTopic = () => api.tree.getChildren()[0] as Extract<TreeNode, { kind: 'topic' }>;
  const questionNode = (id: string) => api.tree.getChildren(firstTopic()).find((n) => n.kind === 'question' && n.question.id === id)!;

  it('toggling mastered updates the question icon and the topic progress', async () => {
    const topic = firstTopic();
    const id = topic.topic.questions[0].id;
    const before = String(api.tree.getTreeItem(topic).description);
    await vscode.commands.executeCommand('interviewNotes.toggleMastered', questionNode(id));
    const item = api.tree.getTreeItem(questionNode(id));
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.match(String(item.contextValue), /\.mastered/);
    const [m0] = before.split('/').map(Number);
    assert.equal(String(api.tree.getTreeItem(topic).description), `${m0 + 1}/${topic.topic.questions.length}`);
    await vscode.commands.executeCommand('interviewNotes.toggleMastered', id);
    assert.equal(String(api.tree.getTreeItem(firstTopic()).description), before);
  });

  it('favorites show a star and the tree can show only favorites', async () => {
    const id = firstTopic().topic.questions[1].id;
    await vscode.commands.executeCommand('interviewNotes.toggleFavorite', id);
    assert.match(String(api.tree.getTreeItem(questionNode(id)).description), /^★( · |$)/);
    await vscode.commands.executeCommand('interviewNotes.setStudyFilter', 'favorites');
    try {
      const shown = api.tree.getChildren().flatMap((t) => api.tree.getChildren(t)).filter((n) => n.kind === 'question');
      assert.deepEqual(shown.map((n) => n.kind === 'question' && n.question.id), [id]);
    } finally {
      await vscode.commands.executeCommand('interviewNotes.setStudyFilter', 'all');
      await vscode.commands.executeCommand('interviewNotes.toggleFavorite', id);
    }
  });

  it('the answer view shows and changes the mastered state', async () => {
    const id = api.notes.allIds()[2];
    await vscode.commands.executeCommand('interviewNotes.openQuestion', id);
    const html = await waitFor(() => (api.answers.currentQuestionId === id ? api.answers.html : undefined), 'answer');
    assert.match(html, /data-action="toggleMastered" aria-pressed="false"/);
    await vscode.commands.executeCommand('interviewNotes.toggleMastered');
    assert.equal(api.study.isMastered(id), true, 'without an argument it applies to the answer shown');
    await vscode.commands.executeCommand('interviewNotes.toggleMastered');
    assert.equal(api.study.isMastered(id), false);
  });

  it('a random question opens within the chosen topic', async () => {
    const topic = firstTopic();
    const id = await vscode.commands.executeCommand<string>('interviewNotes.randomQuestion', topic);
    assert.ok(topic.topic.questions.some((q) => q.id === id));
    await waitFor(() => api.answers.currentQuestionId === id, 'the random answer');
  });

  it('exports progress and imports it back without losing anything', async () => {
    const id = api.notes.allIds()[4];
    await vscode.commands.executeCommand('interviewNotes.toggleFavorite', id);
    const exported = api.study.exportJson();
    const file = join(mkdtempSync(join(tmpdir(), 'pin-progress-')), 'progress.json');
    writeFileSync(file, exported);
    await vscode.commands.executeCommand('interviewNotes.toggleFavorite', id);
    assert.equal(api.study.isFavorite(id), false);
    assert.equal(await vscode.commands.executeCommand('interviewNotes.importProgress', file), true);
    assert.equal(api.study.isFavorite(id), false, 'the newer local change wins over the older export');
    writeFileSync(file, '{"format":"something else"}');
    const stateBefore = JSON.stringify(api.study.state);
    assert.equal(await vscode.commands.executeCommand('interviewNotes.importProgress', file), false);
    assert.equal(JSON.stringify(api.study.state), stateBefore, 'a rejected import changes nothing');
    assert.ok(readFileSync(file, 'utf8').length > 0);
  });
});

describe('Review session and progress page', () => {
  let api: InterviewNotesApi;

  before(async () => {
    api = await activateExtension();
  });

  after(closeAllEditors);

  it('shows the question alone, reveals the answer, rates it and schedules it', async () => {
    assert.equal(await vscode.commands.executeCommand('interviewNotes.startReview'), true);
    const id = api.review.currentId!;
    const title = api.notes.get(id)!.question.title;
    const before = api.review.remaining;
    assert.ok(api.review.html?.includes(escapeHtml(title)));
    assert.equal(api.review.revealed, false);
    assert.doesNotMatch(api.review.html!, /data-rating="good"/, 'no rating before the answer is shown');

    api.review.reveal();
    assert.equal(api.review.revealed, true);
    assert.match(api.review.html!, /<h2 id="要点">要点<\/h2>/);
    assert.match(api.review.html!, /data-rating="good"/);

    await api.review.rate('good');
    const card = api.study.state.questions[id]?.card;
    assert.ok(card, 'a card was scheduled');
    assert.ok(card.due > api.study.today(), `due ${card.due} is after today`);
    assert.notEqual(api.review.currentId, id, 'the session moved on');
    assert.equal(api.review.remaining, before - 1);
    assert.equal(api.study.state.history.at(-1)?.id, id);

    assert.ok(card.stability > 0 && card.difficulty >= 1 && card.reps >= 1, 'an FSRS memory state');
    // The tree tooltip now shows the predicted recall (100% on the day of the review).
    // Tooltips are built when shown (resolveTreeItem).
    const node = { kind: 'question', question: api.notes.get(id)!.question } as const;
    const item = api.tree.resolveTreeItem(api.tree.getTreeItem(node), node);
    assert.match((item.tooltip as vscode.MarkdownString).value, /(recall|记住的概率) 100%/);

    // What was saved is what a reloaded window reads back from globalState.
    api.study.reload();
    assert.deepEqual(api.study.state.questions[id]?.card, card);
  });

  it('keeps the reviews another window saved meanwhile', async () => {
    const saved = api.globalState.get<unknown>(STUDY_STATE_KEY);
    const fresh = api.notes.allIds().filter((id) => !api.study.state.questions[id]?.card);
    const [mine, theirs] = fresh;
    try {
      // Another window starts from what is stored, reviews a card and saves, behind this window's back.
      const other = recordReview(migrateState(saved).state, theirs, 'hard', api.study.today(), new Date());
      await api.globalState.update(STUDY_STATE_KEY, other);
      assert.equal(api.study.state.questions[theirs]?.card, undefined, 'this window has not read it yet');

      assert.equal(await api.review.start([mine]), true);
      assert.equal(api.review.currentId, mine);
      api.review.reveal();
      await api.review.rate('good');

      const stored = migrateState(api.globalState.get<unknown>(STUDY_STATE_KEY)).state;
      assert.ok(stored.questions[mine]?.card, 'this window’s review is stored');
      assert.ok(stored.questions[theirs]?.card, 'the other window’s review is still stored');
      assert.deepEqual(stored.history.filter((e) => e.id === mine || e.id === theirs).map((e) => `${e.id === mine ? 'mine' : 'theirs'}:${e.rating}`).sort(), ['mine:good', 'theirs:hard']);
      assert.ok(api.study.state.questions[theirs]?.card, 'and this window now counts it too');
    } finally {
      await api.globalState.update(STUDY_STATE_KEY, saved);
      api.study.reload();
    }
  });

  it('the status bar counts today’s reviews and follows ratings', async () => {
    const before = api.dueStatus.count;
    assert.equal(api.dueStatus.text, `$(mortar-board) ${before}`);
    await vscode.commands.executeCommand('interviewNotes.startReview');
    api.review.reveal();
    await api.review.rate('easy');
    assert.equal(api.dueStatus.count, before - 1);
    assert.equal(api.dueStatus.text, `$(mortar-board) ${before - 1}`);
  });

  it('the progress page shows per-topic mastery and the review chart', async () => {
    const topic = api.notes.roots()[0].groups[0];
    await vscode.commands.executeCommand('interviewNotes.toggleMastered', topic.questions[0].id);
    await vscode.commands.executeCommand('interviewNotes.showProgress');
    const html = await waitFor(() => api.progress.html, 'progress html');
    assert.ok(html.includes(escapeHtml(topic.title)));
    assert.match(html, /<svg[^>]*>[\s\S]*<rect/);
    assert.match(html, /script-src 'nonce-/);
    await vscode.commands.executeCommand('interviewNotes.toggleMastered', topic.questions[0].id);
  });
});

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

describe('Interview date, daily question and Anki export', () => {
  let api: InterviewNotesApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('interviewNotes.setInterviewDate', null);
    await closeAllEditors();
  });

  it('setting an interview date shows the days left and today’s planned load in the status bar', async () => {
    const date = addDaysIso(api.study.today(), 10);
    assert.equal(await vscode.commands.executeCommand('interviewNotes.setInterviewDate', date), date);
    assert.equal(api.study.interviewDate, date);
    const plan = api.study.plan()!;
    const load = plan.days[0].reviews.length + plan.days[0].fresh.length;
    assert.ok(load > 0, 'the plan has work today');
    assert.match(api.dueStatus.text, new RegExp(`^\\$\\(mortar-board\\) ${load} · \\$\\(calendar\\) 10( 天|d)$`));
    assert.equal(api.dueStatus.count, load);
    // The review session follows the plan.
    assert.equal(await vscode.commands.executeCommand('interviewNotes.startReview'), true);
    assert.equal(api.review.remaining, load);
    assert.equal(api.review.currentId, plan.days[0].reviews[0] ?? plan.days[0].fresh[0]);
    // The progress page forecasts the day and charts the plan.
    await vscode.commands.executeCommand('interviewNotes.showProgress');
    const html = await waitFor(() => api.progress.html, 'progress page');
    assert.match(html, /class="forecast"/);
    assert.match(html, new RegExp(`of ${api.notes.allIds().length} questions|${api.notes.allIds().length} 道题中`));
    // Clearing it goes back to the plain due count.
    assert.equal(await vscode.commands.executeCommand('interviewNotes.setInterviewDate', ''), null);
    assert.equal(api.study.interviewDate, undefined);
    assert.doesNotMatch(api.dueStatus.text, /calendar/);
  });

  it('exports a topic to an Anki text file with one row per question', async () => {
    const topic = api.notes.topLevelGroups()[0];
    const dir = mkdtempSync(join(tmpdir(), 'pin-anki-'));
    const target = vscode.Uri.file(join(dir, 'anki.txt'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('interviewNotes.exportAnki', topic.id, target);
    assert.equal(written?.fsPath, target.fsPath);
    const text = readFileSync(target.fsPath, 'utf8');
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['#separator:tab', '#html:true', '#tags column:3']);
    const count = topic.ids.length;
    const firstTitle = api.notes.get(topic.ids[0])!.question.title;
    assert.ok(text.includes(`\n${escapeHtml(firstTitle)}\t`), 'the first question is a row front');
    // Every note has three fields: count the tab-separated rows outside quoted fields.
    assert.equal(countRows(text), count);
  });

  it('the daily question opens in the answer view and stays the same all day', async () => {
    const id = await vscode.commands.executeCommand<string>('interviewNotes.dailyQuestion');
    assert.ok(id && api.notes.get(id));
    await waitFor(() => api.answers.currentQuestionId === id, 'the daily question');
    assert.equal(api.daily.current(), id);
    assert.match(api.daily.text, /今日一题|Daily/);
  });
});

function addDaysIso(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Records in Anki's text format (header lines skipped, quoted fields may span lines). */
function countRows(text: string): number {
  let rows = 0;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!quoted && fieldStart && c === '#' && rows === 0 && (i === 0 || text[i - 1] === '\n')) {
      i = text.indexOf('\n', i);
      continue;
    }
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"' && fieldStart) quoted = true;
    else if (c === '\n') rows++;
    fieldStart = !quoted && (c === '\t' || c === '\n');
  }
  return rows;
}
