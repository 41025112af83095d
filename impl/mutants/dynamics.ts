/** Sphere-dynamics mutants: planted bugs in the tfjs dynamics, built from its hooks rather than copies. */
import { tfjsImplementation } from '../implementations.js';
import { mulberry32 } from '../reference/prng.js';
import { createTfjsSphereDynamics } from '../tfjs/sphere-dynamics.js';
import type { SphereDynamicsHooks } from '../tfjs/sphere-hooks.js';
import type { SphereBatch } from '../capabilities/sphere-dynamics.js';
import type { Mutant } from './index.js';
import { tfjsMutant } from './tfjs-mutant.js';

function mutant(
  id: string,
  description: string,
  expectedKillers: readonly string[],
  hooks: SphereDynamicsHooks,
): Mutant {
  return tfjsMutant(id, description, expectedKillers, () => ({ sphereDynamics: createTfjsSphereDynamics(id, hooks) }));
}

export const dynamicsMutants: Mutant[] = [
  mutant(
    'dynamics.missing-tangent-projection',
    'ODE field Σ_j A_ij V x_j without the projection P⊥_{x_i} (GLPR eq. 2.3)',
    ['energy.derivative-identity', 'clustering.phase-diagram'],
    { skipProjection: true },
  ),
  mutant(
    'dynamics.softmax-wrong-axis',
    'attention normalised over the query index i (columns) instead of the key index j',
    ['energy.derivative-identity'],
    { softmaxAxis: 1 },
  ),
  mutant(
    'dynamics.energy-over-n',
    'mean-field energy divided by 2βn instead of 2βn² (eq. 3.5 normalisation)',
    ['energy.derivative-identity', 'energy.extremizers'],
    { energyPairCount: 'n' },
  ),
  mutant(
    'dynamics.beta-twice',
    'logits β²⟨Bx_i, x_j⟩: the inverse temperature applied twice',
    ['energy.derivative-identity', 'clustering.phase-diagram', 'clustering.exponential-rate-d-ge-n'],
    { betaPower: 2 },
  ),
  mutant(
    'dynamics.rk4-stage-slip',
    'RK4 third stage evaluated at x + (h/2)k₁ instead of x + (h/2)k₂: a second-order method that still clusters',
    ['dynamics.integrator-consistency'],
    { rk4StageSlip: true },
  ),
];

/** A uniform cube sample normalised onto the sphere: mean 0 (correct on average), biased towards the cube's corners. */
function cubeSampler(count: number, d: number, seed: number): Float64Array {
  const next = mulberry32(seed);
  const out = new Float64Array(count * d);
  for (let i = 0; i < count; i++) {
    let r2 = 0;
    for (let k = 0; k < d; k++) {
      out[i * d + k] = 2 * next() - 1;
      r2 += out[i * d + k]! ** 2;
    }
    for (let k = 0; k < d; k++) out[i * d + k] = out[i * d + k]! / Math.sqrt(r2);
  }
  return out;
}

dynamicsMutants.push({
  id: 'dynamics.cube-sampler',
  description:
    'initial tokens from a normalised uniform cube: correct on average (mean 0) but not uniform on the sphere',
  expectedKillers: ['dynamics.uniform-initialisation'],
  build: () => {
    const correct = createTfjsSphereDynamics('dynamics.cube-sampler');
    return {
      ...tfjsImplementation(),
      name: 'dynamics.cube-sampler',
      sphereDynamics: {
        ...correct,
        sampleUniform: async (count: number, d: number, seed: number) => cubeSampler(count, d, seed),
      },
    };
  },
});

/** Every d×d block of a [B, d, d] array transposed. */
function transposeBlocks(M: Float64Array, d: number): Float64Array {
  const out = new Float64Array(M.length);
  for (let o = 0; o < M.length; o += d * d) {
    for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) out[o + c * d + r] = M[o + r * d + c]!;
  }
  return out;
}

/**
 * A correct dynamics fed one of its matrices transposed: the slip of writing ⟨x_i, Bx_j⟩ for ⟨Bx_i, x_j⟩ (keys and
 * queries swapped, B = QᵀK instead of KᵀQ) or applying Vᵀ; both are invisible for symmetric B and V.
 */
function transposedMatrix(id: string, description: string, field: 'bilinear' | 'value'): Mutant {
  return tfjsMutant(id, description, ['dynamics.integrator-consistency'], () => {
    const correct = createTfjsSphereDynamics(id);
    const swap = (batch: SphereBatch): SphereBatch => {
      const M = batch[field];
      return M ? { ...batch, [field]: transposeBlocks(M, batch.d) } : batch;
    };
    return {
      sphereDynamics: {
        ...correct,
        velocity: (batch, normalization) => correct.velocity(swap(batch), normalization),
        simulate: (batch, options) => correct.simulate(swap(batch), options),
        energy: (batch, normalization) => correct.energy(swap(batch), normalization),
      },
    };
  });
}

dynamicsMutants.push(
  transposedMatrix(
    'dynamics.bilinear-transposed',
    'attention logits ⟨x_i, Bx_j⟩ instead of ⟨Bx_i, x_j⟩: wrong only for non-symmetric B',
    'bilinear',
  ),
  transposedMatrix(
    'dynamics.value-transposed',
    'values Vᵀx_j instead of Vx_j: wrong only for non-symmetric V',
    'value',
  ),
);
