// The one test command (`npm test`): build, typecheck, lint, unit tests, notes check,
// integration tests in a real VS Code. Ends with a single "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './codeServerHost.mjs';

const npx = (args, opts = {}) => run('npx', ['--no-install', ...args], opts);
let passed = 0;
let failed = 0;
const failures = [];

function run(cmd, args, { capture = false } = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: capture ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (capture) process.stdout.write(r.stdout ?? '');
  return { ok: r.status === 0, out: r.stdout ?? '' };
}

function step(name, result, counts) {
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  } else if (result.ok) passed++;
  else failed++;
  if (!result.ok) failures.push(name);
}

step('build', run('node', ['esbuild.mjs']));
step('typecheck', npx(['tsc', '-p', '.', '--noEmit']));
step('lint', npx(['eslint', '.']));

const unit = npx(['mocha', '--config', 'test/unit/.mocharc.json'], { capture: true });
const count = (re) => Number(re.exec(unit.out)?.[1] ?? 0);
step('unit tests', unit, { passed: count(/(\d+) passing/), failed: count(/(\d+) failing/) || (unit.ok ? 0 : 1) });

step('notes check', run('node', ['dist/cli.js', 'check', 'notes']));

if (process.env.SKIP_INTEGRATION) {
  console.log('\nintegration tests skipped (SKIP_INTEGRATION is set)');
} else {
  const integration = run('node', ['scripts/run-integration-tests.mjs']);
  let counts = { passed: 0, failed: 1 };
  try {
    counts = JSON.parse(readFileSync(join(ROOT, 'out', 'test', 'integration-results.json'), 'utf8'));
  } catch {}
  step('integration tests', integration, { passed: counts.passed, failed: counts.failed || (integration.ok ? 0 : 1) });
}

if (process.env.SKIP_E2E) {
  console.log('\nend-to-end check skipped (SKIP_E2E is set)');
} else {
  const e2e = run('node', ['scripts/e2e.mjs'], { capture: true });
  const m = /e2e: (\d+) passed, (\d+) failed/.exec(e2e.out);
  step('end-to-end (packaged .vsix)', e2e, { passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 1) });
}

if (failures.length) console.log(`\nfailed steps: ${failures.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length ? 1 : 0);
