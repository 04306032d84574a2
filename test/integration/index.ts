// Entry point the extension host calls (the @vscode/test-electron contract, also
// used by the offline code-server host). Runs every *.test.js beside this file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  const resultsFile = process.env.INTERVIEW_NOTES_TEST_RESULTS ?? path.join(dir, '..', 'integration-results.json');
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures };
      fs.writeFileSync(resultsFile, JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending ?? 0 }));
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
  });
}
