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
    return { data: {}, body, bodyLineOffset, error: `invalid YAML front matter: ${message}` };
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
