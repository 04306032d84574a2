// Starts a real VS Code (code-server) on loopback and drives it with headless
// Chromium through Playwright. Shared by the integration tests, the try command
// and the screenshot script. See ../shared notes in the README "Testing" section.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const HOST_DIR = process.env.CODE_SERVER_DIR ?? join(ROOT, '.vscode-test', 'code-server');

export function ensureHostInstalled() {
  execFileSync('bash', [join(ROOT, 'scripts', 'setup-test-host.sh')], { stdio: 'inherit' });
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * Starts code-server; resolves once it answers HTTP. `restricted` keeps workspace trust on, so
 * the workspace opens untrusted (Restricted Mode) without a prompt; `env` reaches the extension host.
 */
export async function startCodeServer({ workspace, extensionsDir, settings = {}, port, userDataDir, log = false, restricted = false, env = {} }) {
  port ??= await freePort();
  userDataDir ??= mkdtempSync(join(tmpdir(), 'pin-ud-'));
  extensionsDir ??= mkdtempSync(join(tmpdir(), 'pin-ext-'));
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': restricted,
      ...(restricted ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {}),
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      ...settings,
    }),
  );
  const entry = join(HOST_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const child = spawn(
    process.execPath,
    [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      ...(restricted ? [] : ['--disable-workspace-trust']), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, workspace],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '', ...env } },
  );
  child.stdout.on('data', (d) => log && process.stdout.write(`[code-server] ${d}`));
  child.stderr.on('data', (d) => log && process.stderr.write(`[code-server] ${d}`));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url, port, userDataDir, extensionsDir, child,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export function installVsix(vsix, extensionsDir) {
  const entry = join(HOST_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  execFileSync(process.execPath, [entry, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--force'], { stdio: 'inherit' });
}

export async function launchBrowser({ width = 1400, height = 900, colorScheme = 'dark' } = {}) {
  const require = createRequire(join(HOST_DIR, 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, locale: 'en-US' });
  return { browser, context };
}

export function payloadUrl(server, workspace, payload) {
  const auth = `127.0.0.1:${server.port}`;
  const pairs = payload.map(([k, v]) => [k, v.startsWith('/') ? `vscode-remote://${auth}${v}` : v]);
  return `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(pairs))}`;
}

export function cleanup(...dirs) {
  for (const d of dirs) if (d) rmSync(d, { recursive: true, force: true });
}
