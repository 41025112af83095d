/** Sources and notes shared by the claims of this paper. */
import type { SourceRef } from '../types.js';

export const AHMP: SourceRef = {
  work: 'Agarwal, Harchaoui, Mulcahy & Pal 2024',
  arxiv: '2406.10823',
  locator: 'abstract; authors’ README (uniform convergence of the SB scheme to the heat flow)',
  tag: 'paper',
};
export const AHMP_NOTE: SourceRef = {
  work: 'AHMP24 authors’ note simulations.pdf (medhaaga/SchrodingerBridgeScheme)',
  locator: 'eq. (1), §5.1 recursion, Algorithm 1',
  tag: 'author-code',
};
export const SABP: SourceRef = {
  work: 'Sander, Ablin, Blondel & Peyré 2022 (Sinkformers)',
  arxiv: '2110.11773',
  locator: 'abstract: “Sinkformers operate a heat diffusion”; §3',
  tag: 'paper',
};
export const JANATI: SourceRef = {
  work: 'Janati, Muzellec, Peyré & Cuturi 2020',
  arxiv: '2006.02572',
  locator: 'closed form of entropic OT between Gaussians (closed_forms.py)',
  tag: 'standard',
};
export const SPEC = (locator: string, tag: SourceRef['tag'] = 'derived'): SourceRef => ({
  work: 'spec heat-flow-limit',
  locator,
  tag,
});

export const HALF_SPEED =
  'The authors’ code (SB_scheme_Entropy.py, SB_scheme_MNIST.py) uses cost |x−y|² at regularisation ε, i.e. the bridge at temperature ε/2: it runs the heat flow at half speed relative to the σ²+t curves it plots (measured 1.027 → 1.525 instead of → 2.023 over t = 1). Every claim here uses ½|x−y|² (spec §3.1).';
