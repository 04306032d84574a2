// Entry point the extension host calls (the @vscode/test-electron contract, also
// used by the offline code-server host). Runs every *.test.js beside this file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Lines the host runner forwards from the browser console carry this prefix. */
const PREFIX = '[itest]';

export async function run(): Promise<void> {
  // INTEGRATION_GREP narrows a run to matching test titles while working on one feature.
  const grep = process.env.INTEGRATION_GREP || undefined;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'dot', grep });
  // The restricted suite runs in a second host whose workspace is untrusted (see run-integration-tests.mjs).
  const dir = process.env.INTERVIEW_NOTES_TEST_SUITE === 'restricted' ? path.join(__dirname, 'restricted') : __dirname;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  const resultsFile = process.env.INTERVIEW_NOTES_TEST_RESULTS ?? path.join(__dirname, '..', 'integration-results.json');
  const failures: { title: string; error: string }[] = [];
  let passed = 0;
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failed) => {
      fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed, failures }, null, 2));
      console.log(`${PREFIX} ${passed} passing, ${failed} failing`);
      if (failed > 0) reject(new Error(`${failed} integration tests failed`));
      else resolve();
    });
    runner.on('pass', (test) => {
      passed++;
      console.log(`${PREFIX} ✔ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test, err: Error) => {
      failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) });
      console.log(`${PREFIX} ✘ ${test.fullTitle()}\n${String(err?.stack ?? err)}`);
    });
  });
}
