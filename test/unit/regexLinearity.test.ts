// Every regular expression on the parse, render and search paths must run in
// linear time: a notes folder from a cloned repository is untrusted input, and
// one backtracking pattern freezes indexing on a 100 KB file.
//
// The test finds the patterns itself (every regex literal and every `new
// RegExp(...)` in src/core, src/loader, src/services and src/cli, through the
// TypeScript AST), so a new pattern is covered the day it is written. Each one
// runs, with the `g` flag so every start position is tried, over adversarial
// inputs of 10^5 characters built from common Markdown characters and from
// the words in the pattern itself (`except` + 10^5 spaces…). It runs in a
// worker with a deadline that only catastrophic backtracking (10^10 steps,
// minutes) can miss: a linear pattern needs milliseconds.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../../..');
const DIRS = ['src/core', 'src/loader', 'src/services', 'src/cli'];
/** Per input, far above what a linear pattern needs on 10^5 characters. */
const DEADLINE_MS = 2000;
const SWEEP_CHARS = Number(process.env.REGEX_SWEEP_CHARS ?? 100000);
// The full sweep (every pattern × ~20 inputs) takes minutes, so it runs on request: REGEX_SWEEP=1 npm run test:unit.
const sweep = process.env.REGEX_SWEEP ? it : it.skip;
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

// Runs inside the worker: builds the inputs for one pattern and reports each one before running it.
const WORKER = `
const { parentPort } = require('node:worker_threads');
const N = ${SWEEP_CHARS};
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
function* inputs(source) {
  for (const c of units(source)) yield [JSON.stringify(c) + ' x 10^5', c.repeat(N) + END];
  for (const p of PAIRS) yield ['(' + JSON.stringify(p) + ') x many', p.repeat(N / p.length) + END];
  const words = [...new Set(source.replace(/\\\\[a-zA-Z]/g, ' ').match(/[A-Za-z]{2,}/g) || [])].slice(0, 3);
  for (const w of words) for (const sep of [' ', '\\n']) yield [JSON.stringify(w) + ' + ' + JSON.stringify(sep) + ' x 10^5', w + sep.repeat(N) + END];
}
parentPort.on('message', ({ source, flags }) => {
  const re = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
  for (const [name, text] of inputs(source)) {
    parentPort.postMessage({ type: 'start', name });
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)); ) if (m[0] === '') re.lastIndex++;
  }
  parentPort.postMessage({ type: 'done' });
});
`;

/** Runs each pattern's inputs in a worker; a pattern that misses the deadline is reported with the input, and the worker replaced. */
async function checkAll(regexes: FoundRegex[]): Promise<string[]> {
  const failures: string[] = [];
  let worker = new Worker(WORKER, { eval: true });
  try {
    for (const r of regexes) {
      const outcome = await new Promise<string | undefined>((resolve) => {
        let current = '(setup)';
        let timer: NodeJS.Timeout;
        const arm = (ms = DEADLINE_MS) => {
          clearTimeout(timer);
          timer = setTimeout(() => resolve(`${r.where} /${r.source}/${r.flags} did not finish within ${ms} ms on ${current}`), ms);
        };
        const onMessage = (m: { type: string; name?: string }) => {
          if (m.type === 'start') {
            current = m.name ?? '';
            arm();
          } else {
            clearTimeout(timer);
            resolve(undefined);
          }
        };
        const onError = (err: Error) => {
          clearTimeout(timer);
          resolve(`${r.where} /${r.source}/${r.flags} threw: ${err.message}`);
        };
        worker.on('message', onMessage);
        worker.once('error', onError);
        arm(SETUP_MS);
        worker.postMessage({ source: r.source, flags: r.flags });
      }).finally(() => worker.removeAllListeners());
      if (outcome) {
        failures.push(outcome);
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
  // About 20 inputs of 10^5 characters per pattern, ~150 patterns: seconds on an idle machine,
  // minutes on a loaded one. The deadline that matters is per input (DEADLINE_MS).
  this.timeout(30 * 60 * 1000);
  const files = DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
  const results = files.map(findRegexes);
  const regexes = results.flatMap((r) => r.found);

  it('finds the patterns (and can evaluate every new RegExp)', () => {
    assert.ok(regexes.length > 40, `only ${regexes.length} patterns found under ${DIRS.join(', ')}`);
    assert.deepEqual(results.flatMap((r) => r.unresolved), [], 'build these patterns from string constants of the same file so they can be checked');
  });

  sweep('every pattern finishes on adversarial 10^5-character inputs', async () => {
    const failures = await checkAll(regexes);
    assert.deepEqual(failures, []);
  });

  it('the harness catches a backtracking pattern', async () => {
    // The check is only worth something if it fails on the patterns the issue found.
    const failures = await checkAll([
      { where: 'sample', source: '^\\s*except(?:\\s+[^:]+)?\\s*:', flags: 'm' },
      { where: 'sample', source: '!?\\[([^\\]\\n]*)\\]\\(', flags: 'g' },
    ]);
    assert.equal(failures.length, 2, failures.join('\n'));
  });
});
