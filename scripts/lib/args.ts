/**
 * A small, strict command-line parser: `--name value`, `--name=value` and boolean `--flag`. Unknown
 * options are usage errors (exit 2), never silently ignored.
 */
import { UsageError } from '../../impl/errors.js';

export interface OptionSpec {
  readonly type: 'string' | 'number' | 'boolean';
  readonly description: string;
  readonly default?: string | number | boolean;
  readonly valueName?: string;
}

export type Parsed = Record<string, string | number | boolean | string[] | undefined> & { _: string[] };

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): Parsed {
  const out: Parsed = { _: [] };
  for (const [k, o] of Object.entries(spec)) if (o.default !== undefined) out[k] = o.default;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      out._.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const o = spec[name];
    if (!o) throw new UsageError(`unknown option '--${name}' (see --help)`);
    if (o.type === 'boolean') {
      out[name] = eq >= 0 ? arg.slice(eq + 1) !== 'false' : true;
      continue;
    }
    const raw = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (raw === undefined) throw new UsageError(`option '--${name}' needs a value`);
    if (o.type === 'number') {
      const v = Number(raw);
      if (!Number.isFinite(v)) throw new UsageError(`option '--${name}' needs a number, got '${raw}'`);
      out[name] = v;
    } else out[name] = raw;
  }
  return out;
}

export function helpText(usage: string, spec: Readonly<Record<string, OptionSpec>>): string {
  const rows = Object.entries(spec).map(([k, o]) => {
    const left = `  --${k}${o.type === 'boolean' ? '' : ` <${o.valueName ?? o.type}>`}`;
    return `${left.padEnd(30)} ${o.description}${o.default !== undefined && o.default !== false ? ` (default: ${o.default})` : ''}`;
  });
  return [usage, '', 'Options:', ...rows].join('\n');
}
