/**
 * Output rules of the OT-transformer capability (impl/capabilities/ot-transformer.ts): the trace's shape
 * is the batch's, `recorded` and `potentialLayers` are the layers the options ask for, every array has the
 * length of its declared shape, and every entry is finite except where the interface defines NaN: the sink
 * potentials of an implementation without a sink token, and the sink row of `tokens` padded with NaN then.
 */
import type { OTTransformerBatch, OTTransformerOptions } from '../capabilities/ot-transformer.js';
import { OutputError } from '../errors.js';
import { recordedLayers } from '../ot-transformer-prompt.js';
import {
  assertRecord,
  batchSizeFields,
  equalNumberField,
  float64Field,
  integerListField,
  type OutputRule,
} from './fields.js';

/** Validate `forward(batch, options)`'s trace. */
function validateForward(args: readonly unknown[], result: unknown): void {
  const [batch, options] = args as [OTTransformerBatch, OTTransformerOptions];
  const t = assertRecord('trace', result);
  const { B, n, d } = batch;
  const L = options.layers;
  batchSizeFields(t, batch, ['B', 'n', 'd']);
  equalNumberField('layers', t['layers'], L, 'options.layers');
  const recorded = recordedLayers(options);
  integerListField('recorded', t['recorded'], recorded, `the layers of options.record (default [L])`);
  const potentialLayers = options.potentials === 'all' ? [...Array(L + 1).keys()] : recorded;
  integerListField(
    'potentialLayers',
    t['potentialLayers'],
    potentialLayers,
    options.potentials === 'all' ? 'every layer 0..L' : 'the recorded layers',
  );
  const F = t['features'];
  if (typeof F !== 'number' || !Number.isInteger(F) || F < 1) {
    throw new OutputError('features', `expected a positive integer token width, got ${String(F)}`);
  }
  const S = recorded.length;
  const Q = potentialLayers.length;
  float64Field('u', t['u'], { length: B * Q * n, formula: 'B·Q·n' }, 'finite');
  float64Field('v', t['v'], { length: B * Q * n, formula: 'B·Q·n' }, 'finite');
  const sinkU = float64Field('sinkU', t['sinkU'], { length: B * Q, formula: 'B·Q' }, 'any');
  const sinkV = float64Field('sinkV', t['sinkV'], { length: B * Q, formula: 'B·Q' }, 'any');
  for (const [field, arr] of [
    ['sinkU', sinkU],
    ['sinkV', sinkV],
  ] as const) {
    const k = arr.findIndex((x) => x === Infinity || x === -Infinity);
    if (k >= 0) {
      throw new OutputError(field, `entry ${k} is ${arr[k]}; expected a finite value (or NaN without a sink token)`);
    }
  }
  float64Field('planLogits', t['planLogits'], { length: B * S * n * n, formula: 'B·S·n·n' }, 'finite');
  float64Field('readout', t['readout'], { length: B * S * n * n, formula: 'B·S·n·n' }, 'finite');
  float64Field('sorted', t['sorted'], { length: B * S * n * d, formula: 'B·S·n·d' }, 'finite');
  if (!options.tokens) return;
  const tokens = float64Field('tokens', t['tokens'], { length: B * S * (n + 1) * F, formula: 'B·S·(n+1)·F' }, 'any');
  for (let k = 0; k < tokens.length; k++) {
    const v = tokens[k]!;
    if (Number.isFinite(v)) continue;
    const sinkRow = Math.floor(k / F) % (n + 1) === n;
    if (Number.isNaN(v) && sinkRow) continue;
    throw new OutputError('tokens', `entry ${k} is ${v}; tokens must be finite (NaN only pads the sink row)`);
  }
}

/** Validators of the OT transformer's methods, by method name. */
export const otTransformerOutputRules: Readonly<Record<string, OutputRule>> = { forward: validateForward };
