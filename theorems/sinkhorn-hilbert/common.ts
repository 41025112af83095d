/** Sources and notes shared by the claims of this paper. */
import type { SourceRef } from '../types.js';

const PC = { work: 'Peyré & Cuturi 2019', arxiv: '1803.00567' } as const;

/** A standard result of Peyré & Cuturi at `locator`. */
export const PC_AT = (locator: string): SourceRef => ({ ...PC, locator, tag: 'standard' });

/** The mass hypothesis every Sinkhorn claim shares: unnormalised marginals are drawn too. */
export const TOTAL_MASS = 'Total mass Σa = Σb = 1 or log-uniform in [0.01, 100] (magnitudes do not shrink).';
