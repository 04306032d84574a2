// Decodes a note file's bytes. Notes collected over the years come as UTF-8
// (with or without BOM), UTF-16 from Windows editors, or GBK/GB18030 from old
// Chinese tools; anything else (images, archives renamed .md) is reported.

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; reason: 'binary' | 'undecodable'; message: string };

type Encoding = Extract<DecodeResult, { ok: true }>['encoding'];

/** Share of control characters above which decoded text is taken for binary data. */
const MAX_CONTROL_RATIO = 0.1;
/** GB18030 maps otherwise unused byte pairs to the Private Use Area; many of them means the guess is wrong. */
const MAX_PRIVATE_USE_RATIO = 0.02;

export function decodeNoteBytes(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs(bytes.subarray(3), 'utf-8', 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { ok: false, reason: 'undecodable', message: 'UTF-32 text is not supported; save the file as UTF-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes.subarray(2), 'utf-16le', 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes.subarray(2), 'utf-16be', 'utf-16be');
  const bomless = bomlessUtf16(bytes);
  if (bomless) return decodeAs(bytes, bomless, bomless);
  if (bytes.includes(0)) return { ok: false, reason: 'binary', message: 'the file looks binary (it contains NUL bytes)' };
  const utf8 = decodeAs(bytes, 'utf-8', 'utf-8');
  if (utf8.ok || utf8.reason === 'binary') return utf8;
  const gb = decodeAs(bytes, 'gb18030', 'gb18030');
  if (gb.ok && privateUseRatio(gb.text) > MAX_PRIVATE_USE_RATIO) return undecodable();
  return gb.ok || gb.reason === 'binary' ? gb : undecodable();
}

function decodeAs(bytes: Uint8Array, label: string, encoding: Encoding): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undecodable();
  }
  if (controlRatio(text) > MAX_CONTROL_RATIO) {
    return { ok: false, reason: 'binary', message: 'the file looks binary (too many control characters)' };
  }
  return { ok: true, text, encoding };
}

function undecodable(): DecodeResult {
  return { ok: false, reason: 'undecodable', message: 'the file is not valid UTF-8, UTF-16 (with BOM) or GBK/GB18030 text' };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 saved without a BOM: mostly-ASCII text has a NUL in every other
 * byte. Checked on the first KiB so the guess stays cheap.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return undefined;
}

/** C0/C1 controls other than tab, newlines, form feed and ESC (terminal colours in pasted output). */
function controlRatio(text: string): number {
  if (!text) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) || (c >= 0x7f && c <= 0x9f)) count++;
  }
  return count / text.length;
}

function privateUseRatio(text: string): number {
  if (!text) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xe000 && c <= 0xf8ff) count++;
  }
  return count / text.length;
}
