// UI benchmark of the packaged extension against VS Code's built-in Markdown
// preview, side by side in one run of a real VS Code (code-server + headless
// Chromium). Same Markdown for both: two bundled answers, written as .md files
// for the preview. Both are timed from the key press that runs the command until
// the answer's <h1> is in a webview frame. Prints medians; asserts nothing.
// The floor: a bare webview page (only the same <h1>) from a throwaway extension the bench
// writes at run time and installs beside ours, timed the same way. What it takes is VS Code
// creating and booting a webview, the least any webview page can take on this host.
// Once per round the floor is also opened with VS Code's internal disableServiceWorker flag
// (which the extension API does not expose), to show what the service-worker registration costs.
// With --profile it also prints, per measured action, when the webview's outer
// and inner frames started (ms after the key press), from their own `performance`,
// and where the workbench's main thread spent each cold open (a CPU profile).
//   node scripts/bench-ui.mjs [--rounds N] [--no-package] [--profile]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureHostInstalled, startCodeServer, installVsix, launchBrowser, cleanup } from './codeServerHost.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const profile = process.argv.includes('--profile');
const rounds = Math.max(1, Number(arg('--rounds', '7')) || 7);
const vsix = join(ROOT, 'dist', 'python-interview-notes.vsix');

if (!process.argv.includes('--no-package')) execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: 'inherit' });
// The questions are read from the shipped index, so the preview gets exactly their Markdown.
const questions = readBundledQuestions();
const [qa, qb] = questions;
console.log(`bench:ui: “${qa.title}” (${qa.markdown.length} chars) and “${qb.title}” (${qb.markdown.length} chars), ${rounds} rounds`);

ensureHostInstalled();
const extensionsDir = mkdtempSync(join(tmpdir(), 'pin-bench-ext-'));
const workspace = mkdtempSync(join(tmpdir(), 'pin-bench-ws-'));
writeFileSync(join(workspace, 'a.md'), `# ${qa.title}\n\n${qa.markdown}`);
writeFileSync(join(workspace, 'b.md'), `# ${qb.title}\n\n${qb.markdown}`);
installVsix(vsix, extensionsDir);
const floorDir = mkdtempSync(join(tmpdir(), 'pin-bench-floor-'));
installVsix(await packFloorExtension(floorDir), extensionsDir);

// Key bindings let one key press start each measured action, so palette typing is not timed.
const keys = [
  { key: 'ctrl+alt+f1', command: 'interviewNotes.openQuestion', args: qa.id },
  { key: 'ctrl+alt+f2', command: 'interviewNotes.openQuestion', args: qb.id },
  { key: 'ctrl+alt+f3', command: 'markdown.showPreview' },
  { key: 'ctrl+alt+f4', command: 'markdown.showPreviewToSide' },
  { key: 'ctrl+alt+f5', command: 'workbench.action.closeAllEditors' },
  { key: 'ctrl+alt+f6', command: 'workbench.action.focusFirstEditorGroup' },
  { key: 'ctrl+alt+f7', command: 'workbench.action.openEditorAtIndex1' },
  { key: 'ctrl+alt+f8', command: 'workbench.action.openEditorAtIndex2' },
  { key: 'ctrl+alt+f9', command: 'benchFloor.open', args: { title: qa.title } },
  { key: 'ctrl+alt+f10', command: 'benchFloor.open', args: { title: qa.title, scripted: true } },
  { key: 'ctrl+alt+f11', command: 'benchFloor.show', args: { title: qb.title } },
  { key: 'ctrl+alt+f12', command: 'benchFloor.show', args: { title: qa.title } },
];
const server = await startCodeServer({
  workspace,
  extensionsDir,
  settings: { 'workbench.editor.enablePreview': false, 'markdown.preview.openMarkdownLinks': 'inPreview' },
});
writeFileSync(join(server.userDataDir, 'User', 'keybindings.json'), JSON.stringify(keys));
const { browser, context } = await launchBrowser({ width: 1440, height: 900 });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
};

/**
 * Resolves once some frame shows an <h1> with this text; returns ms since `t0`.
 * Every frame is asked at once, so a sweep costs one round trip, not one per frame.
 */
async function untilHeading(page, title, t0, timeout = 30000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    const found = await Promise.all(
      frames.map((frame) =>
        frame
          .evaluate((t) => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === t), title)
          .then((hit) => hit && Date.now(), () => false),
      ),
    );
    const at = found.findIndex(Boolean);
    if (at >= 0) {
      const ms = found[at] - t0;
      if (profile) await printProfile(frames[at], title, t0, ms);
      return ms;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no webview showed “${title}” within ${timeout} ms`);
}

/** Where the time went, from the frames' own clocks (both are on this machine's clock). */
async function printProfile(frame, title, t0, ms) {
  const timings = (f) =>
    f
      ?.evaluate(() => ({
        origin: performance.timeOrigin,
        marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
        // name, start, [service worker start, request sent, first byte,] end: ms after the frame's own start.
        resources: performance.getEntriesByType('resource').map((r) => [
          r.name.split('/').pop().split('?')[0].slice(0, 24),
          ...[r.startTime, ...(r.name.includes('fake.html') ? [r.workerStart, r.requestStart, r.responseStart] : []), r.responseEnd].map(Math.round),
        ]),
      }))
      .catch(() => undefined);
  const [inner, outer] = await Promise.all([timings(frame), timings(frame.parentFrame())]);
  const at = (t) => (t ? Math.round(t.origin - t0) : '?');
  console.log(`  profile “${title.slice(0, 12)}…” ${ms} ms: outer frame at ${at(outer)}, inner frame at ${at(inner)}; inner marks ${JSON.stringify(inner?.marks)} res ${JSON.stringify(inner?.resources)}; outer res ${JSON.stringify(outer?.resources?.slice(-6))}`);
}

/** Samples the page's main thread (the webviews' frames run on it too) while `action` runs. */
async function cpuProfile(page, label, action) {
  if (!profile) return action();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  try {
    return await action();
  } finally {
    const { profile: p } = await cdp.send('Profiler.stop');
    await cdp.detach().catch(() => {});
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const self = new Map();
    const byFile = new Map();
    const dt = p.timeDeltas ?? [];
    p.samples.forEach((id, i) => {
      const node = byId.get(id);
      const f = node.callFrame;
      const file = f.url ? f.url.split('/').pop().split('?')[0] : f.functionName || '(native)';
      const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
      const ms = (dt[i + 1] ?? 0) / 1000;
      self.set(key, (self.get(key) ?? 0) + ms);
      byFile.set(file, (byFile.get(file) ?? 0) + ms);
    });
    const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${Math.round(v)} ${k}`).join(' | ');
    console.log(`  cpu ${label} (${Math.round((p.endTime - p.startTime) / 1000)} ms sampled) by file: ${top(byFile, 12)}`);
    console.log(`  cpu ${label} by function: ${top(self, 25)}`);
  }
}

async function press(page, key) {
  const t0 = Date.now();
  if (profile) console.log(`  key ${key} at ${new Date(t0).toISOString()}`);
  await page.keyboard.press(key);
  return t0;
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor();
}

async function closeAll(page) {
  await page.keyboard.press('Control+Alt+F5');
  await page.waitForFunction(() => !document.querySelector('.tabs-container .tab'), null, { timeout: 10000 }).catch(() => {});
  // Keys go to the workbench, not to whatever held focus before.
  await page.locator('.part.editor').first().click({ position: { x: 400, y: 300 } }).catch(() => {});
  await page.waitForTimeout(300);
}

const ours = { cold: [], switch: [] };
const preview = { cold: [], switch: [] };
const floor = { cold: [], scriptedCold: [], switch: [], noWorkerCold: [] };

/**
 * Runs `action` with the webviews' outer page (index.html) loaded with VS Code's internal
 * `disableServiceWorker` flag, which no extension can set: what the boot costs without the
 * per-webview service-worker registration. Routing is on only meanwhile (it turns off the HTTP cache).
 */
async function withoutServiceWorker(page, action) {
  const pattern = /\/webview\/browser\/pre\/index\.html\?/;
  const handler = (route) => {
    const url = route.request().url();
    if (url.includes('disableServiceWorker')) return route.continue();
    return route.fulfill({ status: 302, headers: { location: `${url}&disableServiceWorker=true` } });
  };
  await page.route(pattern, handler);
  try {
    return await action();
  } finally {
    await page.unroute(pattern, handler);
  }
}
try {
  const page = await context.newPage();
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 120000 });
  await page.waitForSelector('.activitybar', { timeout: 60000 });
  await page.waitForTimeout(2000);

  // Warm up once each, so activation is not counted as an open.
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  await untilHeading(page, qa.title, await press(page, 'Control+Alt+F1'), 60000);
  await closeAll(page);
  await openFile(page, 'a.md');
  await untilHeading(page, qa.title, await press(page, 'Control+Alt+F3'), 60000);
  await closeAll(page);
  await untilHeading(page, qa.title, await press(page, 'Control+Alt+F10'), 60000);
  await closeAll(page);

  for (let r = 0; r < rounds; r++) {
    // Ours: cold open, then switches in the open panel.
    ours.cold.push(await cpuProfile(page, `ours cold ${r + 1}`, async () => untilHeading(page, qa.title, await press(page, 'Control+Alt+F1'))));
    await page.waitForTimeout(300);
    ours.switch.push(await cpuProfile(page, `ours switch ${r + 1}`, async () => untilHeading(page, qb.title, await press(page, 'Control+Alt+F2'))));
    await page.waitForTimeout(300);
    ours.switch.push(await untilHeading(page, qa.title, await press(page, 'Control+Alt+F1')));
    await closeAll(page);

    // Floor: the bare page opened cold; then a page with a one-line script, switched by message.
    floor.cold.push(await cpuProfile(page, `floor cold ${r + 1}`, async () => untilHeading(page, qa.title, await press(page, 'Control+Alt+F9'))));
    await closeAll(page);
    floor.scriptedCold.push(await untilHeading(page, qa.title, await press(page, 'Control+Alt+F10')));
    await page.waitForTimeout(300);
    floor.switch.push(await untilHeading(page, qb.title, await press(page, 'Control+Alt+F11')));
    await page.waitForTimeout(300);
    floor.switch.push(await untilHeading(page, qa.title, await press(page, 'Control+Alt+F12')));
    await closeAll(page);
    floor.noWorkerCold.push(await withoutServiceWorker(page, async () => untilHeading(page, qa.title, await press(page, 'Control+Alt+F9'))));
    await closeAll(page);

    // Preview: cold open of a.md's preview in place.
    await openFile(page, 'a.md');
    await page.waitForTimeout(200);
    preview.cold.push(await cpuProfile(page, `preview cold ${r + 1}`, async () => untilHeading(page, qa.title, await press(page, 'Control+Alt+F3'))));
    await closeAll(page);

    // Preview beside its source; switching the source editor updates it.
    await openFile(page, 'a.md');
    await openFile(page, 'b.md');
    await page.keyboard.press('Control+Alt+F7');
    await page.waitForTimeout(200);
    await untilHeading(page, qa.title, await press(page, 'Control+Alt+F4'));
    await page.keyboard.press('Control+Alt+F6');
    await page.waitForTimeout(300);
    preview.switch.push(await cpuProfile(page, `preview update ${r + 1}`, async () => untilHeading(page, qb.title, await press(page, 'Control+Alt+F8'))));
    await page.waitForTimeout(300);
    preview.switch.push(await untilHeading(page, qa.title, await press(page, 'Control+Alt+F7')));
    await closeAll(page);
    console.log(`round ${r + 1}: ours cold ${ours.cold.at(-1)} ms, switch ${ours.switch.slice(-2).join('/')} ms; preview cold ${preview.cold.at(-1)} ms, update ${preview.switch.slice(-2).join('/')} ms; floor cold ${floor.cold.at(-1)} ms (with script ${floor.scriptedCold.at(-1)} ms), switch ${floor.switch.slice(-2).join('/')} ms, cold without the service worker ${floor.noWorkerCold.at(-1)} ms`);
  }
} catch (err) {
  await context.pages()[0]?.screenshot({ path: join(ROOT, 'out', 'bench-ui-failure.png') }).catch(() => {});
  throw err;
} finally {
  await browser.close().catch(() => {});
  if (profile) printExtensionLog(server.userDataDir);
  await server.stop();
  cleanup(extensionsDir, workspace, server.userDataDir, floorDir);
}

const result = {
  oursColdMs: median(ours.cold),
  previewColdMs: median(preview.cold),
  oursSwitchMs: median(ours.switch),
  previewSwitchMs: median(preview.switch),
  rounds,
  floorColdMs: median(floor.cold),
  floorSwitchMs: median(floor.switch),
};
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
console.log(`cold open: ours ${result.oursColdMs} ms vs preview ${result.previewColdMs} ms (${ratio(result.oursColdMs, result.previewColdMs)})`);
console.log(`switch: ours ${result.oursSwitchMs} ms vs preview ${result.previewSwitchMs} ms (${ratio(result.oursSwitchMs, result.previewSwitchMs)})`);
console.log(`floor (a webview page that is only the <h1>): cold ${result.floorColdMs} ms (${ratio(result.floorColdMs, result.previewColdMs)} of the preview's; with a one-line script ${median(floor.scriptedCold)} ms), switch by message ${result.floorSwitchMs} ms (${ratio(result.floorSwitchMs, result.previewSwitchMs)} of the preview's update)`);
const noWorker = median(floor.noWorkerCold);
console.log(`floor cold without VS Code's per-webview service-worker registration (its internal disableServiceWorker, set by the bench; no extension API reaches it): ${noWorker} ms, so the registration costs ${result.floorColdMs - noWorker} ms of every new webview; without it ours/preview would be about ${ratio(result.oursColdMs - result.floorColdMs + noWorker, result.previewColdMs - result.floorColdMs + noWorker)}`);
console.log(`ours above the floor: cold +${result.oursColdMs - result.floorColdMs} ms, switch +${result.oursSwitchMs - result.floorSwitchMs} ms`);
console.log(JSON.stringify(result));

/** The extension's own log lines (their times are this machine's local time). */
function printExtensionLog(dir) {
  const files = execFileSync('find', [dir, '-name', '*Interview Notes*.log'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files) console.log(readFileSync(file, 'utf8').split('\n').filter((l) => / (rendered|switched|activated|loaded)/.test(l)).join('\n'));
}

/**
 * Writes and packages the floor extension: one command opens a webview panel the way ours
 * does (active column, focus moves to it) whose page is only the <h1> under a strict CSP;
 * with `scripted` the page also has one inline (nonce) script that sets the <h1> from a
 * message, which the other command posts. Never shipped: it lives in a temp folder.
 */
async function packFloorExtension(dir) {
  const ext = join(dir, 'ext');
  mkdirSync(ext);
  const commands = ['open', 'show'].map((c) => ({ command: `benchFloor.${c}`, title: `Bench floor: ${c}` }));
  writeFileSync(
    join(ext, 'package.json'),
    JSON.stringify({ name: 'bench-floor', publisher: 'bench', version: '0.0.1', license: 'UNLICENSED', files: ['extension.js'], engines: { vscode: '^1.80.0' }, main: './extension.js', contributes: { commands } }),
  );
  writeFileSync(join(ext, 'extension.js'), `exports.activate = (context) => (${activateFloor})(context, require('vscode'), require('crypto').randomBytes);\n`);
  const packagePath = join(dir, 'bench-floor.vsix');
  const { createVSIX } = await import('@vscode/vsce');
  await createVSIX({ cwd: ext, packagePath, dependencies: false, allowMissingRepository: true, skipLicense: true });
  return packagePath;
}

/** The floor extension's `activate`; its source is written into the extension as is. */
function activateFloor(context, vscode, randomBytes) {
  const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const script = 'addEventListener("message", (e) => { if (typeof e.data?.title === "string") document.querySelector("h1").textContent = e.data.title; });';
  const page = (title, nonce) =>
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'${nonce ? `; script-src 'nonce-${nonce}'` : ''}">` +
    `</head><body><h1>${escape(title)}</h1>${nonce ? `<script nonce="${nonce}">${script}</script>` : ''}</body></html>`;
  let scripted;
  context.subscriptions.push(
    vscode.commands.registerCommand('benchFloor.open', (a) => {
      const panel = vscode.window.createWebviewPanel('benchFloor', 'Floor', { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, { enableScripts: !!a.scripted, localResourceRoots: [] });
      panel.webview.html = page(a.title, a.scripted && randomBytes(16).toString('base64'));
      if (!a.scripted) return;
      scripted = panel;
      panel.onDidDispose(() => scripted === panel && (scripted = undefined));
    }),
    vscode.commands.registerCommand('benchFloor.show', (a) => scripted?.webview.postMessage({ title: a.title })),
  );
}

function readBundledQuestions() {
  const index = JSON.parse(readFileSync(join(ROOT, 'dist', 'notes-index.json'), 'utf8'));
  const all = [];
  const walk = (topics) => topics.forEach((t) => (all.push(...t.questions), walk(t.topics)));
  walk(index.topics);
  // Two long answers with code: the demanding case for both renderers.
  return all.filter((q) => q.examples.length).sort((a, b) => b.markdown.length - a.markdown.length).slice(0, 2);
}
