/** Composite Gauss–Legendre quadrature (Abramowitz & Stegun, Table 25.4, n = 10). */

/** Positive nodes of the 10-point rule on [−1, 1]; the negative ones are their mirror images. */
const NODES = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
const WEIGHTS = [0.2955242247147529, 0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881];

/** ∫_{s0}^{s1} f by composite 10-point Gauss–Legendre on `panels` equal panels (smooth integrands). */
export function gaussLegendre(f: (s: number) => number, s0: number, s1: number, panels = 64): number {
  const hp = (s1 - s0) / panels;
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const c = s0 + (p + 0.5) * hp;
    for (let q = 0; q < 5; q++) sum += WEIGHTS[q]! * (f(c - (NODES[q]! * hp) / 2) + f(c + (NODES[q]! * hp) / 2));
  }
  return (sum * hp) / 2;
}
