// Which answers link to which: "Linked from" under each answer. Computed once
// per load over every answer, in linear time.

/** Questions an answer links to with `q:id` (inline or reference links), in order, outside code. */
export function questionLinks(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence) continue;
    // Inline code spans may show link syntax as text; drop them first.
    const text = line.replace(/`[^`]*`/g, '');
    for (const m of text.matchAll(/(?:\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?)q:([^\s)#>]+)/g)) {
      let id = m[1];
      try {
        id = decodeURIComponent(id);
      } catch {
        // keep it as written
      }
      out.push(id);
    }
  }
  return out;
}

/** For each question id, the questions whose answers link to it (in reading order, no repeats, never itself). */
export function computeBacklinks(questions: readonly { id: string; markdown: string }[]): Map<string, string[]> {
  const known = new Set(questions.map((q) => q.id));
  const backlinks = new Map<string, string[]>();
  for (const q of questions) {
    for (const target of new Set(questionLinks(q.markdown))) {
      if (target === q.id || !known.has(target)) continue;
      let from = backlinks.get(target);
      if (!from) backlinks.set(target, (from = []));
      from.push(q.id);
    }
  }
  return backlinks;
}
