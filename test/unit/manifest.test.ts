import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWER_PANEL_TYPE, Commands, TOPICS_VIEW_ID, VIEW_CONTAINER_ID } from '../../src/constants';

const ROOT = join(__dirname, '..', '..', '..');
const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = join(dir, n);
    return statSync(full).isDirectory() ? sourceFiles(full) : n.endsWith('.ts') ? [full] : [];
  });
}

describe('package.json agrees with the code', () => {
  const pkg = read('package.json');

  it('declares every command the code registers, and no others', () => {
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(Commands).sort());
  });

  it('uses the view and panel ids from constants', () => {
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, VIEW_CONTAINER_ID);
    assert.equal(pkg.contributes.views[VIEW_CONTAINER_ID][0].id, TOPICS_VIEW_ID);
    const text = JSON.stringify(pkg);
    assert.ok(text.includes(ANSWER_PANEL_TYPE));
  });

  it('packages every webview script a panel loads (.vscodeignore)', () => {
    const kept = new Set(readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('!')).map((l) => l.slice(1)));
    const scripts = sourceFiles(join(ROOT, 'src', 'views')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/page\.script\('([\w.-]+\.js)'\)/g)].map((m) => m[1]));
    assert.ok(scripts.length >= 5, `found ${scripts.join(', ')}`);
    for (const name of scripts) assert.ok(kept.has(`dist/${name}`), `dist/${name} is left out of the .vsix`);
  });

  it('activates lazily (no "*" or startup events)', () => {
    for (const e of pkg.activationEvents ?? []) assert.ok(e !== '*' && e !== 'onStartupFinished', e);
  });

  it('translates every %key% into English and Simplified Chinese', () => {
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    const keys = [...JSON.stringify(pkg.contributes).matchAll(/%([\w.]+)%/g), ...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    for (const k of new Set(keys)) {
      assert.ok(en[k], `package.nls.json lacks ${k}`);
      assert.ok(zh[k], `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });

  it('has a zh-cn translation for every runtime string', () => {
    const zh = read('l10n/bundle.l10n.zh-cn.json');
    const used = new Set<string>();
    for (const f of sourceFiles(join(ROOT, 'src'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
    }
    const missing = [...used].filter((s) => !zh[s]);
    assert.deepEqual(missing, []);
  });

  it('lists each translated string once (a repeated key silently keeps only its last translation)', () => {
    for (const file of ['l10n/bundle.l10n.zh-cn.json', 'package.nls.json', 'package.nls.zh-cn.json']) {
      const keys = [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*"((?:[^"\\]|\\.)*)"\s*:/gm)].map((m) => m[1]);
      const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
      assert.deepEqual(repeated, [], file);
    }
  });
});
