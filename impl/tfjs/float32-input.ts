/**
 * Float32 range checks of the tfjs implementations' inputs (SB attention, spec heat-flow-limit §3.3 float32
 * caveats; sphere dynamics, spec attention-dynamics-clustering §6): done in float64 on the host before any
 * tensor is formed, each a NumericalError naming the argument and the float32 limit it crossed
 * (impl/float32-range.ts).
 */
import type { ParticleBatch, SinkformerBatch } from '../capabilities/sb-attention.js';
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
        `argument 'eps': instance ${b} has ε = ${sci(eps[b]!)}, whose 1/√ε = ${sci(v)} ${f === 0 ? 'underflows' : 'overflows'} float32 ` +
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
  for (const key of ['bilinear', 'value'] as const) if (batch[key]) assertFloat32Range(key, batch[key]!);
  for (let b = 0; b < B; b++) {
    let frob = batch.bilinear ? 0 : d;
    if (batch.bilinear) for (let k = b * d * d; k < (b + 1) * d * d; k++) frob += batch.bilinear[k]! ** 2;
    assertLogDomainRange('beta', 'the logit bound β‖B‖_F', b, batch.beta[b]! * Math.sqrt(frob) * (1 + SPHERE_NORM_TOLERANCE) ** 2);
  }
}
