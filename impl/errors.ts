/**
 * Errors raised by the suite. Every input check names the offending argument so that a
 * user sees what to fix rather than a stack trace from deep inside tfjs.
 */

/** A caller passed an argument outside the domain of the function (NaN, ±∞, ε ≤ 0, bad shape, zero mass). */
export class InputError extends Error {
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(`invalid argument '${argument}': ${message}`);
    this.name = 'InputError';
    this.argument = argument;
  }
}

/** A computation left the range where its arithmetic is meaningful (kernel underflow, non-finite iterate). */
export class NumericalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NumericalError';
  }
}

/** A command-line or configuration error: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * An implementation under test returned an output that breaks its interface (wrong type, wrong
 * length for the declared shape, a non-finite entry where the interface promises finite values).
 * Names the field, the expected and the actual value, e.g. "logPlan has 15 entries, expected B·n·m = 16".
 */
export class OutputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`invalid output '${field}': ${message}`);
    this.name = 'OutputError';
    this.field = field;
  }
}

/** A call into the implementation under test did not settle within the per-call timeout (`--call-timeout`). */
export class CallTimeoutError extends Error {
  readonly call: string;
  readonly timeoutMs: number;
  constructor(call: string, timeoutMs: number) {
    super(`${call} did not settle within the per-call timeout of ${timeoutMs / 1000} s`);
    this.name = 'CallTimeoutError';
    this.call = call;
    this.timeoutMs = timeoutMs;
  }
}

/** A user's plug-in (JavaScript or Python module) could not be loaded: the user's error, exit 2. */
export class PluginError extends Error {
  readonly plugin: string;
  constructor(plugin: string, message: string) {
    super(`plug-in '${plugin}': ${message}`);
    this.name = 'PluginError';
    this.plugin = plugin;
  }
}

/**
 * A float64 oracle (exact plan P*, closed form, float64 layer) did not meet the accuracy it states, checked
 * at run time by the claim that uses it: the claim ends in `error`, never `verified`, since its tolerance
 * analysis assumed that accuracy. Names the oracle, the residual and the stated accuracy.
 */
export class OracleError extends Error {
  readonly oracle: string;
  constructor(oracle: string, message: string) {
    super(`oracle '${oracle}' missed its stated accuracy: ${message}`);
    this.name = 'OracleError';
    this.oracle = oracle;
  }
}
