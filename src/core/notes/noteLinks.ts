import { isAbsolute, relative, resolve, sep } from 'node:path';

// A relative link in a note opens a file only inside the note's own source
// folder: `[x](../../../../etc/passwd)` in a cloned repository must not open
// the user's files. A malformed link (`%ff`) is a broken link, never a throw.

/** Whether `path` is `root` or below it, by path segments (`/a/bc` is not inside `/a/b`). */
export function isInsideFolder(root: string, path: string): boolean {
  const r = relative(root, path);
  return r === '' || (!isAbsolute(r) && r.split(sep)[0] !== '..');
}

export type NoteLinkTarget =
  | { ok: true; path: string; fragment: string }
  | { ok: false; reason: 'malformed' | 'outside'; message: string };

/** Resolves `href` (relative to `baseDir`) to a file path, only when it stays inside `root`. */
export function resolveNoteLink(href: string, baseDir: string, root: string): NoteLinkTarget {
  const hash = href.indexOf('#');
  const rawPath = hash < 0 ? href : href.slice(0, hash);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, reason: 'malformed', message: `broken link "${href}" (malformed %-escape)` };
  }
  if (decoded.includes('\0')) return { ok: false, reason: 'malformed', message: `broken link "${href}" (NUL character)` };
  const path = resolve(baseDir, decoded);
  if (!isInsideFolder(root, path)) return { ok: false, reason: 'outside', message: `link "${href}" points outside the notes folder` };
  return { ok: true, path, fragment: hash < 0 ? '' : href.slice(hash + 1) };
}
