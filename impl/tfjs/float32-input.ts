/**
 * Float32 range checks of the tfjs implementations' inputs (SB attention, spec heat-flow-limit §3.3 float32
 * caveats; sphere dynamics, spec attention-dynamics-clustering §6): done in float64 on the host before any
 * tensor is formed, each a NumericalError naming the argument and the float32 limit it crossed
 * (impl/float32-range.ts).
 */
import type { ParticleBatch, SinkformerBatch } from '../capabilities/sb-attention.js';
import type { OTTransformerBatch } from '../capabilities/ot-transformer.js';
import type { SphereBatch } from '../capabilities/sphere-dynamics.js';
import { SPHERE_NORM_TOLERANCE } from '../sphere-input.js';
import { NumericalError } from '../errors.js';
import { FLOAT32_MAX, FLOAT32_MIN_SUBNORMAL, assertFloat32Range, assertLogDomainRange, sci } from '../float32-range.js';
import { attentionLogits as referenceLogits } from '../reference/sinkformer-layer.js';

/**
 * 1/√ε per instance in float64 (the costs are scaled by it before squaring), checked to be a finite nonzero
 * float32: ε within [FLOAT32_MAX⁻², FLOAT32_MIN_SUBNORMAL⁻²] ≈ [8.6e-78, 5.1e89].
 */
export function invSqrtEpsOf(eps: Float64Array): Float64Array {
  const s = eps.map((e) => 1 / Math.sqrt(e));
  s.forEach((v, b) => {
    const f = Math.fround(v);
    if (!Number.isFinite(f) || f === 0) {
      throw new NumericalError(
        `argument 'eps': instance ${b} has ε = ${sci(eps[b]!)}, whose 1/√ε = ${sci(v)} ` +
          `${f === 0 ? 'underflows' : 'overflows'} float32 ` +
          `(ε must lie in [${sci(FLOAT32_MAX ** -2)}, ${sci(FLOAT32_MIN_SUBNORMAL ** -2)}])`,
      );
    }
  });
  return s;
}

/**
 * Float32 range of a particle batch: positions representable, and max ½|x_i − x_j|²/ε within the float32
 * log domain (the log plan adds two log-potentials of that size to it). Computed in float64.
 */
export function assertParticleRange(batch: ParticleBatch): void {
  const { B, n, d } = batch;
  assertFloat32Range('x', batch.x);
  for (let b = 0; b < B; b++) {
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let c = 0;
        for (let k = 0; k < d; k++) c += (batch.x[(b * n + i) * d + k]! - batch.x[(b * n + j) * d + k]!) ** 2;
        worst = Math.max(worst, c / 2);
      }
    }
    assertLogDomainRange('eps', `max ½|x_i − x_j|²/ε (ε = ${sci(batch.eps[b]!)})`, b, worst / batch.eps[b]!);
  }
}

/**
 * Float32 range of a Sinkformer batch: tokens and weights representable, and the first layer's logits
 * max |(W_Q x_i)ᵀ(W_K x_j)|/ε within the float32 log domain. Computed in float64 on the host.
 */
export function assertSinkformerRange(batch: SinkformerBatch): void {
  const { B, n, d } = batch;
  for (const key of ['x', 'WQ', 'WK', 'WV'] as const) assertFloat32Range(key, batch[key]);
  for (let b = 0; b < B; b++) {
    const W = (M: Float64Array): Float64Array => M.subarray(b * d * d, (b + 1) * d * d);
    const C = referenceLogits(batch.x.subarray(b * n * d, (b + 1) * n * d), n, d, W(batch.WQ), W(batch.WK));
    const worst = C.reduce((acc, c) => Math.max(acc, Math.abs(c)), 0) / batch.eps[b]!;
    assertLogDomainRange('x', `max |(W_Q x_i)ᵀ(W_K x_j)|/ε (ε = ${sci(batch.eps[b]!)})`, b, worst);
  }
}

/**
 * Float32 range of a sphere batch: β, B and V representable, and the logits |β⟨Bx_i, x_j⟩| ≤ β‖B‖_F (unit
 * rows) within the float32 log domain, so that the max-shifted exponent L − max L stays finite.
 */
export function assertSphereRange(batch: SphereBatch): void {
  const { B, d } = batch;
  assertFloat32Range('beta', batch.beta);
  for (const key of ['bilinear', 'value'] as const) if (batch[key]) assertFloat32Range(key, batch[key]);
  for (let b = 0; b < B; b++) {
    let frob = batch.bilinear ? 0 : d;
    if (batch.bilinear) for (let k = b * d * d; k < (b + 1) * d * d; k++) frob += batch.bilinear[k]! ** 2;
    const bound = batch.beta[b]! * Math.sqrt(frob) * (1 + SPHERE_NORM_TOLERANCE) ** 2;
    assertLogDomainRange('beta', 'the logit bound β‖B‖_F', b, bound);
  }
}

/**
 * Float32 range of an OT-transformer batch (Daneshmand 2024; spec ot-transformer-sorting §2): the prompt
 * (x, y, ‖x‖², ‖y‖², potentials) and the weights (2/λ) representable, and the logits
 * |(u_i + v_j − ‖x_i − y_j‖²)/λ − 1| within the float32 log domain for every layer: each layer moves a
 * potential by at most γ (the value channel is 1 or −1/n), so |u_ℓ| ≤ |u_0| + γL.
 */
export function assertOTTransformerRange(batch: OTTransformerBatch, layers: number): void {
  const { B, n, d } = batch;
  for (const key of ['x', 'y', 'u0', 'v0', 'sinkU0', 'sinkV0'] as const) {
    if (batch[key]) assertFloat32Range(key, batch[key]);
  }
  assertFloat32Range('gamma', batch.gamma, true);
  const norm = (a: Float64Array, r: number): number => Math.hypot(...a.subarray(r * d, (r + 1) * d));
  for (let b = 0; b < B; b++) {
    const lambda = batch.lambda[b]!;
    if (!Number.isFinite(Math.fround(2 / lambda))) {
      throw new NumericalError(
        `argument 'lambda': instance ${b} has λ = ${sci(lambda)}, whose weight 2/λ overflows float32 ` +
          `(largest ${sci(FLOAT32_MAX)})`,
      );
    }
    let reach = 0;
    let pot = 0;
    for (let i = 0; i < n; i++) {
      reach = Math.max(reach, norm(batch.x, b * n + i) + norm(batch.y, b * n + i));
      pot = Math.max(pot, Math.abs(batch.u0?.[b * n + i] ?? 0), Math.abs(batch.v0?.[b * n + i] ?? 0));
    }
    assertLogDomainRange('x', 'the prompt entries (max‖x‖ + max‖y‖)²', b, reach ** 2);
    pot = Math.max(pot, Math.abs(batch.sinkU0?.[b] ?? 0), Math.abs(batch.sinkV0?.[b] ?? 0)) + batch.gamma[b]! * layers;
    const what = `the logit bound ((max‖x‖ + max‖y‖)² + 2 max|u|)/λ (λ = ${sci(lambda)})`;
    assertLogDomainRange('lambda', what, b, (reach ** 2 + 2 * pot) / lambda + 1);
  }
}
