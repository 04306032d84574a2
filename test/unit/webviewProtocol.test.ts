import * as assert from 'node:assert/strict';
import { parseViewState, parseAnswerMessage } from '../../src/core/protocol/answerMessages';

describe('webview message validation', () => {
  it('accepts the messages the answer view sends', () => {
    assert.deepEqual(parseAnswerMessage({ type: 'openExample', questionId: 'gil', index: 1 }), { type: 'openExample', questionId: 'gil', index: 1 });
    assert.deepEqual(parseAnswerMessage({ type: 'navigate', direction: 'next', extra: 1 }), { type: 'navigate', direction: 'next' });
    assert.deepEqual(parseAnswerMessage({ type: 'openQuestion', id: 'x' }), { type: 'openQuestion', id: 'x' });
    assert.deepEqual(parseAnswerMessage({ type: 'openQuestion', id: 'x', section: '要点' }), { type: 'openQuestion', id: 'x', section: '要点' });
    assert.deepEqual(parseAnswerMessage({ type: 'editMyNote', questionId: 'gil' }), { type: 'editMyNote', questionId: 'gil' });
    assert.deepEqual(parseAnswerMessage({ type: 'shown', questionId: 'gil', pageId: 'p1' }), { type: 'shown', questionId: 'gil', pageId: 'p1' });
  });

  it('rejects unknown types, wrong shapes and out-of-range values', () => {
    for (const bad of [
      null, 'openExample', 42, {}, { type: 'runShell', command: 'rm -rf /' },
      { type: 'openExample', questionId: 'gil', index: -1 },
      { type: 'openExample', questionId: 'gil', index: 1.5 },
      { type: 'openExample', questionId: '', index: 0 },
      { type: 'copyExample', questionId: 7, index: 0 },
      { type: 'navigate', direction: 'sideways' },
      { type: 'openLink', questionId: 'a', href: 'x'.repeat(5000) },
      { type: 'openQuestion', id: 'x', section: 7 },
      { type: 'editMyNote' },
      { type: 'shown', questionId: 'gil' },
    ]) {
      assert.equal(parseAnswerMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 60));
    }
  });

  it('restores only a well-formed view state', () => {
    assert.deepEqual(parseViewState({ questionId: 'gil' }), { questionId: 'gil' });
    assert.equal(parseViewState({ questionId: 3 }), undefined);
    assert.equal(parseViewState(undefined), undefined);
  });
});
