import * as assert from 'node:assert/strict';
import { parseProgressMessage, parseReviewMessage } from '../../src/core/protocol/reviewMessages';

describe('review and progress message validation', () => {
  it('accepts the messages the review view sends, dropping extra fields', () => {
    assert.deepEqual(parseReviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseReviewMessage({ type: 'reveal', questionId: 'gil', extra: true }), { type: 'reveal', questionId: 'gil' });
    for (const rating of ['again', 'hard', 'good', 'easy']) {
      assert.deepEqual(parseReviewMessage({ type: 'rate', questionId: 'gil', rating }), { type: 'rate', questionId: 'gil', rating });
    }
    assert.deepEqual(parseReviewMessage({ type: 'showProgress', command: 'rm' }), { type: 'showProgress' });
    assert.deepEqual(parseReviewMessage({ type: 'openQuestion', id: 'x' }), { type: 'openQuestion', id: 'x' });
    assert.deepEqual(parseReviewMessage({ type: 'copyExample', questionId: 'gil', index: 2 }), { type: 'copyExample', questionId: 'gil', index: 2 });
  });

  it('rejects unknown types, wrong shapes and out-of-range values', () => {
    for (const bad of [
      null, undefined, 'reveal', 7, [], {}, [{ type: 'ready' }],
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'reveal' },
      { type: 'reveal', questionId: '' },
      { type: 'reveal', questionId: 'x'.repeat(5000) },
      { type: 'rate', questionId: 'gil' },
      { type: 'rate', questionId: 'gil', rating: 'perfect' },
      { type: 'rate', questionId: 'gil', rating: 3 },
      { type: 'rate', questionId: 'gil', rating: 'toString' },
      { type: 'openQuestion', id: 42 },
      { type: 'openExample', questionId: 'gil', index: -1 },
      { type: 'openExample', questionId: 'gil', index: 0.5 },
    ]) {
      assert.equal(parseReviewMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 60));
    }
  });

  it('lets the progress view run only its three commands', () => {
    assert.deepEqual(parseProgressMessage({ type: 'ready' }), { type: 'ready' });
    for (const command of ['startReview', 'exportProgress', 'importProgress']) {
      assert.deepEqual(parseProgressMessage({ type: 'run', command }), { type: 'run', command });
    }
    for (const bad of [
      null, {}, { type: 'run' },
      { type: 'run', command: 'interviewNotes.startReview' },
      { type: 'run', command: 'workbench.action.files.delete' },
      { type: 'run', command: 'constructor' },
      { type: 'rate', questionId: 'gil', rating: 'good' },
    ]) {
      assert.equal(parseProgressMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
