/** The axis of every log-scaled plot: where its ticks and grid lines go and which of them carry a label. */

/** Vega expression for one tick label: plain below 10⁴ and above 10⁻³, else one significant digit and exponent. */
const LABEL_FORMAT =
  "(datum.value >= 1e-3 && datum.value < 1e4 ? format(datum.value, '~g') : format(datum.value, '.0e'))";

/**
 * Axis for a log scale: labels only at 1·10ᵏ (spans over 2 decades) or at 1, 2, 5·10ᵏ, so that
 * labels never crowd; grid lines stay at every tick.
 */
export function logAxis(values: readonly number[]): { labelExpr: string; labelOverlap: boolean; values?: number[] } {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  const decades = pos.length > 0 ? Math.log10(Math.max(...pos) / Math.min(...pos)) : 0;
  if (decades > 4) {
    // wide spans: ticks and grid lines at powers of ten only (minor ticks would be most of the SVG)
    const [a, b] = [Math.floor(Math.log10(Math.min(...pos))), Math.ceil(Math.log10(Math.max(...pos)))];
    const every = Math.max(1, Math.ceil((b - a) / 12));
    const ticks = Array.from({ length: b - a + 1 }, (_, k) => a + k)
      .filter((e) => e % every === 0)
      .map((e) => 10 ** e);
    return { labelExpr: LABEL_FORMAT, labelOverlap: false, values: ticks };
  }
  if (decades > 1.5 && pos.length > 0) {
    // ticks and grid lines at 1, 2, 5 · 10ᵏ only: nine minor lines per decade are most of a log plot's SVG
    const [a, b] = [Math.floor(Math.log10(Math.min(...pos))), Math.ceil(Math.log10(Math.max(...pos)))];
    const ticks = Array.from({ length: b - a + 1 }, (_, k) => a + k).flatMap((e) => [1, 2, 5].map((m) => m * 10 ** e));
    const keepWide = decades > 2 ? `abs(datum.value / pow(10, round(log(datum.value) / LN10)) - 1) < 1e-6` : 'true';
    return { labelExpr: `${keepWide} ? ${LABEL_FORMAT} : ''`, labelOverlap: false, values: ticks };
  }
  const lead = 'datum.value / pow(10, floor(log(datum.value) / LN10 + 1e-9))';
  const keep =
    decades > 2
      ? `abs(${lead} - 1) < 1e-6`
      : `(abs(${lead} - 1) < 1e-6 || abs(${lead} - 2) < 1e-6 || abs(${lead} - 5) < 1e-6)`;
  return { labelExpr: `${keep} ? ${LABEL_FORMAT} : ''`, labelOverlap: false };
}
