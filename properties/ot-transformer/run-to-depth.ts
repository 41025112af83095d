/**
 * Depth runs of the OT transformer (spec ot-transformer-sorting.md §2, §5): the model is run in chunks of layers,
 * continuing only the instances still above a target distance to P*_λ.
 */
import type { OTTransformer, OTTransformerBatch, OTTransformerTrace } from '../../impl/capabilities/ot-transformer.js';
import { hilbertToPlan, potentialMagnitude, readoutError, view, type OTOracle } from './common.js';

/** The instance subset `idx` of a batch, starting from the potentials at slot q of a trace (continuation). */
function continueFrom(
  batch: OTTransformerBatch,
  idx: readonly number[],
  t: OTTransformerTrace,
  q: number,
  map: readonly number[],
): OTTransformerBatch {
  const { n, d } = batch;
  const B = idx.length;
  const pick = (arr: Float64Array, w: number): Float64Array => {
    const out = new Float64Array(B * w);
    idx.forEach((b, k) => out.set(arr.subarray(b * w, (b + 1) * w), k * w));
    return out;
  };
  const u0 = new Float64Array(B * n);
  const v0 = new Float64Array(B * n);
  const sinkU0 = new Float64Array(B);
  const sinkV0 = new Float64Array(B);
  idx.forEach((b, k) => {
    const tb = map[b]!;
    u0.set(view.u(t, tb, q), k * n);
    v0.set(view.v(t, tb, q), k * n);
    sinkU0[k] = view.sinkU(t, tb, q);
    sinkV0[k] = view.sinkV(t, tb, q);
  });
  // a model without a sink token reports NaN sink potentials: its continuation starts from the default
  const hasSink = [...sinkU0, ...sinkV0].every(Number.isFinite);
  return {
    B,
    n,
    d,
    x: pick(batch.x, n * d),
    y: pick(batch.y, n * d),
    lambda: pick(batch.lambda, 1),
    gamma: pick(batch.gamma, 1),
    u0,
    v0,
    ...(hasSink ? { sinkU0, sinkV0 } : {}),
  };
}

/** Per-instance result of a depth run. */
export interface DepthRun {
  /** Layers run when the target was reached, or the maximum. */
  readonly layers: number[];
  /** d_H(P_ℓ, P*) at the checkpoints (ℓ = chunk, 2·chunk, …) per instance. */
  readonly curve: Array<Array<[number, number]>>;
  readonly finalHilbert: number[];
  readonly finalReadoutError: number[];
  /** max |potential| seen (for the float floor). */
  readonly potentialMax: number[];
  /** Sink potentials at the end. */
  readonly sinkU: number[];
  readonly sinkV: number[];
  /** Sorting outputs M_L·x at the end (n·d per instance). */
  readonly sorted: Float64Array[];
}

/**
 * Run the model in chunks of `chunk` layers up to `maxLayers`, continuing only the instances whose
 * d_H(P_ℓ, P*) is still above `target` (the state of the model is the potentials: every other token column
 * is constant, spec §2 — so a continuation is the same forward pass). Each chunk is one batched forward.
 */
export async function runToDepth(
  model: OTTransformer,
  batch: OTTransformerBatch,
  oracles: readonly OTOracle[],
  target: number,
  chunk: number,
  maxLayers: number,
): Promise<DepthRun> {
  const B = batch.B;
  const layers = new Array<number>(B).fill(0);
  const curve: Array<Array<[number, number]>> = Array.from({ length: B }, () => []);
  const finalHilbert = new Array<number>(B).fill(NaN);
  const finalReadoutError = new Array<number>(B).fill(NaN);
  const potentialMax = new Array<number>(B).fill(0);
  const sinkU = new Array<number>(B).fill(NaN);
  const sinkV = new Array<number>(B).fill(NaN);
  const sorted: Float64Array[] = Array.from({ length: B }, () => new Float64Array(0));
  let active = [...Array(B).keys()];
  let current = batch;
  // ten checkpoints per chunk: the curve of d_H along depth for the report and the rate fit
  const checkpoints = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => Math.round((k * chunk) / 10));
  const last = checkpoints.length - 1;
  while (active.length > 0) {
    const t = await model.forward(current, { layers: chunk, record: checkpoints });
    const still: number[] = [];
    active.forEach((b, k) => {
      checkpoints.forEach((l, s) => curve[b]!.push([layers[b]! + l, hilbertToPlan(t, k, s, oracles[b]!)]));
      layers[b] = layers[b]! + chunk;
      const dh = hilbertToPlan(t, k, last, oracles[b]!);
      finalHilbert[b] = dh;
      finalReadoutError[b] = readoutError(t, k, last, oracles[b]!);
      for (let s = 0; s <= last; s++) {
        potentialMax[b] = Math.max(
          potentialMax[b]!,
          potentialMagnitude([view.u(t, k, s), view.v(t, k, s)], [view.sinkU(t, k, s), view.sinkV(t, k, s)]),
        );
      }
      sinkU[b] = view.sinkU(t, k, last);
      sinkV[b] = view.sinkV(t, k, last);
      sorted[b] = Float64Array.from(view.sorted(t, k, last));
      // continue while above the target and still making progress over the chunk (a stall or a divergence
      // over `chunk` layers ends the run: non-convergence is decided by the final distance)
      const start =
        curve[b]!.length > checkpoints.length ? curve[b]![curve[b]!.length - checkpoints.length - 1]![1] : Infinity;
      if (dh > target && layers[b] < maxLayers && Number.isFinite(dh) && dh < 0.999 * start) still.push(b);
    });
    if (still.length === 0) break;
    const local = still.map((b) => active.indexOf(b));
    current = continueFrom(current, local, t, last, [...Array(active.length).keys()]);
    active = still;
  }
  return { layers, curve, finalHilbert, finalReadoutError, potentialMax, sinkU, sinkV, sorted };
}
