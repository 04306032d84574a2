import * as vscode from 'vscode';
import { realpathSync } from 'node:fs';
import { extname } from 'node:path';
import { isInsideFolder, resolveNoteLink } from '../core/notes/noteLinks';
import { imageSources } from '../core/render/renderAnswer';
import type { NotesService } from '../services/notesService';

/** Larger images are left out of the printable page (shown as "[image: alt]"). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** All inlined images of one page together. */
export const MAX_PAGE_IMAGE_BYTES = 20 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/**
 * The local images of these questions as data: URIs, keyed by question id and the
 * src as written: only image files inside the question's own notes folder
 * (symlinks followed and checked), each and all together size-capped.
 */
export async function inlineImages(notes: NotesService, questionIds: readonly string[], log: vscode.LogOutputChannel): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  let total = 0;
  for (const id of questionIds) {
    const loaded = notes.get(id);
    if (!loaded) continue;
    const root = notes.rootDirOf(loaded);
    for (const src of new Set(imageSources(loaded.question.markdown))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) continue; // remote or another scheme: not a file
      const link = resolveNoteLink(src, loaded.baseUri.fsPath, root);
      const mime = link.ok ? MIME[extname(link.path).toLowerCase()] : undefined;
      if (!link.ok || !mime || !realPathInside(root, link.path)) continue;
      try {
        const file = vscode.Uri.file(link.path);
        const stat = await vscode.workspace.fs.stat(file);
        if (stat.type !== vscode.FileType.File || stat.size > MAX_IMAGE_BYTES || total + stat.size > MAX_PAGE_IMAGE_BYTES) {
          log.info(`printable page: left out ${link.path} (${stat.size} bytes; limits ${MAX_IMAGE_BYTES} per image, ${MAX_PAGE_IMAGE_BYTES} per page)`);
          continue;
        }
        const bytes = await vscode.workspace.fs.readFile(file);
        total += bytes.byteLength;
        let images = out.get(id);
        if (!images) out.set(id, (images = new Map()));
        images.set(src, `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`);
      } catch (err) {
        log.warn(`printable page: could not read image ${link.path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return out;
}

/** Missing files count as outside: they cannot be inlined anyway. */
function realPathInside(root: string, path: string): boolean {
  try {
    return isInsideFolder(realpathSync(root), realpathSync(path));
  } catch {
    return false;
  }
}
