// Python version ranges in fence info strings ("output py>=3.12", "python norun py<3.11")
// and the short "3.10–3.13" form the answer view shows. Pure: no I/O.

export type PythonVersion = readonly [major: number, minor: number];

type Op = '>=' | '<=' | '==' | '!=' | '>' | '<';
interface Bound {
  op: Op;
  version: PythonVersion;
}

/** A parsed range such as `py>=3.10,<3.13`; `text` is how the note wrote it. */
export interface VersionRange {
  text: string;
  bounds: readonly Bound[];
}

const WORD = /^py((?:>=|<=|==|!=|>|<)\d{1,3}\.\d{1,3}(?:,(?:>=|<=|==|!=|>|<)\d{1,3}\.\d{1,3})*)$/;
const BOUND = /(>=|<=|==|!=|>|<)(\d{1,3})\.(\d{1,3})/g;

/** Parses one info-string word; undefined when it is not a `py…` range. */
export function parseVersionRange(word: string): VersionRange | undefined {
  const m = WORD.exec(word.trim().toLowerCase());
  if (!m) return undefined;
  const bounds: Bound[] = [];
  for (const b of m[1].matchAll(BOUND)) bounds.push({ op: b[1] as Op, version: [Number(b[2]), Number(b[3])] });
  return { text: word.trim().toLowerCase(), bounds };
}

/** The first `py…` range among fence flags, if any. */
export function rangeFromFlags(flags: readonly string[]): VersionRange | undefined {
  for (const f of flags) {
    const r = parseVersionRange(f);
    if (r) return r;
  }
  return undefined;
}

export function compareVersions(a: PythonVersion, b: PythonVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

export function inRange(version: PythonVersion, range: VersionRange | undefined): boolean {
  if (!range) return true;
  return range.bounds.every(({ op, version: v }) => {
    const c = compareVersions(version, v);
    switch (op) {
      case '>=': return c >= 0;
      case '<=': return c <= 0;
      case '==': return c === 0;
      case '!=': return c !== 0;
      case '>': return c > 0;
      case '<': return c < 0;
    }
  });
}

/** "3.12" → [3, 12]; undefined for anything else. */
export function parseVersion(text: string): PythonVersion | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export interface VersionedOutput {
  /** The block's range as written (`py>=3.12`); absent for a plain `output` block. */
  range?: string;
  text: string;
}

export type OutputChoice = { kind: 'none' } | { kind: 'one'; output: VersionedOutput } | { kind: 'missing' } | { kind: 'ambiguous'; ranges: string[] };

/**
 * The expected output for one interpreter: the ranged block that matches it, else
 * the plain block. No blocks at all means "exit code only".
 */
export function selectOutput(outputs: readonly VersionedOutput[] | undefined, version: PythonVersion): OutputChoice {
  if (!outputs || outputs.length === 0) return { kind: 'none' };
  const ranged = outputs.filter((o) => o.range && inRange(version, parseVersionRange(o.range)));
  if (ranged.length > 1) return { kind: 'ambiguous', ranges: ranged.map((o) => o.range ?? '') };
  if (ranged.length === 1) return { kind: 'one', output: ranged[0] };
  const plain = outputs.find((o) => !o.range);
  return plain ? { kind: 'one', output: plain } : { kind: 'missing' };
}

/** ["3.10","3.11","3.12","3.13"] → "3.10–3.13"; gaps are listed: "3.10, 3.12–3.13". */
export function formatVersionList(versions: readonly string[]): string {
  const parsed = versions.map((v) => ({ v, p: parseVersion(v) })).filter((x): x is { v: string; p: PythonVersion } => !!x.p);
  parsed.sort((a, b) => compareVersions(a.p, b.p));
  const runs: string[][] = [];
  for (const x of parsed) {
    const run = runs[runs.length - 1];
    const prev = run ? parseVersion(run[run.length - 1]) : undefined;
    if (run && prev && prev[0] === x.p[0] && prev[1] + 1 === x.p[1]) run.push(x.v);
    else if (!run || run[run.length - 1] !== x.v) runs.push([x.v]);
  }
  return runs.map((r) => (r.length > 1 ? `${r[0]}–${r[r.length - 1]}` : r[0])).join(', ');
}

/** "py>=3.10,<3.13" → "Python ≥ 3.10, < 3.13" for labels. */
export function describeRange(text: string): string {
  const r = parseVersionRange(text);
  if (!r) return text;
  const sym: Record<Op, string> = { '>=': '≥', '<=': '≤', '==': '=', '!=': '≠', '>': '>', '<': '<' };
  return 'Python ' + r.bounds.map((b) => `${sym[b.op]} ${b.version[0]}.${b.version[1]}`).join(', ');
}
