/**
 * The figure contract: what a property's `summarize()` may put in `ClaimSummary.figures` so that the
 * report draws it. Each entry of `result.figures` is one figure, keyed by a name of the property's
 * choice and typed by its `type` field:
 *
 * - `convergence` — error vs iteration or depth, log-y by default, `theory` curves (bounds) dashed:
 *   Sinkhorn error vs iteration, OT-transformer / sorting error vs depth.
 * - `trajectories` — a quantity along trajectories (energy vs time, heat-flow moments vs iterate), linear y
 *   by default, theory curves dashed.
 * - `phase-diagram` — a heatmap of `cells` over (x, y) with a computed curve drawn over it (Figure 3:
 *   P(⟨x₁,x₂⟩ ≥ 1 − δ) over (t, β) with Γ∞).
 * - `loglog-fit` — points on log–log axes with the fitted line log y = intercept + slope·log x (natural
 *   logarithms) and, optionally, the theoretical slope through the data's centre (W2 vs ε).
 *
 * An entry with an unknown `type` is shown as a "no renderer" panel, never dropped silently. Entries
 * without a `type` field are plain figure data (numbers, arrays, records) and are listed as a table.
 */

/** One curve of a line figure. */
export interface FigureCurve {
  readonly name: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  /** measured: solid; theory: dashed (bounds, closed forms, fitted lines). Default measured. */
  readonly role?: 'measured' | 'theory';
}

interface FigureBase {
  readonly title?: string;
  /** Axis labels. */
  readonly x: string;
  readonly y: string;
  /** Caption printed under the plot (what to look for). */
  readonly caption?: string;
}

interface LinesFigure extends FigureBase {
  readonly type: 'convergence' | 'trajectories';
  readonly curves: readonly FigureCurve[];
  /** Defaults: convergence → log y; trajectories → linear y. */
  readonly logY?: boolean;
  readonly logX?: boolean;
}

export interface PhaseDiagramFigure extends FigureBase {
  readonly type: 'phase-diagram';
  /** Label of the heatmap value (colour legend). */
  readonly value: string;
  /** Grid cells by their centre; the grid may be non-uniform. */
  readonly cells: ReadonlyArray<{ readonly x: number; readonly y: number; readonly value: number }>;
  /** The computed curve drawn over the heatmap, in the same (x, y) coordinates. */
  readonly curve?: FigureCurve;
  /** Optional measured curve (e.g. the 0.5-crossing of the estimate) drawn as points. */
  readonly measured?: FigureCurve;
}

export interface LogLogFitFigure extends FigureBase {
  readonly type: 'loglog-fit';
  readonly points: ReadonlyArray<readonly [number, number]>;
  /** log y = intercept + slope · log x (natural logarithms). */
  readonly slope: number;
  readonly intercept: number;
  readonly ci95?: readonly [number, number];
  readonly theorySlope?: number;
}

export type Figure = LinesFigure | PhaseDiagramFigure | LogLogFitFigure;

const FIGURE_TYPES = ['convergence', 'trajectories', 'phase-diagram', 'loglog-fit'] as const;

/** A figure as read from report.json: typed when its shape is recognised, otherwise why not. */
export type ParsedFigure =
  { readonly key: string; readonly figure: Figure } | { readonly key: string; readonly problem: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPoint = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
const isCurve = (c: unknown): c is FigureCurve =>
  isObj(c) && typeof c['name'] === 'string' && Array.isArray(c['points']) && c['points'].every(isPoint);

/** Check one entry of `result.figures` against the contract above. */
export function parseFigure(key: string, value: unknown): ParsedFigure {
  if (!isObj(value)) return { key, problem: 'not an object' };
  const type = value['type'];
  if (typeof type !== 'string') return { key, problem: 'no `type` field' };
  if (!(FIGURE_TYPES as readonly string[]).includes(type))
    return { key, problem: `no renderer for figure type '${type}'` };
  if (typeof value['x'] !== 'string' || typeof value['y'] !== 'string')
    return { key, problem: 'axis labels `x` and `y` must be strings' };
  if (type === 'convergence' || type === 'trajectories') {
    if (!Array.isArray(value['curves']) || !value['curves'].every(isCurve))
      return { key, problem: '`curves` must be [{name, points: [[x, y], …]}]' };
  } else if (type === 'phase-diagram') {
    const cells = value['cells'];
    if (
      !Array.isArray(cells) ||
      !cells.every(
        (c) => isObj(c) && typeof c['x'] === 'number' && typeof c['y'] === 'number' && typeof c['value'] === 'number',
      )
    ) {
      return { key, problem: '`cells` must be [{x, y, value}]' };
    }
    if (value['curve'] !== undefined && !isCurve(value['curve']))
      return { key, problem: '`curve` must be {name, points}' };
    if (value['measured'] !== undefined && !isCurve(value['measured']))
      return { key, problem: '`measured` must be {name, points}' };
  } else {
    if (!Array.isArray(value['points']) || !value['points'].every(isPoint))
      return { key, problem: '`points` must be [[x, y], …]' };
    if (typeof value['slope'] !== 'number' || typeof value['intercept'] !== 'number')
      return { key, problem: '`slope` and `intercept` must be numbers' };
  }
  return { key, figure: value as unknown as Figure };
}

/** Whether a `figures` entry asks to be drawn (an object with a `type`), rather than being plain data. */
export function isPlotRequest(value: unknown): boolean {
  return isObj(value) && 'type' in value;
}
