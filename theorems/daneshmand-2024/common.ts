/** Sources and notes shared by the claims of this paper. */
import type { SourceRef } from '../types.js';

export const D = { work: 'Daneshmand 2024', arxiv: '2410.19931' } as const;
export const CODE: SourceRef = {
  work: 'Daneshmand, aistats26-incontextOT',
  locator: 'Figure2-4.ipynb, get_params(optim=True), cell "Figure 3 and 4"',
  tag: 'author-code',
};
export const SPEC = (locator: string): SourceRef => ({ work: 'spec ot-transformer-sorting', locator, tag: 'derived' });
export const NOT_FOUND: SourceRef = {
  ...D,
  locator: 'Theorem 3.1/3.2, Theorem D.1, Remarks D.2/D.3 (formal texts not retrieved)',
  tag: 'not-found',
};

export const MODEL =
  'The model: $n+1$ tokens $Z\\in\\mathbb R^{(n+1)\\times(3d+8)}$ (point tokens $(\\|x_i\\|^2,x_i,\\|y_i\\|^2,y_i,1,1,1,1,u_i,v_i,0)$, ' +
  'a sink token $(0,\\dots,0,-1/n,\\tilde u,\\tilde v,0)$), two heads with the same $W_{QK}^{(h)},W_{OV}^{(h)}$ in every layer and ' +
  'independent of $n$, and $Z_{\\ell+1}=Z_\\ell-\\gamma\\sum_h S(Z_\\ell W_{QK}^{(h)}Z_\\ell^\\top)Z_\\ell W_{OV}^{(h)}$ with a row-max-stabilised softmax $S$. ';
