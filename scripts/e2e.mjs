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
const server = await startCodeServer({ workspace, extensionsDir, settings: { 'workbench.colorTheme': process.env.E2E_THEME ?? 'Default Dark Modern' } });
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

try {
  const page = await context.newPage();
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

  await page.keyboard.press('F1');
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
} catch (err) {
  check(`e2e run: ${err.message}`, false);
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  cleanup(extensionsDir, workspace, server.userDataDir);
}

const failed = checks.filter((c) => !c.ok).length;
console.log(`e2e timings: ${JSON.stringify(timings)}`);
console.log(`e2e: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
