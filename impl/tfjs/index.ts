/** The tensor implementation (tfjs-core API only, batched, float32). */
export * from './sinkhorn.js';
export * from './logsumexp.js';
