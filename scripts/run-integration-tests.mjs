// Runs test/integration inside a real VS Code extension host.
// Default: offline code-server + headless Chromium (works with no internet).
// INTERVIEW_NOTES_TEST_HOST=electron uses @vscode/test-electron (downloads desktop VS Code).
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureHostInstalled, startCodeServer, launchBrowser, payloadUrl, cleanup } from './codeServerHost.mjs';

const testsPath = join(ROOT, 'out', 'test', 'integration', 'index.js');
const resultsFile = join(ROOT, 'out', 'test', 'integration-results.json');
if (!existsSync(testsPath)) {
  console.error('integration tests are not built: run `npm run build` first');
  process.exit(1);
}
rmSync(resultsFile, { force: true });

function makeWorkspace() {
  const ws = mkdtempSync(join(tmpdir(), 'pin-ws-'));
  cpSync(join(ROOT, 'test', 'integration', 'fixtures', 'workspace'), ws, { recursive: true });
  return ws;
}

async function viaElectron() {
  const { runTests } = await import('@vscode/test-electron');
  const ws = makeWorkspace();
  // A fresh user-data folder, as on code-server: no settings, state or editors from an earlier run.
  const userDataDir = mkdtempSync(join(tmpdir(), 'pin-ud-'));
  try {
    await runTests({ extensionDevelopmentPath: ROOT, extensionTestsPath: testsPath, launchArgs: [ws, '--disable-extensions', '--user-data-dir', userDataDir] });
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(ws, { recursive: true, force: true });
  }
  return 0;
}

/**
 * One run of a suite in code-server. `restricted` opens the workspace untrusted (Restricted Mode,
 * as a freshly cloned repository opens) and runs the tests in test/integration/restricted.
 */
async function viaCodeServer({ restricted = false } = {}) {
  const ws = makeWorkspace();
  const server = await startCodeServer({
    workspace: ws,
    log: !!process.env.DEBUG_CODE_SERVER,
    restricted,
    env: restricted ? { INTERVIEW_NOTES_TEST_SUITE: 'restricted' } : {},
  });
  const { browser, context } = await launchBrowser();
  const deadline = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 600000);
  try {
    const page = await context.newPage();
    page.on('console', (msg) => {
      const text = msg.text();
      const at = text.indexOf('[itest]');
      // The extension host forwards its console here; keep test lines, drop workbench noise.
      if (at >= 0) console.log(text.slice(at + 8).replace(/%c/g, ''));
      else if (process.env.DEBUG_CODE_SERVER) console.log(text);
    });
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', resolve));
    await page.goto(payloadUrl(server, ws, [
      ['extensionDevelopmentPath', ROOT],
      ['extensionTestsPath', testsPath],
    // A loaded machine can take a while to serve the workbench.
    ]), { timeout: 180000 });
    const code = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r('timeout'), deadline)),
    ]);
    if (code === 'timeout') {
      console.error(`integration tests did not finish within ${deadline / 1000} s`);
      return 1;
    }
    return Number(code);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    cleanup(ws, server.userDataDir, server.extensionsDir);
  }
}

function readResults(suite) {
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    console.error(`the extension host wrote no test results for the ${suite} suite (did the tests load?)`);
    return { passed: 0, failed: 1, failures: [] };
  }
}

const host = process.env.INTERVIEW_NOTES_TEST_HOST ?? 'code-server';
let code;
let summary;
if (host === 'electron') {
  code = await viaElectron();
  summary = readResults('main');
} else {
  // INTEGRATION_SUITES=main or =restricted runs one of them (default: both);
  // INTEGRATION_GREP=<text> runs only the tests whose titles match.
  const suites = (process.env.INTEGRATION_SUITES ?? 'main,restricted').split(',');
  ensureHostInstalled();
  code = 0;
  summary = { passed: 0, failed: 0, failures: [] };
  for (const suite of suites) {
    rmSync(resultsFile, { force: true });
    const suiteCode = await viaCodeServer({ restricted: suite === 'restricted' });
    const r = readResults(suite);
    if (suites.length > 1) console.log(`integration, ${suite} suite: ${r.passed} passed, ${r.failed} failed`);
    code = code || suiteCode;
    summary = { passed: summary.passed + r.passed, failed: summary.failed + r.failed, failures: [...summary.failures, ...(r.failures ?? [])] };
  }
  writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
}
console.log(`integration (${host}): ${summary.passed} passed, ${summary.failed} failed`);
process.exit(code === 0 && summary.passed > 0 && summary.failed === 0 ? 0 : 1);
