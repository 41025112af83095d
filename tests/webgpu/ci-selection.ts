/**
 * What CI runs on the software adapter (SwiftShader): per family the claims that together call every
 * tfjs kernel the family's claims use, with the fast-check runs each gets (README, "WebGPU"):
 * - sinkhorn: all three solve domains (kernel, log, stabilised with absorptions), traces and plans;
 * - heat: the SB plan / step / iterate / sinkformer paths; ot-transformer and sorting: forward with
 *   traces, potentials and readouts; dynamics, energy, clustering: velocity, energy and simulate (RK4 and
 *   Euler, every normalisation; clustering.beta-zero: a long Euler run, the cheapest clustering claim);
 *   interpolation runs the float64 interpolator (backend-independent).
 */
export const WEBGPU_CI_CLAIMS: Readonly<Record<string, number>> = {
  'sinkhorn.plan-matches-reference': 1,
  'sinkhorn.log-domain-small-eps': 1,
  'sinkhorn.one-step-is-softmax': 1,
  'heat.sb-step-closed-form': 1,
  'heat.sinkhorn-contract': 1,
  'ot-transformer.layer-is-dual-gd': 1,
  'ot-transformer.readout': 1,
  'sorting.readout-bound': 1,
  'dynamics.integrator-consistency': 1,
  'energy.derivative-identity': 1,
  'clustering.beta-zero': 2,
  'interpolation.ball-chain': 1,
};
