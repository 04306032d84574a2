// One build script for everything: the extension host bundle, the notes reader
// thread (parseWorker), the webview script, the CLI, the compiled notes index and the test bundles.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, mkdirSync, watch as watchFiles } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

function findFiles(dir, suffix) {
  let out = [];
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(findFiles(full, suffix));
    else if (name.endsWith(suffix)) out.push(full);
  }
  return out;
}

const logProblems = {
  name: 'log-problems',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        console.error(`✘ ${text}` + (location ? `\n    ${location.file}:${location.line}:${location.column}` : ''));
      }
    });
  },
};

// In watch mode every rebuild is framed by "[watch] build started" / "[watch] build finished"
// (the background problem matcher in .vscode/tasks.json waits for them); several builds
// running at once count as one.
let running = 0;
const watchMarkers = {
  name: 'watch-markers',
  setup(build) {
    if (!watch) return;
    build.onStart(() => {
      if (running++ === 0) console.log('[watch] build started');
    });
    build.onEnd(async () => {
      // The notes index is compiled by the CLI bundle, so it follows that build.
      if (build.initialOptions.entryPoints?.cli) await compileNotesIndex().catch((err) => console.error(`✘ notes index: ${err.message}`));
      if (--running === 0) console.log('[watch] build finished');
    });
  },
};

const nodeCommon = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'silent',
  // The printable page inlines its stylesheets.
  loader: { '.css': 'text' },
  plugins: [logProblems, watchMarkers],
};

const builds = [
  { ...nodeCommon, entryPoints: { extension: 'src/extension.ts', cli: 'src/cli/cli.ts', parseWorker: 'src/loader/parseWorker.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...nodeCommon,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { webview: 'src/webview/main.ts', review: 'src/webview/review.ts', progress: 'src/webview/progress.ts', mockInterview: 'src/webview/mockInterview.ts', outputDrill: 'src/webview/outputDrill.ts' },
    outdir: 'dist',
  },
];

if (!production) {
  const unit = findFiles('test/unit', '.test.ts');
  const integration = ['test/integration/index.ts', ...findFiles('test/integration', '.test.ts')];
  const bench = findFiles('bench', '.ts');
  builds.push({ ...nodeCommon, entryPoints: unit, outbase: 'test', outdir: 'out/test', external: ['vscode', 'mocha', 'fast-check', 'typescript'] });
  builds.push({ ...nodeCommon, entryPoints: integration, outbase: 'test', outdir: 'out/test', external: ['vscode', 'mocha'] });
  if (bench.length) builds.push({ ...nodeCommon, entryPoints: bench, outbase: 'bench', outdir: 'out/bench' });
}

async function compileNotesIndex() {
  // The bundled notes are parsed once at build time, so activation reads one JSON file.
  // A fresh URL each time, so a rebuilt CLI is loaded again rather than taken from the module cache.
  const cli = pathToFileURL(join(process.cwd(), 'dist', 'cli.js')).href + (watch ? `?t=${Date.now()}` : '');
  const { compileBundledNotes } = await import(cli);
  mkdirSync('dist', { recursive: true });
  const summary = compileBundledNotes('notes', 'dist/notes-index.json', 'dist/notes-bundle.br');
  console.log(`notes index: ${summary.topics} topics, ${summary.questions} questions, ${summary.bytes} bytes; bundle with ${summary.prerendered} pre-rendered answers, ${summary.bundleBytes} bytes`);
  for (const p of summary.problems) console.error(`${p.severity}: ${p.file}:${p.line}: ${p.message}`);
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  // Editing a bundled note rebuilds the notes index too.
  let pending;
  watchFiles('notes', { recursive: true }, () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      if (running++ === 0) console.log('[watch] build started');
      await compileNotesIndex().catch((err) => console.error(`✘ notes index: ${err.message}`));
      if (--running === 0) console.log('[watch] build finished');
    }, 200);
  });
} else {
  const results = await Promise.allSettled(builds.map((b) => esbuild.build(b)));
  if (results.some((r) => r.status === 'rejected')) process.exit(1);
  await compileNotesIndex();
  console.log(`build ok (${production ? 'production' : 'development'})`);
}
