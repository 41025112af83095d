/**
 * Theorem 1.1 of Geshkovski, Rigollet & Ruiz-Balet (arXiv 2411.04551 v3), constructively (spec
 * measure-interpolation.md §3; §5.2 of the paper): the four phases in order, every piece a constant
 * θ = (V, B, W, U, b) shared by all measures.
 */
import type { Construction, MeasureFamily, ParameterPiece, Phase, Schedule } from '../../capabilities/interpolator.js';
import { piece, rescalePiece, totalDuration } from '../interpolation-model.js';
import { row } from '../numeric.js';
import { barycenter, unit, w2ToDirac } from '../sphere-geometry.js';
import { disentanglePieces } from './disentangle.js';
import { matchPieces, type MatchStep } from './match.js';
import { orthantPieces } from './orthant.js';
import { CONSTRUCTION_DEFAULTS, type ConstructionHooks } from './parameters.js';
import { runUntil, type State } from './tracked-state.js';

interface ClusterAndMatch {
  cluster: ParameterPiece;
  match: ParameterPiece[];
  atoms: Float64Array;
  final: number;
  steps: MatchStep[];
}

/** Unit barycenter direction of a cloud (the atom z̄ it clusters to). */
const atomOf = (x: Float64Array, d: number): Float64Array => unit(barycenter(x, x.length / d, d));

/**
 * Prop 2.1 ((V, B, W) = (I, 0, 0) until max_i W2(μ^i, δ_{z̄_i}) ≤ δ' = ε·factor), then Prop 4.1 on the atoms.
 * If the tracked end state misses ε/2, the clustering is tightened by 100× (at most twice).
 */
function clusterAndMatch(
  afterDis: State,
  targets: Float64Array,
  d: number,
  eps: number,
  h: number,
  hooks: ConstructionHooks,
  diagnostics: Record<string, number>,
): ClusterAndMatch {
  const N = afterDis.length;
  let factor: number = CONSTRUCTION_DEFAULTS.clusterFactor;
  let best: ClusterAndMatch | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const deltaC = eps * factor;
    const V = new Float64Array(d * d);
    for (let k = 0; k < d; k++) V[k * d + k] = 1;
    const make = (duration: number) => piece(d, { duration, V: V.slice(), label: 'cluster' });
    const w2Max = (st: State): number => Math.max(...st.map((x) => w2ToDirac(x, x.length / d, d, atomOf(x, d))));
    const rc = runUntil(afterDis, d, make, (st) => w2Max(st) <= deltaC, h, 1, 120);
    const atoms = new Float64Array(N * d);
    rc.state.forEach((x, i) => atoms.set(atomOf(x, d), i * d));
    let match: ParameterPiece[];
    let finalW2 = NaN;
    let steps: MatchStep[] = [];
    if (hooks.matchPhase) {
      match = hooks.matchPhase({ d, atoms, targets, state: rc.state });
    } else {
      const m = matchPieces(d, atoms, targets, rc.state, h, hooks);
      match = m.pieces;
      steps = m.steps;
      finalW2 = Math.max(...m.groups.map((x, i) => w2ToDirac(x, x.length / d, d, row(targets, i, d))));
    }
    best = { cluster: make(rc.duration), match, atoms, final: finalW2, steps };
    diagnostics['cluster.duration'] = rc.duration;
    diagnostics['cluster.deltaPrime'] = deltaC;
    if (hooks.matchPhase || finalW2 <= eps / 2) break;
    factor *= 1e-2;
  }
  return best!;
}

/**
 * Theorem 1.1 (Dirac targets), constructively (spec §3; §5.2 of the paper): Lemma 3.2 → Prop 3.1 →
 * Prop 2.1 ((V, B, W) = (I, 0, 0) until max_i W2(μ^i, δ_{z̄_i}) ≤ δ' = ε/100) → Prop 4.1 on the atoms
 * z̄_i (normalised means). The natural-time schedule is then rescaled to total duration T (time rescaling).
 * If the tracked end state misses ε/2, the clustering is tightened by 100× (at most twice).
 */
export function constructDirac(
  family: MeasureFamily,
  targets: Float64Array,
  T: number,
  eps: number,
  h: number,
  hooks: ConstructionHooks = {},
): Construction {
  const d = family.d;
  const diagnostics: Record<string, number> = {};
  const phases: Phase[] = [];
  const pieces: ParameterPiece[] = [];
  const o = orthantPieces(
    family.clouds.map((x) => x.slice()),
    d,
    h,
  );
  phases.push({ name: 'orthant', start: 0, end: o.pieces.length });
  pieces.push(...o.pieces);
  const dis = disentanglePieces(o.state, d, h, hooks);
  phases.push({ name: 'disentangle', start: pieces.length, end: pieces.length + dis.pieces.length });
  pieces.push(...dis.pieces);
  dis.rounds.forEach((r) => {
    diagnostics[`disentangle[${r.k}].beta0`] = r.beta0;
    diagnostics[`disentangle[${r.k}].gap`] = r.actedMin - r.bystanderMax;
  });
  if (dis.rounds[0]) diagnostics['disentangle.delta'] = dis.rounds[0].delta;
  const b = clusterAndMatch(dis.state, targets, d, eps, h, hooks, diagnostics);
  phases.push({ name: 'cluster', start: pieces.length, end: pieces.length + 1 });
  pieces.push(b.cluster);
  phases.push({ name: 'match', start: pieces.length, end: pieces.length + b.match.length });
  pieces.push(...b.match);
  b.steps.forEach((st) => {
    diagnostics[`match[${st.index}].eps`] = st.eps;
  });
  diagnostics['trackedFinalW2'] = b.final;
  const natural = totalDuration({ d, pieces });
  diagnostics['naturalDuration'] = natural;
  const c = natural / T;
  const schedule: Schedule = { d, pieces: pieces.map((p) => rescalePiece(p, c)) };
  return { schedule, phases, atoms: b.atoms, diagnostics };
}
