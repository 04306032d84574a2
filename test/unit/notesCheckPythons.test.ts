import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatVersionList, inRange, parseVersionRange, selectOutput } from '../../src/core/notes/pythonVersions';
import { candidateCommands, chooseInterpreters, findInterpreters, type ProbeResult } from '../../src/cli/pythonInterpreters';
import { runJobs, startsProcesses } from '../../src/cli/runExamples';
import { checkExamples, literalEmphasisProblems } from '../../src/cli/checkNotes';
import { extractExamples } from '../../src/core/notes/extractExamples';
import { parseNoteFile } from '../../src/core/notes/parseNoteFile';
import { applyRecord, exampleHash, staleRecordProblems, type VerifiedRecord } from '../../src/cli/verifiedRecord';
import { ENGLISH_LABELS, renderQuestionBody } from '../../src/core/render/renderAnswer';
import { loadNotes } from '../../src/loader/loadNotes';
import { main } from '../../src/cli/cli';

const probe = (version: string, executable: string, extra: Partial<ProbeResult> = {}): ProbeResult => ({
  implementation: 'cpython',
  version,
  executable,
  freeThreaded: false,
  defaultStartMethod: 'fork',
  startMethods: ['fork', 'spawn', 'forkserver'],
  ...extra,
});

describe('notes check: Python versions in fence info', () => {
  it('parses py ranges and matches versions against them', () => {
    const r = parseVersionRange('py>=3.10,<3.13');
    assert.ok(r);
    assert.equal(inRange([3, 10], r), true);
    assert.equal(inRange([3, 12], r), true);
    assert.equal(inRange([3, 13], r), false);
    assert.equal(inRange([3, 9], r), false);
    assert.equal(parseVersionRange('norun'), undefined);
    assert.equal(parseVersionRange('py>=3'), undefined);
    assert.equal(inRange([3, 11], parseVersionRange('py==3.11')), true);
  });

  it('picks the output block for each interpreter, falling back to the plain block', () => {
    const outputs = [{ range: 'py>=3.12', text: 'new' }, { range: 'py<3.12', text: 'old' }];
    assert.deepEqual(selectOutput(outputs, [3, 13]), { kind: 'one', output: outputs[0] });
    assert.deepEqual(selectOutput(outputs, [3, 10]), { kind: 'one', output: outputs[1] });
    const withPlain = [{ range: 'py>=3.13', text: 'newest' }, { text: 'usual' }];
    assert.equal(selectOutput(withPlain, [3, 11]).kind === 'one' && (selectOutput(withPlain, [3, 11]) as { output: { text: string } }).output.text, 'usual');
    assert.deepEqual(selectOutput([{ range: 'py>=3.12', text: 'x' }], [3, 11]), { kind: 'missing' });
    assert.equal(selectOutput([{ range: 'py>=3.10', text: 'a' }, { range: 'py>=3.11', text: 'b' }], [3, 12]).kind, 'ambiguous');
    assert.deepEqual(selectOutput(undefined, [3, 12]), { kind: 'none' });
  });

  it('collects consecutive output blocks with their ranges, and a range on the example itself', () => {
    const md = '```python py>=3.11\nprint(1)\n```\n\n```output py>=3.12\na\n```\n\n```output py<3.12\nb\n```\n\ntext\n\n```output\nstray\n```\n';
    const [ex] = extractExamples(md);
    assert.equal(ex.pythons, 'py>=3.11');
    assert.deepEqual(ex.outputs, [{ range: 'py>=3.12', text: 'a\n' }, { range: 'py<3.12', text: 'b\n' }]);
  });

  it('writes version lists the way the badge shows them', () => {
    assert.equal(formatVersionList(['3.13', '3.10', '3.11', '3.12']), '3.10–3.13');
    assert.equal(formatVersionList(['3.10', '3.12', '3.13']), '3.10, 3.12–3.13');
    assert.equal(formatVersionList(['3.12']), '3.12');
  });
});

describe('notes check: interpreter discovery', () => {
  it('lists python3, python3.X on PATH and pyenv versions, first PATH entry winning', () => {
    const files = new Set(['/a/python3', '/a/python3.12', '/b/python3.12', '/b/python3.10', '/h/.pyenv/versions/3.13.0/bin/python3', '/h/.pyenv/versions/3.9.18/bin/python3']);
    const found = candidateCommands({
      path: '/a:/b',
      home: '/h',
      isFile: (p) => files.has(p),
      listDir: (p) => (p === '/h/.pyenv/versions' ? ['3.9.18', '3.13.0'] : []),
    });
    assert.deepEqual(found, ['/a/python3', '/b/python3.10', '/a/python3.12', '/h/.pyenv/versions/3.13.0/bin/python3', '/h/.pyenv/versions/3.9.18/bin/python3']);
  });

  it('keeps CPython 3.10+ only, one per minor version and real path, sorted', () => {
    const chosen = chooseInterpreters([
      { command: 'python3', probe: probe('3.11.2', '/usr/bin/python3.11') },
      { command: 'python3.11', probe: probe('3.11.2', '/usr/bin/python3.11') },
      { command: '/p/3.11.7', probe: probe('3.11.7', '/p/3.11.7/bin/python3.11') },
      { command: '/p/3.9', probe: probe('3.9.18', '/p/3.9/bin/python3.9') },
      { command: '/p/pypy', probe: probe('3.10.14', '/p/pypy/bin/pypy3', { implementation: 'pypy' }) },
      { command: '/p/3.13t', probe: probe('3.13.0', '/p/3.13t/bin/python3.13t', { freeThreaded: true }) },
      { command: '/p/3.10', probe: probe('3.10.13', '/p/3.10/bin/python3.10') },
      { command: 'broken', probe: undefined },
    ]);
    assert.deepEqual(chosen.map((p) => `${p.label}=${p.command}`), ['3.10=/p/3.10/bin/python3.10', '3.11=/usr/bin/python3.11', '3.13t=/p/3.13t/bin/python3.13t']);
  });

  it('probes the real python3 on this machine', () => {
    const [py] = findInterpreters(['python3']);
    assert.ok(py, 'python3 is CPython 3.10+ here');
    assert.match(py.label, /^3\.\d+t?$/);
    assert.ok(py.startMethods.includes('spawn'));
  });
});

describe('notes check: running examples as files', () => {
  it('recognises examples that start processes, unless they pick their own start method', () => {
    assert.equal(startsProcesses('from multiprocessing import Process'), true);
    assert.equal(startsProcesses('from concurrent.futures import ProcessPoolExecutor'), true);
    assert.equal(startsProcesses('import multiprocessing as mp\nmp.set_start_method("spawn")'), false);
    assert.equal(startsProcesses('import threading'), false);
  });

  it('runs a process example under spawn and forkserver with __main__ importable by the children', async () => {
    const [py] = findInterpreters(['python3']);
    const code = [
      'import multiprocessing as mp',
      'def square(x):',
      '    return x * x',
      'if __name__ == "__main__":',
      '    with mp.Pool(2) as pool:',
      '        print(mp.get_start_method(), pool.map(square, [1, 2, 3]))',
    ].join('\n');
    const results = await runJobs(
      ['spawn', 'forkserver'].map((m) => ({ example: 0, code, python: py, startMethod: m })),
      { parallel: 2, timeoutMs: 60000 },
    );
    assert.deepEqual(results.map((r) => [r.status, r.stdout.trim()]), [[0, 'spawn [1, 4, 9]'], [0, 'forkserver [1, 4, 9]']], results.map((r) => r.stderr).join('\n'));
  });

  it('checks each interpreter against its own output block and records where an example passed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pin-ver-'));
    mkdirSync(join(root, 't'));
    const body = '```python\nimport sys\nprint(sys.version_info >= (3, 12))\n```\n\n```output py>=3.12\nTrue\n```\n\n```output py<3.12\nFalse\n```\n';
    writeFileSync(join(root, 't', 'a.md'), `---\nid: a\ntitle: A\n---\n${body}`);
    writeFileSync(join(root, 't', 'b.md'), '---\nid: b\ntitle: B\n---\n```python\nprint(1)\n```\n\n```output py>=3.99\n1\n```\n');
    const { topics } = loadNotes(root, { idBase: root });
    const interpreters = findInterpreters(['python3']);
    const report = await checkExamples(topics, { interpreters });
    assert.equal(report.examplesPassed, 1);
    assert.deepEqual(report.verification.get('a'), [{ python: [interpreters[0].label] }]);
    assert.match(report.problems.map((p) => p.message).join('\n'), /no output block for CPython 3\.\d+/);
  });
});

describe('notes check: verification record', () => {
  const parse = (md: string) => parseNoteFile(`---\nid: q\ntitle: Q\n---\n${md}`, 't/q.md', 't').question!;

  it('applies matching entries and reports a stale record', () => {
    const q = parse('```python\nprint(1)\n```\n\n```output\n1\n```\n');
    const topics = [{ id: 't', title: 'T', order: 0, questions: [q], topics: [] }];
    const record: VerifiedRecord = { format: 'python-interview-notes/verified', version: 1, questions: { q: [{ sha: exampleHash(q.examples[0]), python: ['3.10', '3.11'] }] } };
    assert.deepEqual(staleRecordProblems(topics, record, 'notes/.verified.json'), []);
    assert.equal(applyRecord(topics, record), 1);
    assert.deepEqual(q.examples[0].verified, { python: ['3.10', '3.11'] });

    const changed = parse('```python\nprint(2)\n```\n');
    const stale = staleRecordProblems([{ ...topics[0], questions: [changed] }], record, 'notes/.verified.json');
    assert.match(stale[0].message, /changed since it was last verified/);
    assert.match(staleRecordProblems(topics, undefined, 'notes/.verified.json')[0].message, /record missing/);
  });

  it('shows the verification in the example header', () => {
    const q = parse('```python\nprint(1)\n```\n');
    q.examples[0].verified = { python: ['3.10', '3.11', '3.12', '3.13'], startMethods: ['fork', 'spawn'] };
    const html = renderQuestionBody(q, { labels: ENGLISH_LABELS, allowHtml: true, allowRemoteImages: false });
    assert.match(html, /<div class="code-toolbar"[^>]*>.*<span class="example-verified"[^>]*title="Verified by the notes check on CPython 3\.10, 3\.11, 3\.12, 3\.13 \(fork, spawn\)"[^>]*>✓ CPython 3\.10–3\.13<\/span><\/div>/);
  });
});

describe('notes check: literal emphasis and the render command', () => {
  const parse = (md: string) => parseNoteFile(`---\nid: q\ntitle: Q\n---\n${md}`, 't/q.md', 't').question!;
  const render = (md: string) => {
    const q = parse(md);
    return literalEmphasisProblems(q, renderQuestionBody(q, { labels: ENGLISH_LABELS, allowHtml: true, allowRemoteImages: false }));
  };

  it('renders emphasis next to full-width punctuation, so no asterisks are left', () => {
    assert.deepEqual(render('值会被**截断（clamp）**到范围内；**切换间隔（switch interval）**会影响吞吐。\n'), []);
  });

  it('flags asterisks left in text, naming the line, but not in code', () => {
    const problems = render('第一行\n\n周期是 2**19937 减一\n\n`f(**kwargs)` 和\n\n```python\ndef f(**kw):\n    pass\n```\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 7);
    assert.match(problems[0].message, /literal \*\* in the rendered answer/);
  });

  it('`render <id>` prints the same HTML the answer view renders, and fails on an unknown id', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pin-render-'));
    mkdirSync(join(root, 't'));
    writeFileSync(join(root, 't', 'r.md'), '---\nid: r\ntitle: R\n---\n## 要点\n\n- **重点（key）**在这里\n\n```python\nprint(1)\n```\n');
    const lines: string[] = [];
    const log = console.log;
    const err = console.error;
    console.log = (s: string) => lines.push(s);
    console.error = () => undefined;
    try {
      assert.equal(await main(['render', 'r', '--notes', root]), 0);
      assert.equal(await main(['render', 'nope', '--notes', root]), 1);
    } finally {
      console.log = log;
      console.error = err;
    }
    const { topics } = loadNotes(root, { idBase: root });
    const expected = renderQuestionBody(topics[0].questions[0], { labels: ENGLISH_LABELS, allowHtml: true, allowRemoteImages: false });
    assert.equal(lines[0], expected);
    assert.match(lines[0], /<strong>重点（key）<\/strong>在这里/);
  });
});
