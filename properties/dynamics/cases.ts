/**
 * The attention models the energy claims range over (GLPR §2–3; spec §2.2 a–d): SA and USA with V = I,
 * the repulsive V = −I, SA with B = V symmetric (GOE, not necessarily PSD; §3.4.1), and β = 0 (4.1), each
 * paired with the energy normalisation whose identity it satisfies (spec §2.1, never mixed).
 */
import type { AttentionNormalization, EnergyNormalization, SphereBatch } from '../../impl/capabilities/sphere-dynamics.js';
import type { EnergyRateModel } from '../../impl/reference/interaction-energy.js';
import { goe } from '../arbitraries/sphere.js';
import { scaledIdentities } from './common.js';

export interface ModelCase {
  readonly name: string;
  readonly normalization: AttentionNormalization;
  readonly energy: EnergyNormalization;
  readonly value: 'I' | '-I' | 'goe';
  /** β replaced by 0 (the consensus dynamics 4.1). */
  readonly betaZero?: boolean;
  /** +1: energy non-decreasing; −1: non-increasing (V = −I). */
  readonly sign: 1 | -1;
}

export const MODEL_CASES: readonly ModelCase[] = [
  { name: 'SA, V = I, mean-field E', normalization: 'softmax', energy: 'mean-field', value: 'I', sign: 1 },
  { name: 'USA, V = I, mean-field E', normalization: 'unnormalized', energy: 'mean-field', value: 'I', sign: 1 },
  { name: 'SA, V = −I, mean-field E', normalization: 'softmax', energy: 'mean-field', value: '-I', sign: -1 },
  { name: 'USA, V = −I, mean-field E', normalization: 'unnormalized', energy: 'mean-field', value: '-I', sign: -1 },
  { name: 'SA, B = V (GOE), modified-metric 𝖤', normalization: 'softmax', energy: 'modified-metric', value: 'goe', sign: 1 },
  { name: 'SA, V = I, shifted E', normalization: 'softmax', energy: 'shifted', value: 'I', sign: 1 },
  { name: 'USA, V = I, shifted E', normalization: 'unnormalized', energy: 'shifted', value: 'I', sign: 1 },
  { name: 'β = 0, shifted E', normalization: 'softmax', energy: 'shifted', value: 'I', betaZero: true, sign: 1 },
];

/** Number of unit floats per instance a GOE matrix of dimension ≤ dMax needs. */
export function goeLength(dMax: number): number {
  return 2 * dMax * dMax;
}

/** The batch with the case's matrices (V, and B = V for the GOE case) and β. */
export function batchForCase(batch: SphereBatch, c: ModelCase, extra: ReadonlyArray<readonly number[]>): SphereBatch {
  const { B, d } = batch;
  const beta = c.betaZero ? new Float64Array(B) : batch.beta;
  if (c.value === 'I') return { B, n: batch.n, d, x: batch.x, beta };
  if (c.value === '-I') return { B, n: batch.n, d, x: batch.x, beta, value: scaledIdentities(B, d, -1) };
  const S = new Float64Array(B * d * d);
  for (let b = 0; b < B; b++) S.set(goe(extra[b]!, d), b * d * d);
  return { B, n: batch.n, d, x: batch.x, beta, bilinear: S, value: S };
}

/** The rate model of energyRate for instance b of a case batch. */
export function rateModel(c: ModelCase, batch: SphereBatch, b: number): EnergyRateModel {
  const dd = batch.d * batch.d;
  return {
    normalization: c.normalization,
    sign: c.sign,
    ...(c.value === 'goe' && batch.value ? { V: batch.value.subarray(b * dd, (b + 1) * dd) } : {}),
  };
}
