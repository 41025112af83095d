/** The tensor implementation (tfjs-core API only, batched, float32). */
export * from './sinkhorn.js';
export * from './logsumexp.js';
export * from './sphere-dynamics.js';
export * from './sphere-energy.js';
export * from './usa-log-scale.js';
export * from './ot-transformer.js';
export * from './sb-attention.js';
