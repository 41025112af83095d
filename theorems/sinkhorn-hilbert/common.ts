/** Sources and notes shared by the claims of this paper. */

export const PC = { work: 'Peyré & Cuturi 2019', arxiv: '1803.00567' } as const;
