// End-to-end check of the packaged extension, driven like a person would:
// package the .vsix, install it into a real VS Code (code-server), open the
// sidebar, click a question, click "Open as Scratch File", reload the window.
// Prints timings; `--screenshots` also refreshes the README pictures in docs/images.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureHostInstalled, startCodeServer, installVsix, launchBrowser, cleanup } from './codeServerHost.mjs';

const updateScreenshots = process.argv.includes('--screenshots');
const shotDir = updateScreenshots ? join(ROOT, 'docs', 'images') : join(ROOT, 'out', 'e2e');
mkdirSync(shotDir, { recursive: true });
const vsix = join(ROOT, 'dist', 'python-interview-notes.vsix');
const TOPIC = 'Python 基础';

const checks = [];
function check(name, ok, detail = '') {
  checks.push({ name, ok });
  console.log(`${ok ? '✔' : '✘'} ${name}${detail ? ` — ${detail}` : ''}`);
}

execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: 'inherit' });
const vsixKB = Math.round(statSync(vsix).size / 1024);
ensureHostInstalled();
const extensionsDir = mkdtempSync(join(tmpdir(), 'pin-e2e-ext-'));
const workspace = mkdtempSync(join(tmpdir(), 'pin-e2e-ws-'));
writeFileSync(join(workspace, 'main.py'), 'print("hello")\n');
installVsix(vsix, extensionsDir);

// The practice steps pick their questions from the notes index the package ships.
const index = JSON.parse(readFileSync(join(ROOT, 'dist', 'notes-index.json'), 'utf8'));
const questionsOf = (topics) => topics.flatMap(function walk(t) {
  return [...t.questions, ...(t.topics ?? []).flatMap(walk)];
});
const indexQuestions = questionsOf(index.topics);
const practiceTopic = index.topics.find((t) => t.title === TOPIC) ?? index.topics[0];
// A follow-up card: a question whose first 面试官追问 item asks in bold and answers after it,
// outside the first topic (its first question was reviewed today above, which would hold its follow-ups back).
const followUpParent = questionsOf(index.topics.slice(1)).find((q) => /## 面试官追问\s*\n+- \*\*[^*\n]+\*\*\s*\S/.test(q.markdown));
// An output drill: a short runnable example printing three to six lines.
const drillQuestion = indexQuestions.find((q) => q.examples.some((e) => drillable(e)));
const drillIndex = drillQuestion?.examples.findIndex((e) => drillable(e)) ?? -1;
function drillable(e) {
  const lines = (e.expectedOutput ?? '').trimEnd().split('\n');
  return e.runnable && e.expectedOutput && lines.length >= 3 && lines.length <= 6 && e.code.trim().split('\n').length <= 12;
}

/** A local calendar date `days` from today, as the extension's "today" counts it. */
function localDate(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Progress to import: the question learned five days ago (not due), its first follow-up three days ago (due since yesterday).
const followUpKey = followUpParent && `${followUpParent.id}#followup-1`;
const progressFile = join(workspace, 'progress.json');
if (followUpParent) {
  const card = (stability, reviewed, due) => ({ stability, difficulty: 5, phase: 'review', intervalDays: due - reviewed, reps: 2, lapses: 0, due: localDate(due), lastReviewed: localDate(reviewed) });
  const updatedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
  const state = {
    version: 2,
    questions: { [followUpParent.id]: { card: card(12, -5, 7), updatedAt }, [followUpKey]: { card: card(2, -3, -1), updatedAt } },
    history: [
      { id: followUpParent.id, date: localDate(-6), rating: 'good' },
      { id: followUpParent.id, date: localDate(-5), rating: 'good' },
      { id: followUpKey, date: localDate(-4), rating: 'good' },
      { id: followUpKey, date: localDate(-3), rating: 'good' },
    ],
    recent: [],
  };
  writeFileSync(progressFile, JSON.stringify({ format: 'python-interview-notes/progress', version: 2, exportedAt: updatedAt, state }));
}

// A note of the reader's own on every bundled question (file names as myNoteFileName gives them for plain ids).
const myNotesDir = mkdtempSync(join(tmpdir(), 'pin-e2e-my-notes-'));
for (const q of indexQuestions.filter((q) => /^[a-z0-9][a-z0-9-]*$/.test(q.id))) writeFileSync(join(myNotesDir, `${q.id}.md`), 'E2E-MY-NOTE: **say** the short version first.\n');
const server = await startCodeServer({
  workspace,
  extensionsDir,
  settings: { 'workbench.colorTheme': process.env.E2E_THEME ?? 'Default Dark Modern', 'interviewNotes.myNotesFolder': myNotesDir },
});
// Key bindings with arguments, as a user could bind them: a reproducible mock interview, the
// progress import and an example's "Predict Output" drill without file dialogs.
writeFileSync(
  join(server.userDataDir, 'User', 'keybindings.json'),
  JSON.stringify([
    { key: 'ctrl+alt+f5', command: 'workbench.action.closeAllEditors' },
    { key: 'ctrl+alt+f6', command: 'interviewNotes.startMockInterview', args: { topics: [practiceTopic.id], questions: 3, minutes: 3, seed: 7 } },
    { key: 'ctrl+alt+f7', command: 'interviewNotes.importProgress', args: progressFile },
    { key: 'ctrl+alt+f8', command: 'interviewNotes.startOutputDrill', args: { questionKey: drillQuestion?.id ?? '', exampleIndex: drillIndex } },
    { key: 'ctrl+alt+f9', command: 'notifications.clearAll' },
  ]),
);
const { browser, context } = await launchBrowser({ width: 1440, height: 900 });
const timings = { vsixKB };

/** The extension's own log (LogOutputChannel) states activation and render times. */
function timeFromLog(dir, pattern) {
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const file of walk(join(dir, 'logs')).filter((f) => f.endsWith('Interview Notes.log'))) {
    const m = pattern.exec(readFileSync(file, 'utf8'));
    if (m) return Number(m[1]);
  }
  return undefined;
}

async function findFrame(page, selector, timeout = 20000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    for (const frame of page.frames()) {
      try {
        if (await frame.locator(selector).count()) return frame;
      } catch {}
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`no frame shows ${selector}`);
}

let page;
try {
  page = await context.newPage();
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.activitybar', { timeout: 60000 });
  await page.waitForTimeout(1500);

  const icon = page.locator('.activitybar [aria-label^="Interview Notes"]').first();
  await icon.click();
  const topicRow = page.locator('.monaco-list-row', { hasText: TOPIC }).first();
  await topicRow.waitFor({ timeout: 30000 });
  check('the activity bar opens the Interview Notes tree', true);
  const countText = await topicRow.locator('.label-description').textContent().catch(() => '');
  check('topic rows show mastered/total', /^\d+\/\d+$/.test((countText ?? '').trim()), `“${TOPIC}” ${countText}`);

  timings.activationMs = timeFromLog(server.userDataDir, /activated in ([\d.]+) ms/);
  await topicRow.click();
  const questionRow = page.locator('.monaco-list-row[aria-level="2"]').nth(1);
  await questionRow.waitFor();
  const questionTitle = (await questionRow.locator('.label-name').textContent())?.trim();
  const t0 = Date.now();
  await questionRow.click();
  const frame = await findFrame(page, '.question-title');
  const shown = (await frame.locator('.question-title').textContent())?.trim();
  timings.clickToAnswerMs = Date.now() - t0;
  timings.hostRenderMs = timeFromLog(server.userDataDir, /rendered \S+ in (\d+) ms/);
  check('clicking a question shows its answer', shown === questionTitle, `${shown} in ${timings.clickToAnswerMs} ms`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(shotDir, 'answer.png') });

  // The outline from the keyboard: Tab reaches its links, Enter follows one to its heading.
  const outlineLinks = await frame.locator('.outline a[data-anchor]').count();
  if (outlineLinks) {
    await frame.locator('.crumbs').click();
    let onOutline = false;
    for (let i = 0; i < 40 && !onOutline; i++) {
      await page.keyboard.press('Tab');
      onOutline = await frame.evaluate(() => document.activeElement?.matches('.outline a[data-anchor]') ?? false);
    }
    const anchor = onOutline ? await frame.evaluate(() => document.activeElement.dataset.anchor) : '';
    if (onOutline) await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const followed = onOutline && (await frame.evaluate((a) => document.activeElement?.id === a && document.activeElement.getBoundingClientRect().top < 200, anchor));
    check('Tab reaches the outline and Enter follows a heading link', followed, `${outlineLinks} outline links, “${anchor}”`);
  } else {
    check('the first answer has an outline', false);
  }
  const myNote = frame.locator('.my-note');
  check('my note shows under the answer', (await myNote.count()) === 1 && /E2E-MY-NOTE/.test((await myNote.textContent()) ?? ''));
  await myNote.scrollIntoViewIfNeeded().catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shotDir, 'answer-end.png') });
  await frame.evaluate(() => globalThis.scrollTo(0, 0));

  const openButton = frame.locator('button[data-action="openExample"]').first();
  if (await openButton.count()) {
    const code = await frame.locator('.code-block.example code').first().textContent();
    await openButton.click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'Untitled' }).first();
    await tab.waitFor({ timeout: 15000 });
    const groups = await page.locator('.editor-group-container').count();
    check('“Open as Scratch File” opens an untitled editor beside the answer', groups >= 2, `${groups} editor groups`);
    const firstLine = (code ?? '').split('\n').find((l) => l.trim()) ?? '';
    const editorText = await page.locator('.editor-group-container.active .view-lines').first().textContent();
    check('the scratch editor holds the example', (editorText ?? '').replace(/\s/g, '').includes(firstLine.replace(/\s/g, '')), firstLine);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(shotDir, 'scratch.png') });
  } else {
    check('the first question has a Python example', false);
  }

  // Read on down the page: the next question must still start from its top.
  await frame.evaluate(() => globalThis.scrollTo(0, 600));

  // Search from the keyboard: pinyin finds the Chinese question.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Alt+KeyI');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.pressSequentially('shengchengqi', { delay: 30 });
  let firstPick = '';
  for (let i = 0; i < 50 && !/生成器/.test(firstPick); i++) {
    await page.waitForTimeout(100);
    firstPick = (await page.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label').catch(() => '')) ?? '';
  }
  check('the search QuickPick finds 生成器 for “shengchengqi”', /生成器/.test(firstPick), firstPick.slice(0, 40));
  await page.screenshot({ path: join(shotDir, 'search.png') });
  await page.keyboard.press('Enter');
  let searchedTitle = '';
  for (let i = 0; i < 100 && !/生成器/.test(searchedTitle); i++) {
    const frame = await findFrame(page, '.question-title');
    searchedTitle = (await frame.locator('.question-title').textContent().catch(() => '')) ?? '';
    await page.waitForTimeout(100);
  }
  check('Enter opens the chosen answer', /生成器/.test(searchedTitle), searchedTitle);
  // That was a switch in the open page: the new answer starts at its top, its outline marks the first
  // section, my note follows under it, and the tab takes the new title.
  const switchedFrame = await findFrame(page, '.question-title');
  let afterSwitch = {};
  for (let i = 0; i < 50 && !(afterSwitch.note && afterSwitch.tab); i++) {
    afterSwitch = await switchedFrame.evaluate(() => ({
      top: Math.round(globalThis.scrollY),
      note: /E2E-MY-NOTE/.test(document.querySelector('.my-note')?.textContent ?? ''),
      outline: document.querySelectorAll('.outline a[data-anchor]').length,
      current: document.querySelector('.outline a[aria-current="location"]') === document.querySelector('.outline a[data-anchor]'),
    }));
    afterSwitch.tab = (await page.locator('.tabs-container .tab.active').first().textContent().catch(() => ''))?.includes('生成器') ?? false;
    if (!(afterSwitch.note && afterSwitch.tab)) await page.waitForTimeout(100);
  }
  check('after a switch the answer shows from its top, with its outline, my note and tab title', afterSwitch.note && afterSwitch.tab && afterSwitch.top === 0 && afterSwitch.current, JSON.stringify(afterSwitch));

  await page.keyboard.press('Escape');
  await page.locator('.monaco-list-row', { hasText: TOPIC }).first().click();
  await page.waitForTimeout(300);
  await page.locator('.monaco-list-row', { hasText: TOPIC }).first().click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(shotDir, 'sidebar.png') });

  // Daily review from the status bar: the question alone, reveal, rate.
  await page.locator('.statusbar-item', { hasText: /^\s*\d+\s*$/ }).filter({ has: page.locator('.codicon-mortar-board') }).first().click();
  const reviewFrame = await findFrame(page, 'button[data-action="reveal"]');
  const revealedBefore = await reviewFrame.locator('button[data-action="rate"]').count();
  await reviewFrame.locator('button[data-action="reveal"]').click();
  // Revealing re-renders the webview, so look the frame up again.
  const ratingFrame = await findFrame(page, 'button[data-rating="good"]');
  check('the status bar starts a review that hides the answer until revealed', revealedBefore === 0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shotDir, 'review.png') });
  await ratingFrame.locator('button[data-rating="good"]').click();
  await page.waitForTimeout(500);

  // F1 can be lost while a webview keeps the focus on a loaded machine: try again until the palette shows.
  const palette = page.locator('.quick-input-widget input');
  for (let i = 0; i < 3 && !(await palette.isVisible()); i++) {
    await page.keyboard.press('F1');
    await palette.waitFor({ timeout: 5000 }).catch(() => {});
  }
  await page.keyboard.type('Interview Notes: Show Study Progress');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Show Study Progress' }).waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  const progressFrame = await findFrame(page, 'svg rect');
  const rows = await progressFrame.locator('tbody tr').count();
  check('the progress page lists topics and charts reviews', rows > 0, `${rows} topic rows`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(shotDir, 'progress.png') });
  // The progress page is restored too; close it so the answer and review tabs are the visible ones after the reload.
  await page.locator('.tabs-container .tab', { hasText: 'Study Progress' }).locator('.codicon-close').first().click();
  await page.waitForTimeout(500);

  await page.reload();
  await page.waitForSelector('.activitybar', { timeout: 60000 });
  // Both panels are restored as tabs of one group; each is brought to front by clicking its tab.
  // Either tab may be in front after the reload: bring the review tab forward before looking for its page.
  await page.locator('.tabs-container .tab', { hasText: /^Review/ }).first().click({ timeout: 30000 }).catch(() => {});
  const reviewRestored = await findFrame(page, 'button[data-action="reveal"]', 30000).then(() => true, () => false);
  check('the review session comes back after a window reload', reviewRestored);
  await page.locator('.tabs-container .tab', { hasText: searchedTitle.trim().slice(0, 8) }).first().click().catch(() => {});
  // The answer page's own marker, and the question it showed last: the review page has titles too.
  const answerTitle = 'body.answer-page .question-title';
  const restoredFrame = await findFrame(page, answerTitle, 30000).catch(() => undefined);
  const restoredTitle = restoredFrame ? ((await restoredFrame.locator(answerTitle).textContent().catch(() => '')) ?? '').trim() : '';
  const restored = restoredTitle !== '' && restoredTitle === searchedTitle.trim();
  if (!restored) await page.screenshot({ path: join(shotDir, 'after-reload.png') });
  check('the answer panel survives a window reload', restored, restoredTitle);

  // Practice modes, pictured in the README: only the editor area, to keep the images small.
  const editorShot = async (name) => {
    // No toasts (e.g. "Imported progress…") over the picture.
    await page.keyboard.press('Control+Alt+F9');
    await page.waitForTimeout(300);
    await page.locator('.part.editor').screenshot({ path: join(shotDir, name) });
  };
  const closeEditors = async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Alt+F5');
    // The scratch file is unsaved: close it without saving.
    const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don't Save|不保存/ });
    if (await dontSave.first().waitFor({ timeout: 3000 }).then(() => true, () => false)) await dontSave.first().click();
    await page.waitForTimeout(500);
  };
  await closeEditors();

  // A mock interview: the question alone with its timer, the notes typed, then the key points as a checklist.
  await page.keyboard.press('Control+Alt+F6');
  await (await findFrame(page, 'button[data-action="start"]')).locator('button[data-action="start"]').click();
  let interviewFrame = await findFrame(page, '.timer-text');
  const timerBefore = (await interviewFrame.locator('.timer-text').textContent())?.trim();
  await interviewFrame.locator('textarea#interview-notes').fill('先给定义，再讲底层实现，最后举一个例子和一个常见误区。');
  await page.waitForTimeout(2200);
  const timerAfter = (await interviewFrame.locator('.timer-text').textContent())?.trim();
  check('a mock interview asks one question with a running timer', Boolean(timerBefore && timerAfter && timerBefore !== timerAfter), `${timerBefore} → ${timerAfter}`);
  await interviewFrame.locator('button[data-action="reveal"]').click();
  interviewFrame = await findFrame(page, 'input[data-point]');
  const points = await interviewFrame.locator('input[data-point]').count();
  for (let i = 0; i < Math.min(2, points); i++) await interviewFrame.locator(`label[for="interview-point-${i}"]`).click();
  const ticked = await interviewFrame.locator('input[data-point]:checked').count();
  check('revealing shows the key points as a checklist to tick', points > 0 && ticked === Math.min(2, points), `${ticked} of ${points} ticked`);
  await page.waitForTimeout(500);
  await editorShot('mock-interview.png');
  await closeEditors();

  // A follow-up card in the review session: progress imported, then the session from the status bar.
  if (followUpParent) {
    await page.keyboard.press('Control+Alt+F7');
    await page.waitForTimeout(1500);
    await page.locator('.statusbar-item').filter({ has: page.locator('.codicon-mortar-board') }).first().click();
    let followFrame = await findFrame(page, '.follow-up-to');
    const to = ((await followFrame.locator('.follow-up-to').textContent()) ?? '').trim();
    await followFrame.locator('button[data-action="reveal"]').click();
    followFrame = await findFrame(page, 'button[data-rating="good"]');
    check('a due follow-up card comes up in the review session, naming its question', to.includes(followUpParent.title.slice(0, 6)), to.slice(0, 40));
    await page.waitForTimeout(500);
    await editorShot('follow-up.png');
    await closeEditors();
  } else {
    check('a bundled question has a follow-up card', false);
  }

  // An output drill from an example: the prediction typed, then compared line by line.
  if (drillQuestion) {
    const expected = drillQuestion.examples[drillIndex].expectedOutput.trimEnd().split('\n');
    // One line predicted wrong, the rest right.
    const typed = expected.map((line, i) => (i === 1 ? (line.includes('True') ? line.replace('True', 'False') : `${line}?`) : line));
    await page.keyboard.press('Control+Alt+F8');
    const drillStart = await findFrame(page, 'button[data-action="start"], textarea#drill-answer');
    if (await drillStart.locator('button[data-action="start"]').count()) await drillStart.locator('button[data-action="start"]').click();
    let drillFrame = await findFrame(page, 'textarea#drill-answer');
    await drillFrame.locator('textarea#drill-answer').fill(typed.join('\n'));
    await drillFrame.locator('button[data-action="check"]').click();
    drillFrame = await findFrame(page, 'table.comparison');
    const compared = await drillFrame.locator('table.comparison tbody tr').count();
    const differs = await drillFrame.locator('table.comparison tbody tr.line-differs').count();
    check('an output drill compares the typed prediction with the real output line by line', compared === expected.length && differs === 1, `${compared} lines for ${expected.length}, ${differs} differs`);
    await page.waitForTimeout(500);
    await editorShot('output-drill.png');
    await closeEditors();
  } else {
    check('a bundled example can be drilled', false);
  }
} catch (err) {
  check(`e2e run: ${err.message}`, false);
  await page?.screenshot({ path: join(ROOT, 'out', 'e2e-failure.png') }).catch(() => {});
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  cleanup(extensionsDir, workspace, server.userDataDir, myNotesDir);
}

const failed = checks.filter((c) => !c.ok).length;
console.log(`e2e timings: ${JSON.stringify(timings)}`);
console.log(`e2e: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
