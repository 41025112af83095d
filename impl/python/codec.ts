/**
 * The wire format between the suite and the Python bridge (python/transformer_ot_verify_bridge.py):
 * length-prefixed MessagePack frames; arrays as raw little-endian float64 bytes plus their shape
 * ({"__nd__": "<f8", "shape", "data"}), never as lists of numbers. Requests carry the batch arrays
 * reshaped to their named shapes and their field names in snake_case; responses are decoded back,
 * field by field, against impl/python/schema.ts.
 */
import { decode, encode } from '@msgpack/msgpack';
import { OutputError } from '../errors.js';
import { pythonName, type FieldSpec, type MethodSpec } from './schema.js';

/** Shape of each array argument of a capability call, in the dimensions of its batch. */
const INPUT_SHAPES: Readonly<Record<string, string>> = {
  a: 'B,n',
  b: 'B,m',
  C: 'B,n,m',
  eps: 'B',
  x: 'B,n,d',
  y: 'B,n,d',
  weights: 'B,n',
  beta: 'B',
  lambda: 'B',
  gamma: 'B',
  bilinear: 'B,d,d',
  value: 'B,d,d',
  WQ: 'B,d,d',
  WK: 'B,d,d',
  WV: 'B,d,d',
  u0: 'B,n',
  v0: 'B,n',
  sinkU0: 'B',
  sinkV0: 'B',
  initLogV: 'B,m',
  initLogPotential: 'B,n',
};

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('the Python bridge needs a little-endian host');
}

interface WireArray {
  readonly __nd__: string;
  readonly shape: number[];
  readonly data: Uint8Array;
}

/** A decoded array: its shape as sent and its entries. */
interface NDArray {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

function isWireArray(x: unknown): x is WireArray {
  return typeof x === 'object' && x !== null && '__nd__' in x && 'data' in x && 'shape' in x;
}

function resolveShape(spec: string, dims: Readonly<Record<string, number>>): number[] {
  return spec.split(',').map((k) => dims[k] ?? NaN);
}

function toWire(x: ArrayLike<number>, shape: readonly number[]): WireArray {
  const f64 = x instanceof Float64Array ? x : Float64Array.from(x);
  const known = shape.length > 0 && shape.every(Number.isInteger) && shape.reduce((p, s) => p * s, 1) === f64.length;
  const data = new Uint8Array(f64.buffer, f64.byteOffset, f64.byteLength);
  return { __nd__: '<f8', shape: known ? [...shape] : [f64.length], data };
}

function encodeValue(x: unknown, dims: Readonly<Record<string, number>>, field: string): unknown {
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    const shape = INPUT_SHAPES[field];
    return toWire(x as unknown as ArrayLike<number>, shape ? resolveShape(shape, dims) : []);
  }
  if (Array.isArray(x)) return x.map((v) => encodeValue(v, dims, ''));
  if (typeof x === 'object' && x !== null) {
    const fields = Object.entries(x).filter(([, v]) => v !== undefined);
    return Object.fromEntries(fields.map(([k, v]) => [pythonName(k), encodeValue(v, dims, k)]));
  }
  return x;
}

/** One request frame: the call's arguments with arrays shaped by the first argument's batch sizes. */
export function encodeRequest(id: number, cap: string, method: string, args: readonly unknown[]): Uint8Array {
  const batch = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as Record<string, unknown>;
  const dims: Record<string, number> = {};
  for (const k of ['B', 'n', 'm', 'd']) {
    const v = batch[k];
    if (typeof v === 'number') dims[k] = v;
  }
  const body = encode({ id, cap, method, args: args.map((a) => encodeValue(a, dims, '')) });
  const frame = new Uint8Array(4 + body.length);
  new DataView(frame.buffer).setUint32(0, body.length, false);
  frame.set(body, 4);
  return frame;
}

/** Frames out of a byte stream: feed chunks, get every complete payload decoded (chunks joined once per frame). */
export class FrameReader {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Length of the frame being read (header included), once its header is in. */
  private need = 4;

  push(chunk: Buffer): unknown[] {
    this.chunks.push(chunk);
    this.size += chunk.length;
    const out: unknown[] = [];
    while (this.size >= this.need) {
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
      this.chunks = [all];
      const len = all.readUInt32BE(0);
      this.need = 4 + len;
      if (all.length < this.need) break;
      out.push(decode(all.subarray(4, this.need)));
      const rest = all.subarray(this.need);
      this.chunks = rest.length ? [rest] : [];
      this.size = rest.length;
      this.need = 4;
    }
    return out;
  }
}

function fromWire(w: WireArray): NDArray {
  if (w.__nd__ !== '<f8' || !(w.data instanceof Uint8Array) || w.data.byteLength % 8 !== 0) {
    throw new Error(`malformed array on the wire (dtype ${String(w.__nd__)}, ${w.data?.byteLength} bytes)`);
  }
  const data = new Float64Array(new Uint8Array(w.data).buffer); // a copy: aligned, detached from the frame
  if (w.shape.reduce((p, s) => p * s, 1) !== data.length) {
    throw new Error(`array of shape [${w.shape.join(', ')}] carries ${data.length} entries`);
  }
  return { shape: w.shape, data };
}

function describe(x: unknown): string {
  if (isWireArray(x)) return `an array of shape [${x.shape.join(', ')}]`;
  if (Array.isArray(x)) return `a list of ${x.length}`;
  return x === null ? 'None' : typeof x === 'object' ? 'a mapping' : `${typeof x} ${JSON.stringify(x)}`;
}

function decodeField(spec: FieldSpec, x: unknown, dims: Readonly<Record<string, number>>): unknown {
  const field = pythonName(spec.field);
  const kind = spec.kind;
  if (kind === 'int') {
    if (typeof x !== 'number' || !Number.isInteger(x)) {
      throw new OutputError(field, `expected an integer, got ${describe(x)}`);
    }
    return x;
  }
  if (kind === 'ints') {
    if (!Array.isArray(x) || !x.every((v) => typeof v === 'number' && Number.isInteger(v))) {
      throw new OutputError(field, `expected a list of integers, got ${describe(x)}`);
    }
    return x;
  }
  const expected = spec.shape ? resolveShape(spec.shape, dims) : undefined;
  const label = spec.shape ? `[${spec.shape.split(',').join(', ')}] = [${expected!.join(', ')}]` : '[any]';
  if (!isWireArray(x)) throw new OutputError(field, `expected a NumPy array of shape ${label}, got ${describe(x)}`);
  const arr = fromWire(x);
  const matches = expected
    ? arr.shape.length === expected.length && arr.shape.every((s, k) => s === expected[k])
    : arr.shape.length === 1;
  if (!matches) {
    throw new OutputError(field, `expected shape ${label}, got [${arr.shape.join(', ')}]`);
  }
  if (!spec.nan) {
    const d = arr.data;
    for (let k = 0; k < d.length; k++) if (d[k] !== d[k]) throw new OutputError(field, `entry ${k} is NaN`);
  }
  if (kind === 'i32') {
    if (!arr.data.every(Number.isInteger)) throw new OutputError(field, 'expected integer entries');
    return Int32Array.from(arr.data);
  }
  return arr.data;
}

/** Decode and check the result of one call against its method's schema (camelCase fields, typed arrays). */
export function decodeResult(spec: MethodSpec, args: readonly unknown[], raw: unknown): unknown {
  if (spec.returns === 'array') {
    return decodeField({ field: 'return value', kind: 'f64', shape: spec.shape! }, raw, spec.dims(args, {}));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || isWireArray(raw)) {
    const names = spec.fields!.map((f) => pythonName(f.field)).join(', ');
    throw new OutputError('return value', `expected a dict with ${names}, got ${describe(raw)}`);
  }
  const src = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const required = spec.requiredBy?.(args);
  for (const f of spec.fields!) {
    const x = src[pythonName(f.field)] ?? src[f.field];
    if (x === undefined || x === null) {
      if (f.optional && f.field !== required) continue;
      const what = f.shape ? `shape [${f.shape}]` : f.kind;
      throw new OutputError(pythonName(f.field), `missing from the returned dict (expected ${what})`);
    }
    out[f.field] = decodeField(f, x, spec.dims(args, out));
  }
  return { ...out, ...spec.fill?.(args, out) };
}
