/**
 * What each capability method of a Python implementation must return, field by field (the
 * TypeScript interfaces of impl/capabilities/ in Python terms, docs/python.md): the kind of each
 * field and its shape in named dimensions, resolved from the call's arguments. The decoder checks
 * every field against it and names the field, the expected shape and the actual one on a mismatch.
 */
import type { CapabilityName } from '../capabilities/index.js';

/** 'f64'/'i32': an array (Float64Array / Int32Array); 'int': one integer; 'ints': a list of integers. */
type FieldKind = 'f64' | 'i32' | 'int' | 'ints';

export interface FieldSpec {
  /** TypeScript name; on the Python side the snake_case form (logPlan → log_plan). */
  readonly field: string;
  readonly kind: FieldKind;
  /** Comma-separated named dimensions, e.g. 'B,stored,n'; absent: a 1-D array of any length. */
  readonly shape?: string;
  readonly optional?: boolean;
  /** NaN is a legitimate value of the field (the interface says so); elsewhere NaN is malformed. */
  readonly nan?: boolean;
}

/** Named dimensions of one call, from its arguments and the already decoded fields. */
type Dims = (args: readonly unknown[], out: Readonly<Record<string, unknown>>) => Record<string, number>;

export interface MethodSpec {
  /** 'array': the method returns one array of shape `shape`; 'object': a map of `fields`. */
  readonly returns: 'array' | 'object';
  readonly shape?: string;
  readonly fields?: readonly FieldSpec[];
  readonly dims: Dims;
  /** Fields the TypeScript side adds to the decoded object (sizes the Python side need not repeat). */
  readonly fill?: (args: readonly unknown[], out: Readonly<Record<string, unknown>>) => Record<string, unknown>;
  /** An optional field that this call's options make mandatory. */
  readonly requiredBy?: (args: readonly unknown[]) => string;
}

type Rec = Readonly<Record<string, unknown>>;
const rec = (x: unknown): Rec => (x ?? {}) as Rec;
const num = (x: unknown): number => Number(x);
const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, k) => a + k);

const batchDims = (args: readonly unknown[]): { B: number; n: number; m: number; d: number } => {
  const b = rec(args[0]);
  return { B: num(b['B']), n: num(b['n']), m: num(b['m']), d: num(b['d']) };
};

/** A method returning an object of `fields` whose shapes are the batch's (B, n, m, d); `fill` as in MethodSpec. */
function batchObject(fields: readonly FieldSpec[], fill?: MethodSpec['fill']): MethodSpec {
  return { returns: 'object', dims: batchDims, fields, ...(fill ? { fill } : {}) };
}

/** Recorded layers and potential layers of an OT-transformer call (impl/capabilities/ot-transformer.ts). */
function otLayers(options: Rec): { recorded: number[]; potentialLayers: number[] } {
  const L = num(options['layers']);
  const record = options['record'];
  const recorded = record === 'all' ? range(0, L) : Array.isArray(record) ? record.map(num) : [L];
  return { recorded, potentialLayers: options['potentials'] === 'all' ? range(0, L) : recorded };
}

/** Stored iterates of a Sinkhorn trace: L + 1 when recorded, else 2. */
const storedOf = (o: Rec): number => (o['record'] ? num(o['iterations']) + 1 : 2);

const sbPlanFields: readonly FieldSpec[] = [
  { field: 'iterations', kind: 'f64', shape: 'B' },
  { field: 'residual', kind: 'f64', shape: 'B' },
];

/** The methods of each capability that the suite calls, keyed by capability then TypeScript method name. */
export type BridgedCapability = Exclude<CapabilityName, 'interpolator'>;

export const METHOD_SPECS: Readonly<Record<BridgedCapability, Readonly<Record<string, MethodSpec>>>> = {
  sinkhorn: {
    solve: {
      returns: 'object',
      dims: (args) => ({ ...batchDims(args), stored: storedOf(rec(args[1])) }),
      fields: [
        { field: 'logU', kind: 'f64', shape: 'B,stored,n' },
        { field: 'logV', kind: 'f64', shape: 'B,stored,m' },
        { field: 'logPlan', kind: 'f64', shape: 'B,n,m' },
        { field: 'absorptions', kind: 'int', optional: true },
      ],
      fill: (args) => {
        const { B, n, m } = batchDims(args);
        const o = rec(args[1]);
        return { B, n, m, iterations: num(o['iterations']), stored: storedOf(o) };
      },
    },
  },
  sbAttention: {
    plan: batchObject(
      [
        { field: 'logPotential', kind: 'f64', shape: 'B,n' },
        { field: 'logPlan', kind: 'f64', shape: 'B,n,n' },
        ...sbPlanFields,
      ],
      (args) => ({ B: batchDims(args).B, n: batchDims(args).n }),
    ),
    step: batchObject([
      { field: 'barycentre', kind: 'f64', shape: 'B,n,d' },
      { field: 'x', kind: 'f64', shape: 'B,n,d' },
      ...sbPlanFields,
    ]),
    iterate: {
      returns: 'object',
      dims: (args, out) => ({
        ...batchDims(args),
        K: num(rec(args[1])['steps']),
        S: (out['recordedSteps'] as unknown[] | undefined)?.length ?? 0,
      }),
      fields: [
        { field: 'recordedSteps', kind: 'ints' },
        { field: 'x', kind: 'f64', shape: 'B,S,n,d' },
        { field: 'iterations', kind: 'f64', shape: 'B,K' },
        { field: 'residual', kind: 'f64', shape: 'B' },
      ],
      fill: (args) => ({ B: batchDims(args).B, n: batchDims(args).n, d: batchDims(args).d }),
    },
    sinkformer: batchObject([
      { field: 'x', kind: 'f64', shape: 'B,n,d' },
      { field: 'attention', kind: 'f64', shape: 'B,n,n' },
    ]),
  },
  sphereDynamics: {
    velocity: { returns: 'array', shape: 'B,n,d', dims: batchDims },
    energy: { returns: 'array', shape: 'B', dims: batchDims },
    sampleUniform: { returns: 'array', shape: 'count,d', dims: (args) => ({ count: num(args[0]), d: num(args[1]) }) },
    simulate: {
      returns: 'object',
      dims: (args, out) => ({ ...batchDims(args), stored: (out['stepIndex'] as Int32Array | undefined)?.length ?? 0 }),
      fields: [
        { field: 'stepIndex', kind: 'i32' },
        { field: 'states', kind: 'f64', shape: 'B,stored,n,d', optional: true },
        { field: 'gram', kind: 'f64', shape: 'B,stored,n,n', optional: true },
      ],
      requiredBy: (args) => (rec(args[1])['record'] === 'gram' ? 'gram' : 'states'),
      fill: (args, out) => {
        const { B, n, d } = batchDims(args);
        return { B, n, d, stored: (out['stepIndex'] as Int32Array).length };
      },
    },
  },
  otTransformer: {
    forward: {
      returns: 'object',
      dims: (args, out) => {
        const { recorded, potentialLayers } = otLayers(rec(args[1]));
        const { B, n, d } = batchDims(args);
        return { B, n, d, S: recorded.length, Q: potentialLayers.length, n1: n + 1, F: num(out['features']) };
      },
      fields: [
        { field: 'features', kind: 'int' },
        { field: 'u', kind: 'f64', shape: 'B,Q,n' },
        { field: 'v', kind: 'f64', shape: 'B,Q,n' },
        { field: 'sinkU', kind: 'f64', shape: 'B,Q', nan: true },
        { field: 'sinkV', kind: 'f64', shape: 'B,Q', nan: true },
        { field: 'planLogits', kind: 'f64', shape: 'B,S,n,n' },
        { field: 'readout', kind: 'f64', shape: 'B,S,n,n' },
        { field: 'sorted', kind: 'f64', shape: 'B,S,n,d' },
        { field: 'tokens', kind: 'f64', shape: 'B,S,n1,F', optional: true },
      ],
      fill: (args) => {
        const { B, n, d } = batchDims(args);
        return { B, n, d, layers: num(rec(args[1])['layers']), ...otLayers(rec(args[1])) };
      },
    },
  },
};

/** Python attribute of each bridged capability (the module-level names a user's module defines). */
export const PYTHON_CAPABILITY: Readonly<Record<BridgedCapability, string>> = {
  sinkhorn: 'sinkhorn',
  sbAttention: 'sb_attention',
  sphereDynamics: 'sphere_dynamics',
  otTransformer: 'ot_transformer',
};

/** camelCase → snake_case for names that start lower-case (logPlan → log_plan, initLogV → init_log_v). */
export function pythonName(name: string): string {
  return /^[a-z]/.test(name) ? name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() : name;
}
