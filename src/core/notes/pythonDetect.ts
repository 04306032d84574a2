// Guesses whether an unlabelled code block (a fence without language, or an
// indented block) is Python. Real-world notes often leave fences bare; we only
// want to call them Python when the evidence is clear, so signals add up to a
// score and other languages, shell sessions, data and output subtract.

interface Signal {
  re: RegExp;
  score: number;
}

const THRESHOLD = 3;

const SIGNALS: readonly Signal[] = [
  { re: /^#!.*python/m, score: 5 },
  { re: /^\s*(?:async\s+)?def\s+\w+\s*\(.*\)\s*(?:->\s*[^:]+)?:\s*(?:#.*)?$/m, score: 4 },
  { re: /^\s*class\s+\w+\s*(?:\([^)]*\))?\s*:\s*(?:#.*)?$/m, score: 4 },
  { re: /^\s*from\s+\.*[\w.]*\s+import\s+[\w*(]/m, score: 4 },
  { re: /^\s*import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*\s*$/m, score: 3 },
  { re: /^>>>(?:\s|$)/m, score: 6 },
  { re: /__name__\s*==\s*['"]__main__['"]/, score: 4 },
  { re: /^\s*elif\s.*:\s*$/m, score: 4 },
  { re: /^\s*(?:try|finally|else|except(?:\s+[^:]+)?)\s*:\s*(?:#.*)?$/m, score: 3 },
  { re: /\bself\.\w+/, score: 2 },
  { re: /\bprint\(/, score: 2 },
  { re: /\bf(?:"[^"\n]*\{[^}\n]*\}[^"\n]*"|'[^'\n]*\{[^}\n]*\}[^'\n]*')/, score: 3 },
  { re: /\blambda\b[\w\s,*=]*:/, score: 3 },
  { re: /[[({][^\]\n]*?\bfor\s+\w+(?:\s*,\s*\w+)*\s+in\s+[^\]\n]+[\])}]/, score: 3 },
  { re: /^\s*@[\w.]+(?:\(.*\))?\s*$/m, score: 1 },
  { re: /\b(?:None|True|False)\b/, score: 1 },
  { re: /\b(?:is not|not in|is None)\b/, score: 1 },
  { re: /\b(?:len|range|enumerate|zip|isinstance|super|dict|list|tuple|set|sorted|open)\(/, score: 1 },
  { re: /^\s*[A-Za-z_][\w.]*(?:\[[^\]\n]*\])?(?:\s*,\s*[A-Za-z_]\w*)*\s*=\s*[^=;\s][^;\n]*$/m, score: 1 },
  { re: /^\s*(?:function\b|const\s|let\s|var\s)|=>\s*\{|console\.\w+\(/m, score: -5 },
  { re: /^\s*#\s*(?:include|define|pragma|ifndef|endif)\b/m, score: -6 },
  { re: /\b(?:public|private|static)\s+(?:static\s+)?(?:void|int|class|String)\b/, score: -5 },
  { re: /^#!\/(?:usr\/)?bin\/(?:env\s+)?(?:ba|z)?sh\b/m, score: -6 },
  { re: /^\s*\$\s/m, score: -4 },
  {
    re: /^\s*(?:sudo|apt(?:-get)?|yum|brew|pip3?|npm|yarn|cd|ls|echo|export|git|docker|curl|wget|mkdir|rm|cp|mv|chmod|systemctl|python3?)[ \t]+(?![=([.])/m,
    score: -4,
  },
  {
    re: /^\s*(?:SELECT\s[\s\S]*?\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(?:TABLE|INDEX|DATABASE)\s|ALTER\s+TABLE\s|DROP\s+TABLE\s)/im,
    score: -6,
  },
  { re: /^\s*File "[^"]*", line \d+/m, score: -3 },
];

const BLOCK_HEADER = /^\s*(?:(?:async\s+)?(?:def|for|with)|if|elif|else|while|try|except|finally|class|match|case)\b[^{;]*:\s*(?:#.*)?$/;

export function looksLikePython(code: string): boolean {
  const text = code.replace(/\r\n?/g, '\n');
  const trimmed = text.trim();
  if (!trimmed || isJson(trimmed) || /^Traceback \(most recent call last\):/.test(trimmed)) return false;
  const score = SIGNALS.reduce((sum, s) => sum + (s.re.test(text) ? s.score : 0), 0);
  return score + indentedBlockScore(text) - semicolonPenalty(text) >= THRESHOLD;
}

function isJson(text: string): boolean {
  if (!/^[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A `:`-ended block header followed by a more indented line is Python's shape. */
function indentedBlockScore(text: string): number {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const indent = (l: string): number => /^[ \t]*/.exec(l)?.[0].length ?? 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (BLOCK_HEADER.test(lines[i]) && indent(lines[i + 1]) > indent(lines[i])) return 3;
  }
  return 0;
}

/** Statements ending in `;`, or blocks opened by `) {` / `else {`, belong to C-like languages; `= {` may be a dict. */
function semicolonPenalty(text: string): number {
  const count = text.split('\n').filter((l) => /(?:;|[\w)]\s*\{)\s*$/.test(l) && !/^\s*#/.test(l)).length;
  return Math.min(count, 3) * 2;
}

/**
 * Python 2 only syntax: print statements, `except E, e:`, backticks, `<>`,
 * `exec "…"`, `print >>f`. Checked line by line outside comments and strings'
 * obvious cases; each pattern is anchored so it runs in linear time.
 */
const PY2_LINES: readonly RegExp[] = [
  /^[ \t]*print[ \t]+(?:["'\w(][^=(]*|>>)/,
  /^[ \t]*except[ \t]+[\w.]+[ \t]*,[ \t]*\w+[ \t]*:/,
  /^[ \t]*exec[ \t]+["'\w]/,
  /^[ \t]*raise[ \t]+\w+[ \t]*,[ \t]*["'\w]/,
];
const PY2_ANYWHERE: readonly RegExp[] = [/\b(?:raw_input|xrange|unicode|basestring)\(|\.has_key\(|\biteritems\(\)|\bur["']/];

export function looksLikePython2(code: string): boolean {
  for (const raw of code.split('\n')) {
    const line = raw.startsWith('>>> ') ? raw.slice(4) : raw;
    if (/^[ \t]*#/.test(line)) continue;
    if (PY2_LINES.some((re) => re.test(line)) && !/^[ \t]*print[ \t]+\([^)]*\)[ \t]*(?:#.*)?$/.test(line)) return true;
    if (/`[^`\n]{1,80}`/.test(line) && !/["']/.test(line)) return true;
    if (/\w[ \t]*<>[ \t]*\w/.test(line)) return true;
    if (PY2_ANYWHERE.some((re) => re.test(line))) return true;
  }
  return false;
}
