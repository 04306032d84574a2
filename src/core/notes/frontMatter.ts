import { parse as parseYaml } from 'yaml';

export interface FrontMatterResult {
  data: Record<string, unknown>;
  body: string;
  /** Number of lines the front matter block occupied (0 when absent). */
  bodyLineOffset: number;
  error?: string;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Splits a leading YAML front matter block from Markdown. Bad YAML is reported, never thrown. */
export function splitFrontMatter(text: string): FrontMatterResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const match = FENCE.exec(source);
  if (!match) return { data: {}, body: source, bodyLineOffset: 0 };
  const block = match[0];
  const bodyLineOffset = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  const body = source.slice(block.length);
  try {
    const parsed: unknown = parseYaml(match[1]);
    if (parsed === null || parsed === undefined) return { data: {}, body, bodyLineOffset };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { data: {}, body, bodyLineOffset, error: 'front matter is not a key/value map' };
    }
    return { data: parsed as Record<string, unknown>, body, bodyLineOffset };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const data = recoverPlainFields(match[1]);
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
