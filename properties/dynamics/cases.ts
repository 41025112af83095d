/**
 * The attention models the energy claims range over (GLPR §2–3; spec §2.2 a–d): SA and USA with V = I,
 * the repulsive V = −I, SA with B = V symmetric (GOE, not necessarily PSD; §3.4.1), and β = 0 (4.1), each
 * paired with the energy normalisation whose identity it satisfies (spec §2.1, never mixed).
 */
import type {
  AttentionNormalization,
  EnergyNormalization,
  SphereBatch,
} from '../../impl/capabilities/sphere-dynamics.js';
import type { EnergyRateModel } from '../../impl/reference/interaction-energy.js';
import { ginibre, goe } from '../arbitraries/sphere.js';
import { scaledIdentities } from './common.js';

export interface ModelCase {
  readonly name: string;
  readonly normalization: AttentionNormalization;
  readonly energy: EnergyNormalization;
  /** 'ginibre': independent non-symmetric B and V (no energy identity; the field and its schemes only). */
  readonly value: 'I' | '-I' | 'goe' | 'ginibre';
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
  {
    name: 'SA, B = V (GOE), modified-metric 𝖤',
    normalization: 'softmax',
    energy: 'modified-metric',
    value: 'goe',
    sign: 1,
  },
  { name: 'SA, V = I, shifted E', normalization: 'softmax', energy: 'shifted', value: 'I', sign: 1 },
  { name: 'USA, V = I, shifted E', normalization: 'unnormalized', energy: 'shifted', value: 'I', sign: 1 },
  { name: 'β = 0, shifted E', normalization: 'softmax', energy: 'shifted', value: 'I', betaZero: true, sign: 1 },
];

/**
 * Fields without an energy identity (GLPR eq. 2.3 for any B = KᵀQ and V): independent Ginibre B and V, where
 * ⟨Bx_i, x_j⟩ ≠ ⟨Bx_j, x_i⟩, so that B and Bᵀ, the two softmax axes, and V and Vᵀ give different fields.
 */
export const GENERAL_CASES: readonly ModelCase[] = [
  { name: 'SA, general B, V (Ginibre)', normalization: 'softmax', energy: 'mean-field', value: 'ginibre', sign: 1 },
  {
    name: 'USA, general B, V (Ginibre)',
    normalization: 'unnormalized',
    energy: 'mean-field',
    value: 'ginibre',
    sign: 1,
  },
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
  if (c.value === 'ginibre') {
    // B from the first GOE-sized block of `extra`, V from the second (extra of length 2·goeLength(dMax))
    const V = new Float64Array(B * d * d);
    for (let b = 0; b < B; b++) {
      S.set(ginibre(extra[b]!, d), b * d * d);
      V.set(ginibre(extra[b]!, d, extra[b]!.length / 2), b * d * d);
    }
    return { B, n: batch.n, d, x: batch.x, beta, bilinear: S, value: V };
  }
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
