/**
 * Command-line parsing on Node's own `util.parseArgs` (strict): `--name value`, `--name=value` and boolean
 * `--flag`. Unknown options, missing values and non-numeric numbers are usage errors (exit 2), never ignored.
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { UsageError } from '../../impl/errors.js';

export interface OptionSpec {
  readonly type: 'string' | 'number' | 'boolean';
  readonly description: string;
  readonly default?: string | number | boolean;
  readonly valueName?: string;
}

export type Parsed = Record<string, string | number | boolean | string[] | undefined> & { _: string[] };

/** Node's ERR_PARSE_ARGS_* messages, reworded as the usage errors this CLI prints. */
function usageErrorOf(e: unknown): UsageError {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code ?? '';
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return new UsageError(`unknown option '${option ?? message}' (see --help)`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(
      option && message.includes('argument missing') ? `option '${option}' needs a value` : message,
    );
  }
  return new UsageError(message);
}

/**
 * `--seed -5`: Node's strict parser reads a value that starts with '-' as a missing value; a negative number
 * after a valued option is joined into `--seed=-5` first.
 */
function joinNegativeValues(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const o = arg.startsWith('--') && !arg.includes('=') ? spec[arg.slice(2)] : undefined;
    if (o && o.type !== 'boolean' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): Parsed {
  const options = Object.fromEntries(
    Object.entries(spec).map(([k, o]) => [
      k,
      { type: o.type === 'boolean' ? ('boolean' as const) : ('string' as const) },
    ]),
  );
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: joinNegativeValues(argv, spec), options, strict: true, allowPositionals: true });
  } catch (e) {
    throw usageErrorOf(e);
  }
  const out: Parsed = { _: [...parsed.positionals] };
  for (const [k, o] of Object.entries(spec)) {
    const raw = parsed.values[k] as string | boolean | undefined;
    if (raw === undefined) {
      if (o.default !== undefined) out[k] = o.default;
      continue;
    }
    if (o.type === 'number') {
      const v = Number(raw);
      if (raw === '' || !Number.isFinite(v))
        throw new UsageError(`option '--${k}' needs a number, got '${String(raw)}'`);
      out[k] = v;
    } else out[k] = raw;
  }
  return out;
}

export function helpText(usage: string, spec: Readonly<Record<string, OptionSpec>>): string {
  const rows = Object.entries(spec).map(([k, o]) => {
    const left = `  --${k}${o.type === 'boolean' ? '' : ` <${o.valueName ?? o.type}>`}`;
    const dflt = o.default !== undefined && o.default !== false ? ` (default: ${String(o.default)})` : '';
    return `${left.padEnd(30)} ${o.description}${dflt}`;
  });
  return [usage, '', 'Options:', ...rows].join('\n');
}

/** fast-check seeds are 32-bit signed integers; any other number is rescaled, and a replay would print another seed. */
export const SEED_RANGE = [-(2 ** 31), 2 ** 31 - 1] as const;

/** An integer option within [min, max], or undefined when absent; anything else is a usage error. */
export function integerOption(args: Parsed, name: string, min: number, max: number): number | undefined {
  const v = args[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new UsageError(`'--${name}' must be an integer from ${min} to ${max}, got ${String(v)}`);
  }
  return v;
}

/** The longest delay a Node timer can hold (2³¹ − 1 ms, about 24.8 days), in seconds. */
const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** A duration option in seconds: finite, > 0 and within a timer's range; undefined when absent. */
export function secondsOption(args: Parsed, name: string): number | undefined {
  const v = args[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !(v > 0) || v > MAX_TIMER_SECONDS) {
    throw new UsageError(`'--${name}' must be a number of seconds > 0 and ≤ ${MAX_TIMER_SECONDS}, got ${String(v)}`);
  }
  return v;
}
