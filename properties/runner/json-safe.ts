/** Convert typed arrays (recursively) to plain arrays so inputs can be written to report.json. */
export function toJSONSafe(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toJSONSafe);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJSONSafe(v);
    return out;
  }
  return value;
}
