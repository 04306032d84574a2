// The bundled notes ship as one compressed file: the parsed index, the note
// sources (for "Open Source File") and the pre-rendered answers, one after the
// other. Compressed together, the three repeat each other and cost little more
// than one; each part is decoded only when it is needed.

export const BUNDLE_FORMAT = 'python-interview-notes/bundle';

export interface NotesBundleParts {
  /** serializeNotesIndex() output. */
  index: string;
  /** JSON: note file path relative to notes/ → its text. */
  sources: string;
  /** JSON: the PrerenderedFile. */
  answers: string;
}

const PARTS: (keyof NotesBundleParts)[] = ['index', 'sources', 'answers'];

/** Header line with the byte length of each part, then the parts. */
export function packBundle(parts: NotesBundleParts): Uint8Array {
  const encoder = new TextEncoder();
  const bodies = PARTS.map((k) => encoder.encode(parts[k]));
  const header = encoder.encode(JSON.stringify({ format: BUNDLE_FORMAT, version: 1, parts: PARTS, lengths: bodies.map((b) => b.length) }) + '\n');
  const out = new Uint8Array(header.length + bodies.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const chunk of [header, ...bodies]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The parts of an unpacked bundle, each decoded on first access. */
export function unpackBundle(bytes: Uint8Array): { part(name: keyof NotesBundleParts): string } {
  const newline = bytes.indexOf(10);
  if (newline < 0) throw new Error('the bundled notes file is damaged; rebuild with `npm run build`');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline))) as { format?: unknown; version?: unknown; parts?: unknown; lengths?: unknown };
  if (header.format !== BUNDLE_FORMAT || header.version !== 1 || !Array.isArray(header.parts) || !Array.isArray(header.lengths)) {
    throw new Error('the bundled notes file is from another version; rebuild with `npm run build`');
  }
  const spans = new Map<string, [number, number]>();
  let at = newline + 1;
  header.parts.forEach((name, i) => {
    const length = Number((header.lengths as unknown[])[i]);
    spans.set(String(name), [at, at + length]);
    at += length;
  });
  if (at !== bytes.length) throw new Error('the bundled notes file is truncated; rebuild with `npm run build`');
  const decoded = new Map<string, string>();
  return {
    part(name) {
      let text = decoded.get(name);
      if (text === undefined) {
        const span = spans.get(name);
        if (!span) throw new Error(`the bundled notes file has no ${name}`);
        decoded.set(name, (text = new TextDecoder().decode(bytes.subarray(span[0], span[1]))));
      }
      return text;
    },
  };
}
