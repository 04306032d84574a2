import type { Question, Topic } from '../notes/model';
import type { SearchDoc } from './searchIndex';

/** Flattens topics into the documents the search index is built from. */
export function searchDocsFor(topics: readonly Topic[], pathPrefix: string[] = []): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const t of topics) {
    const path = [...pathPrefix, t.title];
    for (const q of t.questions) {
      docs.push(searchDocOf(q, path.join(' / ')));
    }
    // A loop, not push(...): 2·10^5 questions under one topic would overflow the stack as arguments.
    for (const doc of searchDocsFor(t.topics, path)) docs.push(doc);
  }
  return docs;
}

/** One question as a search document; `topic` is its "Topic / Group" path. */
export function searchDocOf(q: Question, topic: string): SearchDoc {
  return {
    id: q.id, title: q.title, topic, tags: q.tags, keywords: q.keywords, body: q.markdown,
    ...(q.difficulty ? { difficulty: q.difficulty } : {}),
    ...(q.importance ? { importance: q.importance } : {}),
  };
}
