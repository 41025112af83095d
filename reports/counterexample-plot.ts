/**
 * A shrunk counterexample drawn where a picture says more than its numbers, chosen by the shape of the input
 * alone (never by claim): a field holding unit vectors in ℝ² or ℝ³ (particles on the circle or sphere; a stack
 * of them over time is a trajectory) is drawn on the unit circle; any other numeric matrix — nested, or flat
 * with the n × m (or n × n) of its object — as a heatmap. Inputs of other shapes stay as JSON only.
 */
import type * as vl from 'vega-lite';
import { frame, overlayXY, type SpecOrEmpty } from './plot-specs.js';

type Matrix = number[][];

export interface InputPicture {
  readonly kind: 'circle' | 'heatmap';
  /** Path of the field inside the input ("C", "batch[0].x"). */
  readonly field: string;
  /** circle: frames of points (one frame = positions at one time); heatmap: one matrix. */
  readonly frames: readonly Matrix[];
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isMatrix = (v: unknown): v is Matrix =>
  Array.isArray(v) &&
  v.length >= 2 &&
  v.every((r) => Array.isArray(r) && r.length >= 1 && r.length === (v[0] as unknown[]).length && r.every(isNum));
const isUnitRows = (m: Matrix): boolean =>
  (m[0]!.length === 2 || m[0]!.length === 3) && m.every((r) => Math.abs(Math.hypot(...r) - 1) < 1e-3);

/** Reshape a flat numeric array by the n, m (or n, n) of the object that holds it, batches first. */
function reshape(flat: readonly number[], n: number, m: number): Matrix | undefined {
  if (!(n >= 2 && m >= 2) || flat.length % (n * m) !== 0) return undefined;
  return Array.from({ length: n }, (_, i) => flat.slice(i * m, (i + 1) * m));
}

/** Depth-first search of the input for the first field worth drawing. */
export function findPicture(input: unknown, path = '', depth = 0): InputPicture | undefined {
  if (depth > 5 || input === null || typeof input !== 'object') return undefined;
  if (Array.isArray(input)) {
    if (isMatrix(input))
      return isUnitRows(input)
        ? { kind: 'circle', field: path, frames: [input] }
        : { kind: 'heatmap', field: path, frames: [input] };
    if (input.length >= 2 && input.every(isMatrix) && input.every((f) => isUnitRows(f)))
      return { kind: 'circle', field: path, frames: input };
    for (let i = 0; i < Math.min(input.length, 4); i++) {
      const p = findPicture(input[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  const o = input as Record<string, unknown>;
  const n = isNum(o['n']) ? o['n'] : undefined;
  const m = isNum(o['m']) ? o['m'] : n;
  for (const [k, v] of Object.entries(o)) {
    const field = path ? `${path}.${k}` : k;
    if (Array.isArray(v) && v.length >= 4 && v.every(isNum) && n !== undefined && m !== undefined) {
      const mat = reshape(v, n, m);
      if (mat && v.length === n * m) return { kind: 'heatmap', field: `${field} (${n} × ${m})`, frames: [mat] };
    }
    const p = findPicture(v, field, depth + 1);
    if (p) return p;
  }
  return undefined;
}

/** The picture of a counterexample input, or a message saying its shape has no picture. */
export function counterexampleSpec(input: unknown, title: string): SpecOrEmpty {
  const pic = findPicture(input);
  if (!pic)
    return { empty: 'The shrunk input has no matrix or unit-vector field to draw; it is listed as JSON above.' };
  if (pic.kind === 'heatmap') {
    const mat = pic.frames[0]!;
    const cells = mat.flatMap((row, i) => row.map((value, j) => ({ i, j, value })));
    return {
      spec: {
        ...frame(title, `heatmap of the shrunk input field ${pic.field} (the input that broke the claim)`),
        width: Math.min(360, 40 * mat[0]!.length),
        height: Math.min(300, 40 * mat.length),
        data: { values: cells },
        layer: [
          {
            mark: 'rect',
            encoding: {
              x: { field: 'j', type: 'ordinal', title: 'column j' },
              y: { field: 'i', type: 'ordinal', title: 'row i' },
              color: { field: 'value', type: 'quantitative', title: pic.field, scale: { scheme: 'viridis' } },
            },
          },
          ...(cells.length <= 64
            ? [
                {
                  mark: { type: 'text', fontSize: 10 },
                  encoding: {
                    x: { field: 'j', type: 'ordinal' },
                    y: { field: 'i', type: 'ordinal' },
                    text: { field: 'value', type: 'quantitative', format: '.3~g' },
                    color: { value: 'white' },
                  },
                },
              ]
            : []),
        ],
      } as unknown as vl.TopLevelSpec,
    };
  }
  const circle = Array.from({ length: 97 }, (_, k) => ({
    x: Math.cos((2 * Math.PI * k) / 96),
    y: Math.sin((2 * Math.PI * k) / 96),
    k,
  }));
  const pts = pic.frames.flatMap((f, t) => f.map((r, i) => ({ x: r[0]!, y: r[1]!, t, particle: `x${i + 1}` })));
  const last = pic.frames.length - 1;
  const axis = (title: string): Record<string, unknown> => ({
    type: 'quantitative',
    title,
    scale: { domain: [-1.15, 1.15], nice: false },
  });
  return {
    spec: {
      ...frame(
        title,
        pic.frames.length > 1
          ? `trajectories of the shrunk input field ${pic.field} over ${pic.frames.length} frames ` +
              '(hollow: first, filled: last) on the unit circle'
          : `particles of the shrunk input field ${pic.field} on the unit circle (first two coordinates)`,
      ),
      width: 300,
      height: 300,
      layer: [
        {
          data: { values: circle },
          mark: { type: 'line', color: '#bbb' },
          encoding: {
            x: { field: 'x', ...axis('coordinate 1') },
            y: { field: 'y', ...axis('coordinate 2') },
            order: { field: 'k' },
          },
        },
        ...(last > 0
          ? [
              {
                data: { values: pts },
                mark: { type: 'line', strokeWidth: 1.2, opacity: 0.7 },
                encoding: {
                  ...overlayXY(),
                  color: { field: 'particle', type: 'nominal', legend: null },
                  order: { field: 't' },
                },
              },
            ]
          : []),
        ...(last > 0
          ? [
              {
                data: { values: pts.filter((p) => p.t === 0) },
                mark: { type: 'point', filled: false, size: 40, strokeWidth: 1.5 },
                encoding: {
                  ...overlayXY(),
                  color: { field: 'particle', type: 'nominal', legend: null },
                },
              },
            ]
          : []),
        {
          data: { values: pts.filter((p) => p.t === last) },
          mark: { type: 'point', filled: true, size: 50 },
          encoding: {
            ...overlayXY(),
            color: {
              field: 'particle',
              type: 'nominal',
              title: 'particle',
              legend: pts.length <= 16 * (last + 1) ? { orient: 'right' } : null,
            },
          },
        },
      ],
    } as unknown as vl.TopLevelSpec,
  };
}
