import type * as vscode from 'vscode';

/** Disposes every item, even when some throw; the errors are rethrown together afterwards. */
export function disposeAll(items: Iterable<vscode.Disposable>): void {
  const errors: unknown[] = [];
  for (const item of items) {
    try {
      item.dispose();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'errors while disposing');
}

/**
 * Base for classes that hold resources (listeners, emitters, panels, timers): whatever is
 * `_register`ed goes away with the owner, once.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly registered: vscode.Disposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Last registered first, as later resources may depend on earlier ones.
    disposeAll(this.registered.splice(0).reverse());
  }

  /** Keeps `item` until this object is disposed; registering after that disposes it at once. */
  protected _register<T extends vscode.Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.registered.push(item);
    return item;
  }
}
