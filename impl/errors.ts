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
