import * as assert from 'node:assert/strict';
import { Disposable, disposeAll } from '../../src/util/disposable';

class Owner extends Disposable {
  register(d: { dispose(): void }) {
    return this._register(d);
  }
}

describe('Disposable base', () => {
  it('disposes what was registered once, last first', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.register({ dispose: () => order.push('first') });
    owner.register({ dispose: () => order.push('second') });
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['second', 'first']);
    assert.equal(owner.isDisposed, true);
  });

  it('disposes at once what is registered after disposal', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = false;
    owner.register({ dispose: () => (disposed = true) });
    assert.equal(disposed, true);
  });

  it('disposeAll disposes every item even when some throw, then reports the errors', () => {
    let last = false;
    const boom = { dispose: () => { throw new Error('boom'); } };
    assert.throws(() => disposeAll([boom, boom, { dispose: () => (last = true) }]), AggregateError);
    assert.equal(last, true);
    assert.throws(() => disposeAll([boom]), /boom/);
  });
});
