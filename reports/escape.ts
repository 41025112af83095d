/** Escaping shared by the HTML, SVG, JUnit XML and Markdown renderers. */

/** Characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return; lone surrogates; U+FFFE/F). */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML/XML element content and double- or single-quoted attribute values. Characters
 * that XML cannot carry at all are replaced by U+FFFD so the output stays well-formed.
 */
export function escapeXml(text: unknown): string {
  return String(text)
    .replace(INVALID_XML, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A stable, HTML-id- and file-name-safe slug: `sinkhorn.birkhoff-contraction` → `sinkhorn-birkhoff-contraction`. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.length > 0 ? s : 'x';
}

/** JSON for display (pretty, truncated), with non-finite numbers spelled out as report.json writes them. */
export function displayJSON(value: unknown, max = 4000): string {
  const s =
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 1) ??
    'undefined';
  return s.length > max ? `${s.slice(0, max)}\n… (${s.length - max} more characters in report.json)` : s;
}

/** Text for one cell of a GitHub-flavoured Markdown table: pipes escaped, newlines folded to spaces. */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
