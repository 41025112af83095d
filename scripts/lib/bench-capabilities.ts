/**
 * The benchmark of the capabilities other than Sinkhorn, when the implementation has them: OT-transformer layers,
 * one sphere-dynamics step and one SB-attention step, each on a small seeded batch.
 */
import type { Implementation } from '../../impl/capabilities/index.js';
import { lcg } from './bench-problem.js';
import { firstLine, timeTask } from './bench-timing.js';

export interface CapabilityRow {
  readonly name: string;
  readonly shape: string;
  readonly msPerCall?: number;
  readonly rme?: number;
  readonly skipped?: string;
}

/** Time each capability present in `impl` (a smaller batch and fewer layers with `quick`). */
export async function capabilityRows(impl: Implementation, timeMs: number, quick: boolean): Promise<CapabilityRow[]> {
  const rows: CapabilityRow[] = [];
  const B = quick ? 2 : 16;
  const n = quick ? 8 : 32;
  const rnd = (k: number, seed: number): Float64Array => {
    const next = lcg(seed);
    return Float64Array.from({ length: k }, () => next() * 2 - 1);
  };
  const run = async (name: string, shape: string, has: boolean, fn: () => Promise<unknown>): Promise<void> => {
    if (!has) {
      rows.push({ name, shape, skipped: 'capability not present in the tfjs implementation yet' });
      return;
    }
    try {
      const t = await timeTask(name, fn, timeMs);
      rows.push({ name, shape, msPerCall: t.mean, rme: t.rme });
    } catch (e) {
      rows.push({ name, shape, skipped: `failed: ${firstLine(e)}` });
    }
  };
  const ot = impl['otTransformer'];
  const layers = quick ? 2 : 10;
  await run('ot-transformer forward', `B=${B} n=${n} d=1 L=${layers}`, !!ot, () =>
    ot!.forward(
      {
        B,
        n,
        d: 1,
        x: rnd(B * n, 1),
        y: rnd(B * n, 2),
        lambda: new Float64Array(B).fill(0.5),
        gamma: new Float64Array(B).fill(0.1),
      },
      { layers },
    ),
  );
  const sd = impl['sphereDynamics'];
  const d = 3;
  const x = rnd(B * n * d, 3);
  for (let k = 0; k < B * n; k++) {
    const r = Math.hypot(x[3 * k]!, x[3 * k + 1]!, x[3 * k + 2]!);
    for (let c = 0; c < 3; c++) x[3 * k + c] = x[3 * k + c]! / r;
  }
  await run('sphere dynamics, one step', `B=${B} n=${n} d=${d} rk4`, !!sd, () =>
    sd!.simulate(
      { B, n, d, x, beta: new Float64Array(B).fill(1) },
      { normalization: 'softmax', integrator: 'rk4', dt: 0.05, steps: 1 },
    ),
  );
  const sb = impl['sbAttention'] as { step?: (b: unknown, o: unknown) => Promise<unknown> } | undefined;
  await run('SB attention, one step', `B=${B} n=${n} d=2`, !!sb?.step, () =>
    sb!.step!(
      { B, n, d: 2, x: rnd(B * n * 2, 4), eps: new Float64Array(B).fill(0.1) },
      { tolerance: 1e-4, maxIterations: 200 },
    ),
  );
  return rows;
}
