/**
 * Default per-call timeout of the call guard (impl/guard.ts, `--call-timeout`), per run budget: the
 * slowest call of the clean implementations grows with the budget's problem sizes and horizons. Sized
 * from the slowest clean call measured on the 2-core CI machine under load (docs/verdicts.md,
 * "Call timeout"): quick 4.4 s, ci 73 s, thorough 311 s; each default leaves a margin of six or more
 * over that, while a hang still ends its claim in bounded time.
 */
import type { BudgetName } from '../properties/types.js';
import type { AdapterInfo } from './webgpu-probe.js';

export const DEFAULT_CALL_TIMEOUT_S: Readonly<Record<BudgetName, number>> = { quick: 120, ci: 600, thorough: 1800 };

/**
 * A software adapter (SwiftShader) runs each WGSL dispatch on the CPU and compiles a shader per new kernel shape:
 * measured 15–69× slower than wasm per Sinkhorn iteration, and 9.7 s for the first RK4 step of the sphere dynamics
 * (README, section WebGPU). Its defaults are this many times the budget's, so that a slow call is not taken for
 * a hang; at quick, 1800 s stays six times over the slowest clean wasm call (4.4 s) times the 69× slowdown.
 */
export const SOFTWARE_ADAPTER_FACTOR = 15;

/** The default per-call timeout in seconds for a budget on a backend (its webgpu adapter, if any). */
export function defaultCallTimeoutS(budget: BudgetName, backend?: { readonly adapter?: AdapterInfo }): number {
  return DEFAULT_CALL_TIMEOUT_S[budget] * (backend?.adapter?.software ? SOFTWARE_ADAPTER_FACTOR : 1);
}
