/**
 * The command-line entry point: `transformer-ot-verify <verify|report|bench> [options]`.
 * Every error is turned into one clear line and an exit code (2 usage or a plug-in that does not load,
 * 1 failure); no stack traces from tfjs reach the user.
 */
import { InputError, NumericalError, PluginError, UsageError } from '../impl/errors.js';

const COMMANDS: Record<string, (argv: readonly string[]) => Promise<number>> = {
  verify: async (argv) => (await import('./verify.js')).verifyMain(argv),
  report: async (argv) => (await import('./report.js')).reportMain(argv),
  bench: async (argv) => (await import('./bench.js')).benchMain(argv),
};

const USAGE = `usage: transformer-ot-verify <command> [options]

commands:
  verify   run the claims and write report.json / report.md (see verify --help)
  report   re-render a saved report.json, compare or merge reports (see report --help)
  bench    tinybench benchmarks of the tensor implementation against POT (see bench --help)`;

export async function main(argv: readonly string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.log(USAGE);
    return cmd === undefined ? 2 : 0;
  }
  const run = COMMANDS[cmd];
  if (!run) {
    console.error(`unknown command '${cmd}'\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof PluginError) {
      console.error(`error: ${e.message}`);
      return 2;
    }
    if (e instanceof NumericalError) {
      console.error(`numerical error: ${e.message}`);
      return 1;
    }
    console.error(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

/** End the process with `code` once output is flushed, even if a plug-in left a timer or socket open. */
export function settle(code: number): void {
  process.exitCode = code;
  // a plug-in's stray timer must not keep a finished run alive (and a CI job hanging)
  setTimeout(() => process.exit(code), 1000).unref();
}

const invoked = process.argv[1] ?? '';
// main reports every error itself and resolves to the exit code, so nothing awaits it
if (invoked.endsWith('cli.ts') || invoked.endsWith('cli.js')) void main(process.argv.slice(2)).then(settle);
