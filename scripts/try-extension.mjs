// `npm run try`: build and package the extension, then install it into the local
// VS Code (`code` on PATH). Where no desktop VS Code exists, open it in VS Code in
// the browser (code-server) on http://127.0.0.1:PORT with the .vsix installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureHostInstalled, startCodeServer, installVsix } from './codeServerHost.mjs';

const vsix = join(ROOT, 'dist', 'python-interview-notes.vsix');
execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit' });

const code = process.env.VSCODE_CLI ?? 'code';
const hasCode = spawnSync(code, ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode && !process.env.TRY_IN_BROWSER) {
  execFileSync(code, ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
  console.log('\nInstalled. Open VS Code and click the “Interview Notes” icon in the activity bar.');
  process.exit(0);
}

ensureHostInstalled();
const home = join(ROOT, '.vscode-test', 'try');
const extensionsDir = join(home, 'extensions');
const workspace = join(home, 'workspace');
mkdirSync(workspace, { recursive: true });
installVsix(vsix, extensionsDir);
const port = Number(process.env.PORT ?? 8080);
const server = await startCodeServer({ workspace, extensionsDir, userDataDir: join(home, 'user-data'), port });
console.log(`\nVS Code with Python Interview Notes is running at ${server.url}/?folder=${encodeURIComponent(workspace)}`);
console.log('Open it in a browser, click the “Interview Notes” icon in the activity bar. Ctrl+C stops it.');
process.on('SIGINT', async () => {
  await server.stop();
  process.exit(0);
});
await new Promise(() => {});
