import * as vscode from 'vscode';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import type { Topic } from '../core/notes/model';
import { parseNotesIndex } from '../core/notes/notesIndex';
import { unpackBundle } from '../core/notes/notesBundle';
import { parsePrerendered, type RenderedAnswer } from '../core/render/prerenderedAnswers';

const decompress = promisify(brotliDecompress);

/** Virtual documents for the bundled note files: they ship inside the bundle, not as files on disk. */
export const BUNDLED_FILE_SCHEME = 'interview-notes-bundled';

/**
 * The bundled notes as shipped in dist/notes-bundle.br. Decompression runs on
 * Node's thread pool, so it never blocks the extension host; the note files and
 * the rendered answers are parsed the first time someone asks for them.
 */
export class BundledNotes {
  private fileTexts: Record<string, string> | undefined;
  private answers: Record<string, RenderedAnswer> | undefined;

  private constructor(
    readonly topics: Topic[],
    private readonly part: (name: 'sources' | 'answers') => string,
  ) {}

  static async read(extensionUri: vscode.Uri): Promise<BundledNotes> {
    const compressed = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'notes-bundle.br'));
    const bundle = unpackBundle(new Uint8Array(await decompress(compressed)));
    return new BundledNotes(parseNotesIndex(bundle.part('index')), (name) => bundle.part(name));
  }

  /** The text of a bundled note file, by its path relative to notes/. */
  fileText(file: string): string | undefined {
    this.fileTexts ??= JSON.parse(this.part('sources')) as Record<string, string>;
    return Object.hasOwn(this.fileTexts, file) ? this.fileTexts[file] : undefined;
  }

  /** The answer as rendered at build time (labels still to fill in), if it could be. */
  rendered(id: string): RenderedAnswer | undefined {
    this.answers ??= parsePrerendered(this.part('answers'));
    return Object.hasOwn(this.answers, id) ? this.answers[id] : undefined;
  }

  /** Where "Open Source File" shows a bundled note: read-only, served from the bundle. */
  static fileUri(file: string): vscode.Uri {
    return vscode.Uri.from({ scheme: BUNDLED_FILE_SCHEME, path: `/${file}` });
  }
}
