/**
 * Work units of clustering.phase-diagram: chunks of realisations of one block, each simulated in one batched
 * call and reduced to per-β sums of the pair fraction; the join adds them in plan order and derives P̂, the
 * crossing intervals and the measurements (phase-diagram.ts has the claim and its statistics).
 */
import { seededSpherePoints } from '../arbitraries/sphere.js';
import { measure } from '../measure.js';
import { studentTQuantile } from '../statistics.js';
import type { BatchOutcome, BudgetName, Measurement, PropertyContext, WorkUnits } from '../types.js';
import { dynamicsOf } from './common.js';
import { crossingTime, DELTA, N, PHASE_BLOCKS, type PhaseBlock } from './phase-grid.js';
import { transitionTime } from './theory.js';

export interface BlockResult {
  readonly block: PhaseBlock;
  readonly times: number[];
  /** P[β index][time index]. */
  readonly P: number[][];
  readonly ms: number;
}

/** Estimated seconds of one unit at most, so that the units of a block share out evenly over the workers. */
const UNIT_SECONDS = 2;

/**
 * Instances per simulate call: the recorded Gram matrices ([B, stored, n, n], float32 on the backend and float64
 * once read) stay near 100 MB per worker, and a unit's estimated cost stays under {@link UNIT_SECONDS}.
 */
function chunkSize(block: PhaseBlock): number {
  const memory = Math.floor(1e8 / (storedOf(block) * N * N * 8));
  return Math.max(1, Math.min(memory, Math.floor(UNIT_SECONDS / unitCost(block, 1))));
}

/** One work unit: realisations [start, start + count) of block `block` (realisation r has β index ⌊r/R⌋). */
interface PhaseUnit {
  readonly block: number;
  readonly start: number;
  readonly count: number;
}

/** A unit's sums over its realisations of the pair fraction and its square, per β index it touches and time. */
interface PhasePart {
  readonly times: number[];
  readonly betaIndex: number[];
  /** Float64Array here, plain arrays once a shard's report has been read back: only indexed. */
  readonly sums: ArrayLike<number>[];
  readonly squares: ArrayLike<number>[];
  readonly ms: number;
}

const stepsOf = (block: PhaseBlock): number => Math.round(block.horizon / block.dt);

function storedOf(block: PhaseBlock): number {
  const steps = stepsOf(block);
  return Math.floor(steps / block.recordEvery) + 1 + (steps % block.recordEvery ? 1 : 0);
}

/**
 * Seconds on one core for B realisations: 4n²d flops per field evaluation, plus the exps and per-op dispatch,
 * which weigh like 19 more dimensions, at ~1.9 GFLOP/s (fitted to the tfjs-wasm units at d = 2, 8, 32).
 * Past d = n the tfjs dynamics integrate in the n-dimensional span of the initial points
 * (impl/reference/span-basis.ts), so the cost stops growing with d.
 */
function unitCost(block: PhaseBlock, B: number): number {
  const stages = block.integrator === 'rk4' ? 4 : 1;
  return (B * stepsOf(block) * stages * 4 * N * N * (Math.min(block.d, N) + 19)) / 1.9e9;
}

function planUnits(budget: BudgetName): { unit: PhaseUnit; cost: number }[] {
  return PHASE_BLOCKS[budget].flatMap((block, bi) => {
    const total = block.betas.length * block.realisations;
    const chunk = chunkSize(block);
    const units: { unit: PhaseUnit; cost: number }[] = [];
    for (let start = 0; start < total; start += chunk) {
      const count = Math.min(chunk, total - start);
      units.push({ unit: { block: bi, start, count }, cost: unitCost(block, count) });
    }
    return units;
  });
}

/** Simulate one unit's realisations and reduce its Gram matrices to the pair fraction per realisation and time. */
async function runPhaseUnit(seed: number, u: PhaseUnit, ctx: PropertyContext): Promise<PhasePart> {
  const t0 = performance.now();
  const block = PHASE_BLOCKS[ctx.budget][u.block]!;
  const B = u.count;
  const beta = Float64Array.from({ length: B }, (_, k) => block.betas[Math.floor((u.start + k) / block.realisations)]!);
  const x = seededSpherePoints(
    (seed ^ Math.imul(u.block + 1, 0x9e3779b1) ^ Math.imul(u.start + 1, 0x85ebca6b)) >>> 0,
    B * N,
    block.d,
  );
  const traj = await dynamicsOf(ctx).simulate(
    { B, n: N, d: block.d, x, beta },
    {
      normalization: 'softmax',
      integrator: block.integrator,
      dt: block.dt,
      steps: stepsOf(block),
      recordEvery: block.recordEvery,
      record: 'gram',
    },
  );
  const G = traj.gram!;
  const first = Math.floor(u.start / block.realisations);
  const betaIndex = Array.from(
    { length: Math.floor((u.start + B - 1) / block.realisations) - first + 1 },
    (_, k) => first + k,
  );
  const sums = betaIndex.map(() => new Float64Array(traj.stored));
  const squares = betaIndex.map(() => new Float64Array(traj.stored));
  for (let b = 0; b < B; b++) {
    const k = Math.floor((u.start + b) / block.realisations) - first;
    for (let s = 0; s < traj.stored; s++) {
      const off = (b * traj.stored + s) * N * N;
      let count = 0;
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j && G[off + i * N + j]! >= 1 - DELTA) count++;
      const fraction = count / (N * (N - 1));
      sums[k]![s] = sums[k]![s]! + fraction;
      squares[k]![s] = squares[k]![s]! + fraction * fraction;
    }
  }
  return {
    times: Array.from(traj.stepIndex, (s) => s * block.dt),
    betaIndex,
    sums,
    squares,
    ms: performance.now() - t0,
  };
}

/** The parts of every block added in plan order, then P̂, the crossing intervals and the measurements. */
function joinPhaseParts(budget: BudgetName, parts: readonly PhasePart[]): BatchOutcome {
  const plan = planUnits(budget);
  const blocks = PHASE_BLOCKS[budget];
  const sums = blocks.map((b) => b.betas.map(() => new Float64Array(storedOf(b))));
  const squares = blocks.map((b) => b.betas.map(() => new Float64Array(storedOf(b))));
  const times: number[][] = blocks.map(() => []);
  const ms = blocks.map(() => 0);
  parts.forEach((part, q) => {
    const bi = plan[q]!.unit.block;
    times[bi] = part.times;
    ms[bi] = ms[bi]! + part.ms;
    part.betaIndex.forEach((k, r) => {
      for (let s = 0; s < part.sums[r]!.length; s++) {
        sums[bi]![k]![s] = sums[bi]![k]![s]! + part.sums[r]![s]!;
        squares[bi]![k]![s] = squares[bi]![k]![s]! + part.squares[r]![s]!;
      }
    });
  });
  const measurements: Measurement[] = [];
  const coverage: Record<string, number | string>[] = [];
  const crossings: {
    d: number;
    beta: number;
    tStar: number;
    tHat: number;
    earliest: number;
    latest: number;
    band: number;
  }[] = [];
  const results: BlockResult[] = blocks.map((block, bi) => {
    const P = sums[bi]!.map((row) => Array.from(row, (v) => v / block.realisations));
    block.betas.forEach((beta, k) => {
      coverage.push({ d: block.d, beta, integrator: block.integrator });
      if (block.role !== 'crossing' || beta > 6) return;
      const tStar = transitionTime(beta, N, DELTA);
      if (!(tStar < block.horizon)) return;
      // pointwise t-band of the mean of R fractions, Bonferroni over the β values of the block
      const R = block.realisations;
      const tq = studentTQuantile(1 - 1e-3 / (2 * block.betas.length), R - 1);
      const half = P[k]!.map(
        (m, s) => tq * Math.sqrt(Math.max(0, (squares[bi]![k]![s]! / R - m * m) * (R / (R - 1))) / R),
      );
      const t = times[bi]!;
      const earliest = crossingTime(
        t,
        P[k]!.map((m, s) => m + half[s]!),
        0.5,
      );
      const latest = crossingTime(
        t,
        P[k]!.map((m, s) => m - half[s]!),
        0.5,
      );
      const band = Math.max(0.5, 0.05 * tStar);
      // distance between the crossing interval [earliest, latest] and t* ± band (0 when they meet)
      const gap = Math.max(0, earliest - (tStar + band), tStar - band - latest);
      measurements.push(
        measure(k, `0.5-crossing interval vs t*(β) ± max(0.5, 5%) from (6.9), d=${block.d}`, gap, '<=', 0, 0),
      );
      crossings.push({ d: block.d, beta, tStar, tHat: crossingTime(t, P[k]!, 0.5), earliest, latest, band });
    });
    return { block, times: times[bi]!, P, ms: ms[bi]! };
  });
  // the grid goes through `data` as flat rows: block i → times, wall time, and one row of P per β
  const data: Record<string, number[]> = {};
  results.forEach((r, i) => {
    data[`${i}|times`] = r.times;
    data[`${i}|ms`] = [r.ms];
    r.P.forEach((row, k) => {
      data[`${i}|P|${k}`] = row;
    });
  });
  data['crossing'] = crossings.flatMap((c) => [c.d, c.beta, c.tStar, c.tHat, c.earliest, c.latest, c.band]);
  const instances = blocks.reduce((s, b) => s + b.betas.length * b.realisations, 0);
  return { instances, measurements, coverage, data };
}

export const phaseUnits: WorkUnits<number, PhaseUnit, PhasePart> = {
  plan: planUnits,
  run: runPhaseUnit,
  join: (_seed, parts, ctx) => joinPhaseParts(ctx.budget, parts),
};
