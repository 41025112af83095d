/**
 * The runner (docs/architecture.md, "Runner"): runs one claim's property with fast-check under a budget and a
 * seed, and collects a ClaimResult: status, runs, instances, the shrunk counterexample with its
 * replay command, measured-vs-theory statistics, fitted rates, coverage, duration and backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { missingCapability } from '../../impl/capabilities/index.js';
import type { Claim } from '../../theorems/types.js';
import type { BatchOutcome, ClaimProperty, ClaimSummary, Measurement, PropertyContext, Status } from '../types.js';
import { CallLedger, DEFAULT_CALL_TIMEOUT_S, GuardClosedError, guardImplementation } from '../../impl/guard.js';
import type { CallTimeoutError } from '../../impl/errors.js';
import { aggregateCoverage, aggregateMeasurements } from './aggregate.js';
import { accuracyModelsOf, describeFailure, describeInput, errorMessage, fmtSeconds } from './describe.js';
import type { RunOptions } from './options.js';
import { replayCommand } from './replay.js';
import { ShrinkBound } from './shrink-bound.js';
import type { ClaimResult, Counterexample } from './claim-result.js';

export type { ClaimResult } from './claim-result.js';

const MAX_SERIES = 12;

/** Run one claim's property against an implementation. Never throws for a failing claim. */
export async function runClaim(claim: Claim, property: ClaimProperty, options: RunOptions): Promise<ClaimResult> {
  const start = performance.now();
  const tensorsBefore = tf.memory().numTensors;
  const seed = options.seed ?? property.defaultSeed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const accuracy = accuracyModelsOf(options.impl, claim.requires);
  const base = {
    claimId: claim.id,
    impl: options.impl.name,
    backend: options.backend,
    budget: options.budget,
    seed,
    path: options.path,
    ...(accuracy !== undefined ? { accuracy } : {}),
  };
  const empty = { quantities: [], coverage: {}, rates: [], proportions: [], tables: [], series: [] };
  const missing = missingCapability(options.impl, claim.requires);
  if (missing) {
    return {
      ...base,
      ...empty,
      status: 'skipped',
      reason: `implementation '${options.impl.name}' has no '${missing}' capability`,
      runs: 0,
      instances: 0,
      interrupted: false,
      replay: replayCommand(claim.id, options, seed),
      durationMs: 0,
      tensorLeak: 0,
    };
  }
  const ledger = new CallLedger();
  const stop = new AbortController();
  const bound = new ShrinkBound(options.path);
  let current: unknown;
  let timeout: { readonly error: CallTimeoutError; readonly input: unknown; readonly path: string } | undefined;
  const impl = guardImplementation(options.impl, {
    callTimeoutMs: options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_S[options.budget] * 1000,
    signal: stop.signal,
    ledger,
    onTimeout: (error) => {
      // a hanging implementation ends the claim at once: no shrinking, no further calls
      timeout ??= { error, input: current, path: bound.currentPath() };
      bound.stop();
      stop.abort(error);
    },
  });
  const stopped = new Promise<typeof STOPPED>((res) => {
    stop.signal.addEventListener('abort', () => res(STOPPED), { once: true });
  });
  const untilStopped = <T>(p: Promise<T>): Promise<T | typeof STOPPED> => Promise.race([p, stopped]);
  const ctx: PropertyContext = { impl, budget: options.budget, ...(options.units ? { units: options.units } : {}) };
  const outcomes: BatchOutcome[] = [];
  // the outcome of the last run the predicate reported failed: the counterexample's, unless fast-check copied it
  let lastViolation: { readonly input: unknown; readonly outcome: BatchOutcome } | undefined;
  const planned = options.numRuns ?? property.runs[options.budget];
  const finish = (r: Omit<ClaimResult, keyof typeof base | 'durationMs' | 'tensorLeak' | 'calls'>): ClaimResult => ({
    ...base,
    ...r,
    durationMs: performance.now() - start,
    tensorLeak: tf.memory().numTensors - tensorsBefore,
    calls: { count: ledger.calls, slowestMs: ledger.slowestMs, slowest: ledger.slowestCall },
  });
  const timedOut = (t: NonNullable<typeof timeout>): ClaimResult =>
    finish({
      ...empty,
      status: 'error',
      runs: outcomes.length,
      instances: outcomes.reduce((n, o) => n + o.instances, 0),
      reason: `${t.error.message}; the call was abandoned and the claim stopped (no shrinking, no further calls)`,
      interrupted: false,
      replay: replayCommand(claim.id, options, seed, t.path),
      counterexample: {
        input: describeInput(property, t.input),
        failing: [],
        error: errorMessage(t.error),
        numShrinks: bound.shrinks,
      },
    });
  const predicate = fc.asyncProperty(property.arbitrary(options.budget), async (input: unknown) => {
    if (!bound.begin()) return true;
    const generating = bound.generating;
    current = input;
    let outcome: BatchOutcome;
    try {
      outcome = await property.run(input, ctx);
    } catch (e) {
      if (bound.end('exception')) throw e;
      return true;
    }
    const ok = outcome.measurements.every((m) => m.pass);
    if (generating) {
      outcomes.push(outcome);
      options.onProgress?.(outcomes.length, planned);
    }
    const failed = bound.end(ok ? 'pass' : 'violation');
    if (failed) lastViolation = { input, outcome };
    return !failed;
  });
  const summarizeOutcomes = async (): Promise<ClaimSummary> => {
    try {
      return await Promise.resolve(property.summarize ? property.summarize(outcomes, ctx) : {});
    } catch (e) {
      return { verdict: { status: 'inconclusive', reason: `summary failed: ${errorMessage(e)}` } };
    }
  };
  const params: fc.Parameters<[unknown]> = {
    seed,
    numRuns: planned,
    // a replayed path is the counterexample itself: run it, do not shrink it further
    ...(options.path !== undefined ? { path: options.path, endOnFailure: true } : {}),
    ...(options.timeLimitMs !== undefined ? { interruptAfterTimeLimit: options.timeLimitMs } : {}),
    ...(options.endOnFailure ? { endOnFailure: true } : {}),
    // examples are prepended to the generated stream and the replay path indexes that stream: always pass them
    ...(property.examples ? { examples: property.examples.map((e) => [e] as [unknown]) } : {}),
  };
  try {
    let raced: fc.RunDetails<[unknown]> | typeof STOPPED;
    try {
      raced = await untilStopped(fc.check(predicate, params));
    } catch (e) {
      return finish({
        ...empty,
        status: 'error',
        reason: `runner failed: ${errorMessage(e)}`,
        runs: outcomes.length,
        instances: 0,
        interrupted: false,
        replay: replayCommand(claim.id, options, seed),
      });
    }
    if (timeout || raced === STOPPED) return timedOut(timeout!);
    const details = raced;
    const inFlight = ledger.pending();
    if (details.interrupted && inFlight.length > 0 && outcomes.length === 0) {
      return finish({
        ...empty,
        status: 'error',
        runs: 0,
        instances: 0,
        interrupted: true,
        replay: replayCommand(claim.id, options, seed),
        reason:
          `${inFlight[0]} did not settle within the claim's time budget of ${fmtSeconds(options.timeLimitMs!)} ` +
          'and no run completed; the call was abandoned',
      });
    }

    let counterexample: Counterexample | undefined;
    let status: Status;
    let reason: string;
    let summary: ClaimSummary = {};
    if (details.failed && details.counterexample) {
      const input = details.counterexample[0];
      let failing: Measurement[] = [];
      let error: string | undefined;
      if (bound.firstFailure === 'exception') error = errorMessage(details.errorInstance);
      else {
        try {
          // a large claim's failing run is not repeated: its outcome is the one the predicate saw
          const o =
            lastViolation && Object.is(lastViolation.input, input)
              ? lastViolation.outcome
              : await untilStopped(property.run(input, ctx));
          if (o === STOPPED) return timedOut(timeout!);
          failing = o.measurements.filter((m) => !m.pass).slice(0, 20);
        } catch (e) {
          error = errorMessage(e);
        }
        if (!error && failing.length === 0 && details.errorInstance) error = errorMessage(details.errorInstance);
      }
      counterexample = { input: describeInput(property, input), failing, error, numShrinks: details.numShrinks };
      status = error ? 'error' : 'violated';
      if (!error) {
        // a violated claim keeps its tables and figures (from every generated run): they show what failed
        const s = await untilStopped(summarizeOutcomes());
        if (s === STOPPED) return timedOut(timeout!);
        summary = { ...s, verdict: undefined };
      }
      reason = error
        ? error.startsWith('OracleError')
          ? `the float64 oracle missed its stated accuracy, so the claim was not checked: ${error}`
          : `the implementation threw on a valid input: ${error}`
        : `${failing.length} measurement(s) broke the claim on the shrunk input; worst: ${describeFailure(failing)}`;
    } else if (details.failed) {
      status = details.interrupted && details.numRuns === 0 ? 'inconclusive' : 'error';
      const d = details as fc.RunDetails<[unknown]>;
      reason =
        status === 'inconclusive'
          ? 'time budget ended before the first run completed'
          : `fast-check failed: ${d.errorInstance ? errorMessage(d.errorInstance) : 'unknown'}`;
    } else {
      const s = await untilStopped(summarizeOutcomes());
      if (s === STOPPED) return timedOut(timeout!);
      summary = s;
      const instances = outcomes.reduce((n, o) => n + o.instances, 0);
      status = summary.verdict?.status ?? (instances > 0 ? 'verified' : 'inconclusive');
      reason =
        summary.verdict?.reason ??
        (instances > 0
          ? `all ${instances} instances satisfied the claim within the analysed tolerance`
          : 'no instance was checked');
    }
    if (claim.role !== 'asserted') {
      reason = `${claim.role === 'exploratory' ? 'exploratory (not asserted)' : 'negative control (not asserted)'}: measured outcome '${status}' — ${reason}`;
      status = 'reported';
    }
    const tensorLeak = tf.memory().numTensors - tensorsBefore;
    if (tensorLeak > 0 && status === 'verified') {
      status = 'error';
      reason = `${tensorLeak} tensor(s) leaked during the run`;
    }
    const series = [...outcomes.flatMap((o) => o.series ?? []).slice(0, MAX_SERIES), ...(summary.series ?? [])];
    return finish({
      status,
      reason,
      runs: outcomes.length,
      instances: outcomes.reduce((n, o) => n + o.instances, 0),
      interrupted: details.interrupted,
      counterexample,
      replay: replayCommand(
        claim.id,
        options,
        details.seed,
        counterexample ? (details.counterexamplePath ?? undefined) : undefined,
      ),
      quantities: aggregateMeasurements(outcomes, property.coverageBins),
      coverage: aggregateCoverage(outcomes, property.coverageBins),
      rates: summary.rates ?? [],
      proportions: summary.proportions ?? [],
      tables: summary.tables ?? [],
      series,
      figures: summary.figures,
    });
  } finally {
    // calls abandoned by the time budget must not run on into the next claim
    if (!stop.signal.aborted) stop.abort(new GuardClosedError(`claim ${claim.id}`));
  }
}

const STOPPED = Symbol('stopped');
