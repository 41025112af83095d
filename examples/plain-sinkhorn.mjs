// A complete plug-in for transformer-ot-verify: a batched Sinkhorn solver in plain JavaScript
// (Float64Array, no tfjs, no dependencies). Run the papers' Sinkhorn claims against it with
//
//   npx transformer-ot-verify verify --impl ./examples/plain-sinkhorn.mjs --claims 'sinkhorn.*'
//
// Claims that need a capability this module does not export (otTransformer, sphereDynamics, …) are
// reported as skipped, with the reason. The interfaces are the TypeScript types exported by the package
// (`import type { Implementation, SinkhornSolver } from 'transformer-ot-verify'`, API version 1).

/** log Σ_k exp(x_k) over a strided slice, with the −∞ guard (an all −∞ slice gives −∞, not NaN). */
function logSumExp(x, offset, count, stride) {
  let max = -Infinity;
  for (let k = 0; k < count; k++) max = Math.max(max, x[offset + k * stride]);
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (let k = 0; k < count; k++) s += Math.exp(x[offset + k * stride] - max);
  return max + Math.log(s);
}

/** @type {import('../index.ts').SinkhornSolver} */
const sinkhorn = {
  name: 'plain-js-log-sinkhorn',
  precision: 'float64',
  /**
   * Log-domain Sinkhorn (Peyré & Cuturi 2019, Remark 4.22) on a batch:
   * log u = log a − LSE_j(log v_j − C_ij/ε), then log v = log b − LSE_i(log u_i − C_ij/ε).
   * @param {import('../index.ts').SinkhornBatch} batch
   * @param {import('../index.ts').SinkhornOptions} options
   * @returns {Promise<import('../index.ts').SinkhornTrace>}
   */
  async solve(batch, options) {
    const { B, n, m, a, b, C, eps } = batch;
    for (const [name, arr] of Object.entries({ a, b, C, eps })) {
      if (!arr.every(Number.isFinite)) throw new RangeError(`invalid argument '${name}': entries must be finite`);
    }
    if (!eps.every((e) => e > 0)) throw new RangeError("invalid argument 'eps': must be > 0");
    const L = options.iterations;
    const stored = options.record ? L + 1 : 2;
    const logU = new Float64Array(B * stored * n);
    const logV = new Float64Array(B * stored * m);
    const logPlan = new Float64Array(B * n * m);
    const buf = new Float64Array(Math.max(n, m));
    for (let q = 0; q < B; q++) {
      const M = (i, j) => -C[(q * n + i) * m + j] / eps[q];
      let u = new Float64Array(n);
      let v = new Float64Array(m);
      if (options.initLogV) v.set(options.initLogV.subarray(q * m, (q + 1) * m));
      logV.set(v, q * stored * m);
      for (let l = 1; l <= L; l++) {
        const nu = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < m; j++) buf[j] = v[j] + M(i, j);
          nu[i] = a[q * n + i] === 0 ? -Infinity : Math.log(a[q * n + i]) - logSumExp(buf, 0, m, 1);
        }
        u = nu;
        const nv = new Float64Array(m);
        for (let j = 0; j < m; j++) {
          for (let i = 0; i < n; i++) buf[i] = u[i] + M(i, j);
          nv[j] = b[q * m + j] === 0 ? -Infinity : Math.log(b[q * m + j]) - logSumExp(buf, 0, n, 1);
        }
        v = nv;
        const slot = options.record ? l : l === L ? 1 : -1;
        if (slot >= 0) {
          logU.set(u, (q * stored + slot) * n);
          logV.set(v, (q * stored + slot) * m);
        }
      }
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) logPlan[(q * n + i) * m + j] = u[i] + v[j] + M(i, j);
    }
    return { B, n, m, iterations: L, stored, logU, logV, logPlan };
  },
};

/** @type {import('../index.ts').Implementation} */
export default {
  name: 'plain-js',
  description: 'worked example: plain-JavaScript log-domain Sinkhorn (float64)',
  sinkhorn,
};
