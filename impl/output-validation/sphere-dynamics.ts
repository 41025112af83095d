/**
 * Output rules of the sphere-dynamics capability (impl/capabilities/sphere-dynamics.ts): velocities
 * [B, n, d], trajectories with `stored` = the number of recorded steps (0, every `recordEvery`-th, the
 * last) and the states or Gram matrices the options ask for, energies [B], uniform samples [count, d];
 * every entry finite (the field, the energy and the states are finite for finite input: GLPR eqs. 2.3–2.6).
 */
import type { SimulateOptions, SphereBatch } from '../capabilities/sphere-dynamics.js';
import { storedSteps } from '../sphere-input.js';
import {
  assertRecord,
  batchSizeFields,
  equalNumberField,
  float64Field,
  int32ListField,
  type OutputRule,
} from './fields.js';

function validateVelocity(args: readonly unknown[], result: unknown): void {
  const { B, n, d } = args[0] as SphereBatch;
  float64Field('velocity', result, { length: B * n * d, formula: 'B·n·d' }, 'finite');
}

function validateSimulate(args: readonly unknown[], result: unknown): void {
  const batch = args[0] as SphereBatch;
  const o = args[1] as SimulateOptions;
  const { B, n, d } = batch;
  const t = assertRecord('trajectory', result);
  batchSizeFields(t, batch, ['B', 'n', 'd']);
  const steps = storedSteps(o.steps, o.recordEvery);
  equalNumberField('stored', t['stored'], steps.length, 'the recorded steps (0, every recordEvery-th, the last)');
  int32ListField('stepIndex', t['stepIndex'], steps, '0, every recordEvery-th step, and the last');
  const S = steps.length;
  if (o.record === 'gram') {
    float64Field('gram', t['gram'], { length: B * S * n * n, formula: 'B·stored·n·n' }, 'finite');
  } else {
    float64Field('states', t['states'], { length: B * S * n * d, formula: 'B·stored·n·d' }, 'finite');
  }
}

function validateEnergy(args: readonly unknown[], result: unknown): void {
  const { B } = args[0] as SphereBatch;
  float64Field('energy', result, { length: B, formula: 'B' }, 'finite');
}

function validateSampleUniform(args: readonly unknown[], result: unknown): void {
  const [count, d] = args as [number, number];
  float64Field('sample', result, { length: count * d, formula: 'count·d' }, 'finite');
}

/** Validators of sphereDynamics' methods, by method name. */
export const sphereDynamicsOutputRules: Readonly<Record<string, OutputRule>> = {
  velocity: validateVelocity,
  simulate: validateSimulate,
  energy: validateEnergy,
  sampleUniform: validateSampleUniform,
};
