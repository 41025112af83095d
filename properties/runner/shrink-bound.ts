/**
 * Bounded shrinking, so that a failure's replay path (`--replay <seed>:<path>`) stays one short line.
 * fast-check's path is the index of the first failing run followed by, for each accepted shrink step,
 * the index of the accepted candidate among that step's candidates. The predicate is called once per
 * candidate, in order, so the path can be followed here exactly, and shrinking stopped before it grows
 * past {@link MAX_REPLAY_PATH_CHARS}. Two rules:
 *  - an exception (the implementation threw, or a call timed out) is not shrunk: when every input
 *    throws, shrinking only walks to a path of thousands of `:0` steps and shows nothing more;
 *  - a violation shrinks through violations only (a candidate that throws is not accepted, so the
 *    counterexample keeps its kind), and stops once the next step would pass the length bound.
 * After the stop every further candidate is answered "pass" without running anything.
 */

/** The most characters a printed counterexample path may have. */
export const MAX_REPLAY_PATH_CHARS = 100;

export type CallOutcome = 'pass' | 'violation' | 'exception';

/** `base` (the replayed path) followed by `path` the way fast-check merges them. */
function mergePaths(base: string | undefined, path: string): string {
  if (base === undefined || base.length === 0) return path;
  const b = base.split(':');
  const p = path.split(':');
  return [...b.slice(0, -1), String(Number(b[b.length - 1]) + Number(p[0])), ...p.slice(1)].join(':');
}

export class ShrinkBound {
  private phase: 'generate' | 'shrink' | 'stopped' = 'generate';
  private path: string | undefined;
  private index = -1;
  /** What the first failure was; undefined while every run has passed. */
  firstFailure: 'violation' | 'exception' | undefined;
  /** Accepted shrink steps. */
  shrinks = 0;

  constructor(
    private readonly basePath?: string,
    private readonly maxChars = MAX_REPLAY_PATH_CHARS,
  ) {}

  /** Before a predicate call: false when nothing may run (answer "pass"). */
  begin(): boolean {
    if (this.phase === 'stopped') return false;
    this.index++;
    return true;
  }

  /** Stop shrinking (a timeout, or the end of the claim): every later call is answered "pass". */
  stop(): void {
    this.phase = 'stopped';
  }

  /** True while the generated runs are still going (no failure yet). */
  get generating(): boolean {
    return this.phase === 'generate';
  }

  /** The path of the input now running (or of the last one run). */
  currentPath(): string {
    const own = this.path === undefined ? String(this.index) : `${this.path}:${this.index}`;
    return mergePaths(this.basePath, own);
  }

  /** The path of the counterexample accepted so far (what fast-check will report), if any. */
  failurePath(): string | undefined {
    return this.path === undefined ? undefined : mergePaths(this.basePath, this.path);
  }

  /** After a predicate call: whether fast-check is told it failed. */
  end(outcome: CallOutcome): boolean {
    if (outcome === 'pass' || this.phase === 'stopped') return false;
    if (this.phase === 'generate') {
      this.path = String(this.index);
      this.firstFailure = outcome;
      this.phase = outcome === 'exception' ? 'stopped' : 'shrink';
      this.index = -1;
      return true;
    }
    if (outcome === 'exception') return false;
    const next = `${this.path}:${this.index}`;
    if (mergePaths(this.basePath, next).length > this.maxChars) {
      this.phase = 'stopped';
      return false;
    }
    this.path = next;
    this.shrinks++;
    this.index = -1;
    return true;
  }
}
