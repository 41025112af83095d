/** Float64 oracles: closed forms, exact plans, metrics. Plain TypeScript, no tfjs. */
export * from './hilbert.js';
export * from './birkhoff.js';
export * from './logsumexp.js';
export * from './sinkhorn.js';
export * from './entropic-plan.js';
export * from './sinkhorn-solver.js';
export * from './sphere.js';
