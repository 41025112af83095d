/**
 * Ownership of the tensors of an iterative tfjs solver: tensors that live to the end of the call (`keep`),
 * loop temporaries disposed when replaced (`temp`, `drop`), and temporaries kept for good once recorded
 * (`promote`). `dispose` releases whatever is still held, also when the solver throws.
 */
import * as tf from '@tensorflow/tfjs-core';

export class TensorPool {
  private readonly owned: tf.Tensor[] = [];
  private readonly scratch = new Set<tf.Tensor>();
  private readonly finalizers: (() => void)[] = [];

  /** Held until {@link dispose}. */
  keep<T extends tf.Tensor>(t: T): T {
    this.owned.push(t);
    return t;
  }

  /** A temporary: disposed by {@link drop} or at the end. */
  temp<T extends tf.Tensor>(t: T): T {
    this.scratch.add(t);
    return t;
  }

  /** Dispose a temporary now; tensors that are not temporaries (kept, promoted, undefined) are left alone. */
  drop(t: tf.Tensor | undefined): void {
    if (t && this.scratch.delete(t)) t.dispose();
  }

  /** A temporary held until the end after all (a recorded iterate). */
  promote(t: tf.Tensor): void {
    if (this.scratch.delete(t)) this.owned.push(t);
  }

  /** Run `release` at {@link dispose} (an operator that holds tensors of its own). */
  onDispose(release: () => void): void {
    this.finalizers.push(release);
  }

  dispose(): void {
    for (const release of this.finalizers.splice(0)) release();
    tf.dispose(this.owned);
    tf.dispose([...this.scratch]);
  }
}
