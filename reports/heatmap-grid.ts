/**
 * Heatmap cells for drawing: a grid given by cell centres (possibly non-uniform) becomes rectangles whose edges
 * lie halfway between neighbouring centres; a grid finer than MAX_CELLS_PER_AXIS along an axis is drawn coarser,
 * each drawn cell the mean of a block of neighbouring cells (report.json keeps every cell).
 */

/** Drawn cells per axis at most (the thorough phase diagram has 90 β × 151 t cells per panel). */
const MAX_CELLS_PER_AXIS = 40;

export interface Cell {
  readonly x: number;
  readonly y: number;
  readonly value: number;
}

export interface Rect {
  readonly x: number;
  readonly x2: number;
  readonly y: number;
  readonly y2: number;
  readonly value: number;
}

/** Distinct sorted centres → cell edges halfway between neighbours. */
function edges(centres: readonly number[]): Array<{ c: number; lo: number; hi: number }> {
  const u = [...new Set(centres)].sort((a, b) => a - b);
  return u.map((c, i) => {
    const lo = i > 0 ? (u[i - 1]! + c) / 2 : u.length > 1 ? c - (u[1]! - c) / 2 : c - 0.5;
    const hi = i < u.length - 1 ? (c + u[i + 1]!) / 2 : u.length > 1 ? c + (c - u[i - 1]!) / 2 : c + 0.5;
    return { c, lo, hi };
  });
}

/** Each centre → the index of its drawn block, and the blocks' edges. */
function blocks(centres: readonly number[], max: number): { of: Map<number, number>; lo: number[]; hi: number[] } {
  const e = edges(centres);
  const k = Math.ceil(e.length / max);
  const of = new Map<number, number>();
  const lo: number[] = [];
  const hi: number[] = [];
  e.forEach((x, i) => {
    const b = Math.floor(i / k);
    of.set(x.c, b);
    if (lo[b] === undefined) lo[b] = x.lo;
    hi[b] = x.hi;
  });
  return { of, lo, hi };
}

/** Rectangles to draw, with a note when the grid was coarsened. */
export function heatmapRects(cells: readonly Cell[], max = MAX_CELLS_PER_AXIS): { rects: Rect[]; note?: string } {
  const bx = blocks(
    cells.map((c) => c.x),
    max,
  );
  const by = blocks(
    cells.map((c) => c.y),
    max,
  );
  const sums = new Map<string, { bx: number; by: number; sum: number; n: number }>();
  for (const c of cells) {
    const [i, j] = [bx.of.get(c.x)!, by.of.get(c.y)!];
    const key = `${i},${j}`;
    const s = sums.get(key) ?? { bx: i, by: j, sum: 0, n: 0 };
    s.sum += c.value;
    s.n += 1;
    sums.set(key, s);
  }
  const rects = [...sums.values()].map((s) => ({
    x: bx.lo[s.bx]!,
    x2: bx.hi[s.bx]!,
    y: by.lo[s.by]!,
    y2: by.hi[s.by]!,
    value: s.sum / s.n,
  }));
  const coarse = rects.length < cells.length;
  const note = coarse
    ? `Drawn at ${bx.lo.length} × ${by.lo.length} cells, each the mean of neighbouring grid cells ` +
      `(${cells.length} cells in report.json).`
    : undefined;
  return note ? { rects, note } : { rects };
}
