// Builds, at test time, a notes folder the way an attacker (or a very messy
// clone) would: special files, symlink loops, links out of the folder and
// small files that are slow to parse with backtracking regular expressions.
// Shared by the unit tests, the integration test and the hostile-folder bench.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HostileCase {
  /** Path relative to the notes root. */
  file: string;
  /** What makes it hostile. */
  what: string;
  /** Whether the loader must skip it with a message naming it (special files, links out). */
  skipped: boolean;
  /**
   * At full size (scale 1) the file is too slow for the notes reader's time
   * budget (or breaks the parser): read in the reader thread it must be
   * skipped with a message naming it; read on the main thread it blocks.
   */
  slowAtFullSize?: boolean;
}

export interface HostileFolder {
  /** The notes source to add. */
  root: string;
  /** A folder beside the root whose files must never be read. */
  outside: string;
  /** Titles of the questions that must be present. */
  goodTitles: string[];
  /** A title that only a file outside the root has. */
  outsideTitle: string;
  cases: HostileCase[];
  dispose(): void;
}

const GOOD = [
  { file: 'basics/01-gil.md', title: '什么是 GIL？', body: 'GIL 是 CPython 的全局解释器锁，同一时刻只有一个线程执行字节码。\n\n```python\nimport threading\nprint(threading.active_count())\n```\n' },
  { file: 'basics/02-gc.md', title: 'Python 如何回收垃圾？', body: '引用计数为主，分代回收处理循环引用。\n' },
  { file: 'web/01-wsgi.md', title: 'What is WSGI?', body: 'The interface between a web server and a Python application (PEP 3333).\n' },
];

/**
 * Sizes are the ones the issue names; `scale` shrinks them for quick runs
 * (1 = full size: 10^5-character lines, 30,000 tags).
 */
export function buildHostileFolder(scale = 1): HostileFolder {
  const base = mkdtempSync(join(tmpdir(), 'pin-hostile-'));
  const root = join(base, 'notes');
  const outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  const n = (full: number) => Math.max(10, Math.round(full * scale));
  const write = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const cases: HostileCase[] = [];
  const add = (file: string, what: string, skipped: boolean, slowAtFullSize = false) => cases.push({ file, what, skipped, ...(slowAtFullSize ? { slowAtFullSize } : {}) });

  for (const g of GOOD) write(g.file, `## ${g.title}\n\n${g.body}`);

  const outsideTitle = 'OUTSIDE-SECRET-TITLE';
  writeFileSync(join(outside, 'secret.md'), `## ${outsideTitle}\n\nThis file is outside the notes folder.\n`);

  const posix = process.platform !== 'win32';
  if (posix) {
    symlinkSync('/dev/zero', join(root, 'zero.md'));
    add('zero.md', 'symlink to /dev/zero', true);
    if (spawnSync('mkfifo', [join(root, 'fifo.md')]).status === 0) add('fifo.md', 'FIFO', true);
    mkdirSync(join(root, 'loops'));
    write('loops/inside.md', '## Loop guard\n\nListed once, not once per path through the loops.\n');
    symlinkSync('.', join(root, 'loops', 'a'), 'dir');
    symlinkSync('.', join(root, 'loops', 'b'), 'dir');
    add('loops/a', 'directory symlink loop a -> .', true);
    add('loops/b', 'directory symlink loop b -> .', true);
    symlinkSync(join(outside, 'secret.md'), join(root, 'outside-file.md'));
    add('outside-file.md', 'symlink to a file outside the folder', true);
    symlinkSync(outside, join(root, 'outside-dir'), 'dir');
    add('outside-dir', 'symlink to a folder outside', true);
  }

  write('slow/except-spaces.md', `## Except\n\n\`\`\`\nexcept${' '.repeat(n(100_000))}\n\`\`\`\n`);
  add('slow/except-spaces.md', '`except` + 10^5 spaces in a bare fence (Python detection)', false);
  write('slow/blank-fence.md', `## Blank\n\n\`\`\`\nx = 1${'\n'.repeat(n(50_000))}\`\`\`\n`);
  add('slow/blank-fence.md', '5·10^4 blank lines inside a fence', false);
  write('slow/same-headings.md', '## Same heading\n\ntext\n\n'.repeat(n(20_000)));
  add('slow/same-headings.md', '2·10^4 identical headings (id de-duplication)', false);
  write('slow/brackets.md', `## Brackets\n\n${'['.repeat(n(100_000))}\n`);
  add('slow/brackets.md', 'a line of 10^5 `[` (search text)', false);
  const keys = Array.from({ length: n(30_000) }, (_, i) => `k${i}: v${i}`).join('\n');
  write('slow/front-matter.md', `---\n${keys}\n---\n## Keys\n\nMany keys.\n`);
  add('slow/front-matter.md', '3·10^4 front-matter keys', false);
  write('slow/tag-soup.md', `## Soup\n\n${'<a>'.repeat(n(30_000))}\n`);
  add('slow/tag-soup.md', '`<a>` × 3·10^4', false);
  write('slow/emphasis.md', `## Stars\n\n${'*a'.repeat(n(50_000))}\n`);
  add('slow/emphasis.md', '`*a` × 5·10^4 (emphasis stripping)', false);

  // Genuinely slow even with linear-time patterns: each line is a question, and
  // 2·10^5 of them (1 MB, under the 2 MB cap) take seconds to parse and index.
  write('slow/huge-headings.md', '## a\n'.repeat(n(200_000)));
  add('slow/huge-headings.md', '2·10^5 one-word headings in 1 MB (a question per line)', false, true);
  write('slow/numbered-lines.md', Array.from({ length: n(200_000) }, (_, i) => `${i + 1}. q?`).join('\n'));
  add('slow/numbered-lines.md', '2·10^5 numbered lines (a question per line)', false, true);

  write('links.md', '## Links\n\n[passwd](../../../../etc/passwd) [bad](%ff) [ok](basics/01-gil.md)\n');
  add('links.md', 'links out of the folder and a malformed link', false);
  write(
    'html.md',
    '## Raw HTML\n\n<img src="https://example.invalid/track.png" alt="remote">\n\n' +
      '<button data-action="openExample" data-example="0">x</button> <a href="#" data-href="../../../etc/passwd">y</a> ' +
      '<a href="vscode-resource:/etc/passwd">z</a> <a href="command:workbench.action.terminal.new">c</a> ' +
      '<span data-question="x" data-command="workbench.action.quit" data-rating="easy">w</span>\n',
  );
  add('html.md', 'raw remote <img>, our data-* control attributes, command:/vscode-resource: links', false);

  return {
    root,
    outside,
    goodTitles: [...GOOD.map((g) => g.title), ...(posix ? ['Loop guard'] : [])],
    outsideTitle,
    cases,
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}
