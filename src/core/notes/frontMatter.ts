import { parse as parseYaml } from 'yaml';

export interface FrontMatterResult {
  data: Record<string, unknown>;
  body: string;
  /** Number of lines the front matter block occupied (0 when absent). */
  bodyLineOffset: number;
  error?: string;
  /** Set when only the first part of a very long front matter block was read: its first unread line (1-based, in the file) and why. */
  unread?: { line: number; why: string };
}

/** Real front matter has a handful of keys; a block past either cap is read only up to it (YAML checks key uniqueness pairwise). */
export const MAX_FRONT_MATTER_KEYS = 100;
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Splits a leading YAML front matter block from Markdown. Bad YAML is reported, never thrown. */
export function splitFrontMatter(text: string): FrontMatterResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const match = FENCE.exec(source);
  if (!match) return { data: {}, body: source, bodyLineOffset: 0 };
  const block = match[0];
  const bodyLineOffset = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  const body = source.slice(block.length);
  const { yaml, unread } = readablePart(match[1]);
  const result = parseBlock(yaml, body, bodyLineOffset);
  return unread ? { ...result, unread } : result;
}

/**
 * The part of a front matter block that is parsed: whole top-level keys, at most
 * MAX_FRONT_MATTER_KEYS of them within MAX_FRONT_MATTER_CHARS. The rest is not read.
 */
function readablePart(yaml: string): { yaml: string; unread?: { line: number; why: string } } {
  if (yaml.length <= MAX_FRONT_MATTER_CHARS && yaml.split('\n', MAX_FRONT_MATTER_KEYS + 1).length <= MAX_FRONT_MATTER_KEYS) return { yaml };
  const tooLong = (keys: number) => `front matter is longer than ${MAX_FRONT_MATTER_CHARS / 1024} KB; only the first ${keys} keys read`;
  // Offset and line (0-based in the block) where each key read so far starts.
  let keys = 0;
  let last = { at: 0, line: 0 };
  let line = 0;
  for (let at = 0; at < yaml.length; line++) {
    // A key of the top-level map starts in column 0; indented lines, comments and blank lines belong to the key before.
    const c = yaml[at];
    if (c !== ' ' && c !== '\t' && c !== '#' && c !== '\r' && c !== '\n') {
      // Line 1 of the file is the opening ---, so block line n is file line n + 2.
      if (at > MAX_FRONT_MATTER_CHARS) return { yaml: yaml.slice(0, last.at), unread: { line: last.line + 2, why: tooLong(Math.max(0, keys - 1)) } };
      if (keys === MAX_FRONT_MATTER_KEYS) {
        return { yaml: yaml.slice(0, at), unread: { line: line + 2, why: `front matter has more than ${keys} keys; only the first ${keys} read` } };
      }
      keys++;
      last = { at, line };
    }
    const end = yaml.indexOf('\n', at);
    at = end === -1 ? yaml.length : end + 1;
  }
  if (yaml.length <= MAX_FRONT_MATTER_CHARS) return { yaml };
  return { yaml: yaml.slice(0, last.at), unread: { line: last.line + 2, why: tooLong(Math.max(0, keys - 1)) } };
}

function parseBlock(yaml: string, body: string, bodyLineOffset: number): FrontMatterResult {
  try {
    const parsed: unknown = parseYaml(yaml);
    if (parsed === null || parsed === undefined) return { data: {}, body, bodyLineOffset };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { data: {}, body, bodyLineOffset, error: 'front matter is not a key/value map' };
    }
    return { data: parsed as Record<string, unknown>, body, bodyLineOffset };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const data = recoverPlainFields(yaml);
    const kept = Object.keys(data);
    const note = kept.length ? ` (kept ${kept.join(', ')} from plain lines)` : '';
    return { data, body, bodyLineOffset, error: `invalid YAML front matter: ${message}${note}` };
  }
}

export function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function listField(data: Record<string, unknown>, key: string): string[] {
  const v = data[key];
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean);
  if (typeof v === 'string') return v.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
  return [];
}

const PLAIN_FIELDS = new Set(['title', 'tags', 'categories', 'keywords', 'aliases']);
const FIELD_LINE = /^([A-Za-z]+)[ \t]*:[ \t]*(.*)$/;
const ITEM_LINE = /^[ \t]+-[ \t]+(.+)$|^-[ \t]+(.+)$/;

/**
 * Front matter YAML rejects (tabs as indentation, stray colons) still tells
 * the title and tags on plain `key: value` lines, with `- item` lines or a
 * `[a, b]` list for tags. Other keys are left out: they need real YAML.
 */
export function recoverPlainFields(block: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let listKey: string | undefined;
  for (const line of block.split(/\r?\n/)) {
    const field = FIELD_LINE.exec(line);
    if (field) {
      const key = field[1].toLowerCase();
      listKey = undefined;
      if (!PLAIN_FIELDS.has(key)) continue;
      const value = unquote(field[2].trim());
      if (key === 'title') {
        if (value) data.title = value;
      } else if (value.startsWith('[') && value.endsWith(']')) data[key] = value.slice(1, -1).split(',').map((v) => unquote(v.trim())).filter(Boolean);
      else if (value) data[key] = value;
      else {
        data[key] = [];
        listKey = key;
      }
      continue;
    }
    const item = ITEM_LINE.exec(line);
    if (item && listKey) (data[listKey] as string[]).push(unquote((item[1] ?? item[2]).trim()));
  }
  return data;
}

function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}
