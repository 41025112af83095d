/** Number formatting shared by the renderers. */

/** Compact significant-digit formatting; ±∞ and NaN spelled out. */
export function num(x: number | undefined, digits = 4): string {
  if (x === undefined) return '—';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e5) return Number(x.toPrecision(digits)).toString();
  return x.toExponential(digits - 1);
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export const STATUS_ICON: Record<string, string> = {
  verified: '✅ verified',
  violated: '❌ violated',
  inconclusive: '⚠️ inconclusive',
  error: '💥 error',
  skipped: '⏭️ skipped',
  reported: 'ℹ️ reported',
};
