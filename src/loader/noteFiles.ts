import { constants, fstatSync, openSync, readSync, closeSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, parse as parsePath } from 'node:path';
import type { NoteProblem } from '../core/notes/model';
import { isInsideFolder } from '../core/notes/noteLinks';

// A notes folder is often a cloned repository: untrusted. Only regular files
// inside the folder are read, never through a folder symlink, never more bytes
// than the limit, and opening never blocks (FIFOs, devices).

export const DEFAULT_MAX_FILES = 20_000;
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
const MARKDOWN = /\.(?:md|markdown)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode', '.idea']);
/** Other entries (images, code) are examined too; this bounds a walk through a huge tree with few notes. */
const ENTRIES_PER_FILE = 10;
// Not defined on Windows, where FIFOs and device files do not show up in folders.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** File-name order as people expect it ("2" before "10"). One collator: a listing compares names n·log n times. */
export const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

export function isNoteFile(path: string): boolean {
  return MARKDOWN.test(path);
}

/** Whether `path` is `root` or below it (both real paths). */
export const isInside = isInsideFolder;

/** A reason to refuse a whole source: the file-system root or the home folder would index everything. */
export function refusedSource(realPath: string): string | undefined {
  if (parsePath(realPath).root === realPath) return `a file-system root (${realPath}) cannot be a notes source: choose the folder that holds your notes`;
  let home: string | undefined;
  try {
    home = realpathSync(homedir());
  } catch {
    home = homedir();
  }
  if (home && realPath === home) return `the home folder (${realPath}) cannot be a notes source: choose the folder that holds your notes`;
  return undefined;
}

export interface ListOptions {
  /** Listing stops (with a message) after this many note files. */
  maxFiles?: number;
  signal?: AbortSignal;
}

export interface FileListing {
  /** Note files in reading order (natural sort, folders walked in place). */
  files: string[];
  problems: NoteProblem[];
  /** True when `maxFiles` (or the entry bound) stopped the walk. */
  truncated: boolean;
}

const skip = (file: string, message: string): NoteProblem => ({ file, line: 0, severity: 'warning', message: `skipped: ${message}` });

/** What a non-regular entry is, for messages. */
function kindOf(s: Stats | Dirent): string {
  if (s.isDirectory()) return 'folder';
  if (s.isFIFO()) return 'FIFO (named pipe)';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  if (s.isSymbolicLink()) return 'symlink';
  return 'not a regular file';
}

/**
 * Every Markdown file under `root`, bounded. Synchronous: the extension runs it
 * in the notes worker (see notesWorker.ts), off the extension host's thread. Folder symlinks
 * are not followed (which also rules out loops); a file symlink is listed only
 * when it resolves to a regular file inside the root. Problems are collected,
 * never thrown.
 */
export function listNoteFiles(root: string, options: ListOptions = {}): FileListing {
  const maxFiles = Math.max(1, options.maxFiles ?? DEFAULT_MAX_FILES);
  const maxEntries = maxFiles * ENTRIES_PER_FILE;
  const files: string[] = [];
  const problems: NoteProblem[] = [];
  let entries = 0;
  let truncated = false;
  let rootReal: string;
  try {
    rootReal = realpathSync(root);
  } catch (err) {
    problems.push({ file: root, line: 0, severity: 'error', message: `cannot read folder: ${(err as Error).message}` });
    return { files, problems, truncated };
  }
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    // Folders are never reached through a symlink, but a bind mount can still loop.
    let real = dir;
    try {
      real = realpathSync(dir);
    } catch {}
    if (visited.has(real)) return;
    visited.add(real);
    let list: Dirent[];
    try {
      list = readdirSync(dir, { withFileTypes: true }).sort((a, b) => naturalOrder(a.name, b.name));
    } catch (err) {
      problems.push({ file: dir, line: 0, severity: 'error', message: `cannot read folder: ${(err as Error).message}` });
      return;
    }
    for (const entry of list) {
      if (truncated || options.signal?.aborted) return;
      if (++entries > maxEntries || files.length >= maxFiles) {
        truncated = true;
        problems.push({ file: root, line: 0, severity: 'warning', message: `listing stopped after ${files.length} note files and ${entries - 1} entries (setting interviewNotes.maxFiles is ${maxFiles}); the rest of the folder is not shown` });
        return;
      }
      const name = entry.name;
      if (name.startsWith('.') || SKIPPED_DIRS.has(name)) continue;
      const full = join(dir, name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isSymbolicLink()) {
        const problem = checkSymlink(full, rootReal);
        if (problem === undefined) {
          if (MARKDOWN.test(name)) files.push(full);
        } else if (problem && (MARKDOWN.test(name) || problem.message.includes('folder symlink'))) {
          problems.push(problem);
        }
      } else if (MARKDOWN.test(name)) {
        if (entry.isFile()) files.push(full);
        else problems.push(skip(full, `${kindOf(entry)}, not a regular file`));
      }
    }
  };
  walk(root);
  return { files, problems, truncated };
}

/** Undefined when the symlink may be read as a note; else why not. */
function checkSymlink(link: string, rootReal: string): NoteProblem | undefined {
  let target: Stats;
  let real: string;
  try {
    target = statSync(link);
    real = realpathSync(link);
  } catch {
    return skip(link, 'broken symlink');
  }
  if (target.isDirectory()) return skip(link, `folder symlink → ${real} (folder symlinks are not followed)`);
  if (!target.isFile()) return skip(link, `symlink to a ${kindOf(target)} (${real}), not a regular file`);
  if (!isInside(rootReal, real)) return skip(link, `symlink to a file outside the notes folder (→ ${real})`);
  return undefined;
}

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: NoteProblem };

/**
 * Reads one note file: only a regular file, only inside `rootReal` when given,
 * without blocking on special files, and at most `maxBytes` bytes actually read
 * (the size `stat` reports can lie: /dev/zero says 0).
 */
export function readNoteFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES, rootReal?: string): ReadResult {
  let fd: number | undefined;
  try {
    const real = realpathSync(file);
    if (rootReal !== undefined && !isInside(rootReal, real)) return { ok: false, problem: skip(file, `resolves outside the notes folder (→ ${real})`) };
    fd = openSync(real, OPEN_FLAGS);
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, problem: skip(file, `${kindOf(st)}, not a regular file`) };
    if (st.size > maxBytes) return { ok: false, problem: skip(file, `${formatMB(st.size)} is over the ${formatMB(maxBytes)} limit`) };
    // One byte over the limit tells a file that grew (or lied about its size) from one that fits.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(st.size + 1, 64 * 1024)));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (length > maxBytes) return { ok: false, problem: skip(file, `more than the ${formatMB(maxBytes)} limit`) };
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const n = readSync(fd, chunk, length, chunk.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { ok: false, problem: skip(file, `more than the ${formatMB(maxBytes)} limit`) };
    return { ok: true, bytes: chunk.subarray(0, length) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ELOOP' ? 'symlink loop' : code === 'EAGAIN' ? 'the file would block' : `cannot read file (${(err as Error).message})`;
    return { ok: false, problem: skip(file, why) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The real path of a source's folder (the folder itself for a folder, its parent for a file). */
export function realRootOf(path: string, isFile: boolean): string | undefined {
  try {
    return realpathSync(isFile ? dirname(path) : path);
  } catch {
    return undefined;
  }
}

export function formatMB(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
