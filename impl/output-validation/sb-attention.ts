/**
 * Output rules of the SB-attention capability (impl/capabilities/sb-attention.ts): every array has the
 * length of its declared shape and is finite (weights are > 0, so the log plan has no −∞: AHMP24's
 * symmetric Sinkhorn keeps every log P_ij finite); iteration counts are integers in [0, maxIterations];
 * residuals are finite and ≥ 0; `recordedSteps` is 0, every `recordEvery`-th step and K.
 */
import type { ParticleBatch, SBIterateOptions, SBSolveOptions, SinkformerBatch } from '../capabilities/sb-attention.js';
import { OutputError } from '../errors.js';
import { recordedStepList } from '../sb-input.js';
import {
  assertRecord,
  batchSizeFields,
  float64Field,
  integerListField,
  nonNegativeField,
  type OutputRule,
} from './fields.js';

/** Iteration counts: non-negative integers, at most the cap. */
function iterationsField(value: unknown, length: number, formula: string, cap: number): void {
  const it = nonNegativeField('iterations', value, { length, formula }, true);
  const k = it.findIndex((x) => x > cap);
  if (k >= 0) throw new OutputError('iterations', `entry ${k} is ${it[k]}, more than options.maxIterations = ${cap}`);
}

/**
 * The solver's report of a result: iteration counts ([B], or [B, K] over K steps) in [0, maxIterations]
 * and the residual per instance [B], finite and ≥ 0.
 */
function convergenceFields(r: Record<string, unknown>, B: number, o: SBSolveOptions, steps?: number): void {
  if (steps === undefined) iterationsField(r['iterations'], B, 'B', o.maxIterations);
  else iterationsField(r['iterations'], B * steps, 'B·K', o.maxIterations);
  nonNegativeField('residual', r['residual'], { length: B, formula: 'B' });
}

function validatePlan(args: readonly unknown[], result: unknown): void {
  const batch = args[0] as ParticleBatch;
  const { B, n } = batch;
  const p = assertRecord('plan', result);
  batchSizeFields(p, batch, ['B', 'n']);
  float64Field('logPotential', p['logPotential'], { length: B * n, formula: 'B·n' }, 'finite');
  float64Field('logPlan', p['logPlan'], { length: B * n * n, formula: 'B·n·n' }, 'finite');
  convergenceFields(p, B, args[1] as SBSolveOptions);
}

function validateStep(args: readonly unknown[], result: unknown): void {
  const { B, n, d } = args[0] as ParticleBatch;
  const s = assertRecord('step', result);
  float64Field('barycentre', s['barycentre'], { length: B * n * d, formula: 'B·n·d' }, 'finite');
  float64Field('x', s['x'], { length: B * n * d, formula: 'B·n·d' }, 'finite');
  convergenceFields(s, B, args[1] as SBSolveOptions);
}

function validateIterate(args: readonly unknown[], result: unknown): void {
  const batch = args[0] as ParticleBatch;
  const { B, n, d } = batch;
  const o = args[1] as SBIterateOptions;
  const t = assertRecord('trajectory', result);
  batchSizeFields(t, batch, ['B', 'n', 'd']);
  const steps = recordedStepList(o.steps, o.recordEvery);
  integerListField('recordedSteps', t['recordedSteps'], steps, '0, every recordEvery-th step, and K');
  float64Field('x', t['x'], { length: B * steps.length * n * d, formula: 'B·recordedSteps·n·d' }, 'finite');
  convergenceFields(t, B, o, o.steps);
}

function validateSinkformer(args: readonly unknown[], result: unknown): void {
  const { B, n, d } = args[0] as SinkformerBatch;
  const s = assertRecord('output', result);
  float64Field('x', s['x'], { length: B * n * d, formula: 'B·n·d' }, 'finite');
  float64Field('attention', s['attention'], { length: B * n * n, formula: 'B·n·n' }, 'finite');
}

/** Validators of SB attention's methods, by method name. */
export const sbAttentionOutputRules: Readonly<Record<string, OutputRule>> = {
  plan: validatePlan,
  step: validateStep,
  iterate: validateIterate,
  sinkformer: validateSinkformer,
};
