// Every regular expression on the parse, render and search paths must run in
// linear time: a notes folder from a cloned repository is untrusted input, and
// one backtracking pattern freezes indexing on a 100 KB file.
//
// The test finds the patterns itself (every regex literal and every `new
// RegExp(...)` in src/core, src/loader, src/services and src/cli, through the
// TypeScript AST), so a new pattern is covered the day it is written. Each one
// runs, with the `g` flag so every start position is tried, over adversarial
// inputs built from common Markdown characters and from the words in the
// pattern itself (`except` + spaces…), at growing sizes (n/16, n/4, n, 4n with
// n = 2,500). A linear pattern takes about 4× as long on an input 4× larger, a
// quadratic one 16×: the verdict is that ratio, measured side by side (best of
// interleaved single runs), never an absolute time, so a loaded machine slows
// both sides alike. Only a pattern that never finishes (exponential
// backtracking) meets a deadline, ~10^4 times what a linear pattern needs.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../../..');
const DIRS = ['src/core', 'src/loader', 'src/services', 'src/cli'];
/** The smaller input size (the larger is 4×). */
const SWEEP_CHARS = Number(process.env.REGEX_SWEEP_CHARS ?? 2500);
/** Growth from n to 4n above this is superlinear: linear is ~4 (up to ~6 with cache effects), quadratic ~16. */
const MAX_GROWTH = 9;
/** Per input, only for patterns that never finish: a linear one needs well under a millisecond here. */
const DEADLINE_MS = 10000;
/** Starting a worker on a busy machine is not the pattern's work. */
const SETUP_MS = 60000;

export interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Regex literals and `new RegExp(...)` with arguments folded from string constants of the same file. */
export function findRegexes(file: string): { found: FoundRegex[]; unresolved: string[] } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression>();
  const found: FoundRegex[] = [];
  const unresolved: string[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const fold = (e: ts.Expression, depth = 0): string | undefined => {
    if (depth > 8) return undefined;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isParenthesizedExpression(e)) return fold(e.expression, depth + 1);
    if (ts.isIdentifier(e)) {
      const init = consts.get(e.text);
      return init ? fold(init, depth + 1) : undefined;
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = fold(e.left, depth + 1);
      const b = fold(e.right, depth + 1);
      return a !== undefined && b !== undefined ? a + b : undefined;
    }
    if (ts.isTemplateExpression(e)) {
      let out = e.head.text;
      for (const span of e.templateSpans) {
        const v = fold(span.expression, depth + 1);
        if (v === undefined) return undefined;
        out += v + span.literal.text;
      }
      return out;
    }
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sf);
      const end = literal.lastIndexOf('/');
      found.push({ where: where(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      const source = pattern && fold(pattern);
      const flagText = flags ? fold(flags) : '';
      if (source === undefined || flagText === undefined) unresolved.push(where(node));
      else found.push({ where: where(node), source, flags: flagText });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { found, unresolved };
}

// Runs inside the worker: builds the inputs for one pattern at n and 4n and reports
// each one before timing it, then how much longer the larger one took.
const WORKER = `
const { parentPort } = require('node:worker_threads');
const END = '\\u0007';
const SAMPLE = { s: ' ', t: '\\t', n: '\\n', r: '\\r', w: 'a', d: '1', S: 'a', W: ' ', D: 'a', p: 'a', P: ' ' };
/** The characters a pattern names (escapes mapped to a sample), plus space, newline and a letter. */
function units(source) {
  const set = new Set([' ', '\\n', 'a']);
  for (let i = 0; i < source.length && set.size < 10; i++) {
    let c = source[i];
    if (c === '\\\\') {
      const e = source[++i];
      if (e === 'u' && source[i + 1] !== '{') { c = String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16)); i += 4; }
      else if (e === 'p' || e === 'P') { c = SAMPLE[e]; i = source.indexOf('}', i); }
      else c = e in SAMPLE ? SAMPLE[e] : e;
    } else if ('^$()?*+{}|'.includes(c)) continue;
    if (c && c.length === 1) set.add(c);
  }
  return [...set];
}
const PAIRS = [' \\n', '[a', '<a ', '- ', '*a'];
/** Input families: a name and a maker of an input of about n characters. */
function* inputs(source) {
  for (const c of units(source)) yield [JSON.stringify(c) + ' x n', (n) => c.repeat(n) + END];
  for (const p of PAIRS) yield ['(' + JSON.stringify(p) + ') x n/' + p.length, (n) => p.repeat(Math.ceil(n / p.length)) + END];
  const words = [...new Set(source.replace(/\\\\[a-zA-Z]/g, ' ').match(/[A-Za-z]{2,}/g) || [])].slice(0, 3);
  for (const w of words) for (const sep of [' ', '\\n']) yield [JSON.stringify(w) + ' + ' + JSON.stringify(sep) + ' x n', (n) => w + sep.repeat(n) + END];
}
// test() rather than exec(): no match arrays, so no garbage collection in the timings.
function run(re, text) {
  re.lastIndex = 0;
  let last = -1;
  while (re.test(text)) {
    if (re.lastIndex === last) re.lastIndex++;
    last = re.lastIndex;
  }
}
function once(re, text) {
  const t = performance.now();
  run(re, text);
  return performance.now() - t;
}
/**
 * Best single run of each size, interleaved. A run on a busy machine is only ever
 * slowed down, so each minimum is the pattern's own time, and short runs reach it.
 */
function growth(re, small, large) {
  let t1 = Infinity;
  let t4 = Infinity;
  for (let round = 0; round < 15; round++) {
    t1 = Math.min(t1, once(re, small));
    t4 = Math.min(t4, once(re, large));
    if (round >= 2 && t4 > 2 * ${MAX_GROWTH} * t1) break;
  }
  return { t1, t4 };
}
parentPort.on('message', ({ source, flags, n }) => {
  const re = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
  for (const [name, make] of inputs(source)) {
    parentPort.postMessage({ type: 'start', name });
    // Sizes n/16, n/4, n, 4n: a very slow pattern shows its growth on the small ones, before it takes long.
    let size = n >> 4;
    let prev = make(size);
    // Compiled (V8 tiers a pattern up from its interpreter) before anything is timed.
    run(re, prev);
    run(re, prev);
    let before = once(re, prev);
    for (const next of [n >> 2, n, 4 * n]) {
      const text = make(next);
      const t = once(re, text);
      // One run of each size clears a pattern that is fast or grows slowly; a closer look otherwise.
      if (t >= 1 && t >= 5 * before) {
        const g = growth(re, prev, text);
        if (g.t4 > ${MAX_GROWTH} * g.t1) {
          parentPort.postMessage({ type: 'superlinear', name, from: size, to: next, t1: g.t1, t4: g.t4 });
          break;
        }
      }
      [size, prev, before] = [next, text, t];
    }
  }
  parentPort.postMessage({ type: 'done' });
});
`;

interface WorkerReport {
  type: 'start' | 'superlinear' | 'done';
  name?: string;
  from?: number;
  to?: number;
  t1?: number;
  t4?: number;
}

/**
 * Runs each pattern's inputs in a worker. A superlinear pattern is reported with the
 * input and its growth; one that never finishes after the deadline, and the worker replaced.
 */
async function checkAll(regexes: FoundRegex[], n = SWEEP_CHARS): Promise<string[]> {
  const failures: string[] = [];
  let worker = new Worker(WORKER, { eval: true });
  try {
    for (const r of regexes) {
      const name = `${r.where} /${r.source}/${r.flags}`;
      let onMessage: (m: WorkerReport) => void = () => undefined;
      let onError: (err: Error) => void = () => undefined;
      const outcome = await new Promise<{ failures: string[]; hung: boolean }>((resolve) => {
        const slow: string[] = [];
        let current = '(setup)';
        let timer: NodeJS.Timeout;
        const arm = (ms = DEADLINE_MS) => {
          clearTimeout(timer);
          timer = setTimeout(
            () => resolve({ failures: [...slow, `${name} did not finish within ${ms} ms on ${current} (n = ${n})`], hung: true }),
            ms,
          );
        };
        onMessage = (m: WorkerReport) => {
          if (m.type === 'start') {
            current = m.name ?? '';
            arm();
          } else if (m.type === 'superlinear') {
            const [t1 = 0, t4 = 0] = [m.t1, m.t4];
            slow.push(
              `${name} is superlinear on ${m.name}: ${t1.toFixed(3)} ms at ${m.from} characters, ${t4.toFixed(3)} ms at ${m.to} (×${(t4 / t1).toFixed(1)}; linear ≈ ×4)`,
            );
          } else {
            clearTimeout(timer);
            resolve({ failures: slow, hung: false });
          }
        };
        onError = (err: Error) => {
          clearTimeout(timer);
          resolve({ failures: [...slow, `${name} threw: ${err.message}`], hung: true });
        };
        worker.on('message', onMessage);
        worker.once('error', onError);
        arm(SETUP_MS);
        worker.postMessage({ source: r.source, flags: r.flags, n });
      }).finally(() => {
        // Only ours: removeAllListeners() also drops the worker's own, and no message arrives again.
        worker.off('message', onMessage);
        worker.off('error', onError);
      });
      failures.push(...outcome.failures);
      if (outcome.hung) {
        await worker.terminate();
        worker = new Worker(WORKER, { eval: true });
      }
    }
  } finally {
    await worker.terminate();
  }
  return failures;
}

describe('regular expressions run in linear time', function () {
  // ~20 input families at two sizes per pattern, ~150 patterns: seconds. Only a hung pattern meets a deadline.
  this.timeout(10 * 60 * 1000);
  const files = DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
  const results = files.map(findRegexes);
  const regexes = results.flatMap((r) => r.found);

  it('finds the patterns (and can evaluate every new RegExp)', () => {
    assert.ok(regexes.length > 40, `only ${regexes.length} patterns found under ${DIRS.join(', ')}`);
    assert.deepEqual(results.flatMap((r) => r.unresolved), [], 'build these patterns from string constants of the same file so they can be checked');
  });

  it('every pattern grows linearly on adversarial inputs (n and 4n side by side)', async () => {
    const failures = await checkAll(regexes);
    assert.deepEqual(failures, []);
  });

  it('the harness catches quadratic patterns by their growth, and passes their linear rewrites', async () => {
    // The check is only worth something if it fails on the patterns the issue found.
    const quadratic = [
      { where: 'sample', source: '^\\s*except(?:\\s+[^:]+)?\\s*:', flags: 'm' },
      { where: 'sample', source: '!?\\[([^\\]\\n]*)\\]\\(', flags: 'g' },
      { where: 'sample', source: '[ \\t]+$', flags: '' },
    ];
    const linear = [
      { where: 'sample', source: '^[ \\t]*except\\b[^:\\n]*:', flags: 'm' },
      { where: 'sample', source: '!?\\[([^[\\]\\n]*)\\]\\(', flags: 'g' },
    ];
    const failures = await checkAll([...quadratic, ...linear]);
    // Caught by growth, not by the deadline (which only a pattern that never finishes meets).
    assert.ok(
      failures.every((f) => f.includes(' is superlinear on ')),
      failures.join('\n'),
    );
    const caught = new Set(failures.map((f) => f.slice(0, f.indexOf(' is superlinear'))));
    assert.deepEqual([...caught].sort(), quadratic.map((r) => `sample /${r.source}/${r.flags}`).sort(), failures.join('\n'));
  });
});
