/**
 * Validation of what an implementation under test returns, before any claim reads it: for every
 * capability method, each returned field's type (the exact typed array the interface declares), its
 * length from the shape the call's arguments declare, the scalar fields the arguments fix (B, n,
 * iterations, stored, …), and finiteness where the capability's interface promises it (NaN never, −∞
 * only where a log quantity meets a zero weight). A malformed output throws an {@link OutputError} naming
 * the field, the expected and the actual value, e.g. "logPlan has 15 entries, expected B·n·m = 16".
 * The rules of each capability live in impl/output-validation/<capability>.ts.
 */
import type { CapabilityName } from './capabilities/index.js';
import type { OutputRule } from './output-validation/fields.js';
import { interpolatorOutputRules } from './output-validation/interpolator.js';
import { otTransformerOutputRules } from './output-validation/ot-transformer.js';
import { sbAttentionOutputRules } from './output-validation/sb-attention.js';
import { sinkhornOutputRules } from './output-validation/sinkhorn.js';
import { sphereDynamicsOutputRules } from './output-validation/sphere-dynamics.js';

/** The output rules of every capability, by capability and method name. */
const OUTPUT_RULES: Readonly<Record<CapabilityName, Readonly<Record<string, OutputRule>>>> = {
  sinkhorn: sinkhornOutputRules,
  otTransformer: otTransformerOutputRules,
  sphereDynamics: sphereDynamicsOutputRules,
  sbAttention: sbAttentionOutputRules,
  interpolator: interpolatorOutputRules,
};

/**
 * Check the result of `impl[capability][method](...args)` against the capability's interface.
 * Throws OutputError on a malformed output; returns normally otherwise. The arguments are those the
 * claim passed (valid input: an implementation rejects invalid input before returning); a method
 * outside the interface (a plug-in's extra) is not checked.
 */
export function validateOutput(
  capability: CapabilityName,
  method: string,
  args: readonly unknown[],
  result: unknown,
): void {
  const rules: Readonly<Record<string, OutputRule>> | undefined = OUTPUT_RULES[capability];
  const rule = rules && Object.hasOwn(rules, method) ? rules[method] : undefined;
  rule?.(args, result);
}
