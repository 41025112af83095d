/**
 * The verify loop: runs the selected claims (on the worker pool), journals each result as it ends, and
 * makes sure the run always ends in a verdict. While it runs the process is kept alive (an
 * implementation that leaves nothing pending cannot empty the event loop); SIGINT and SIGTERM close
 * the progress line, write the partial report and exit 130 / 143; an uncaught exception writes it and
 * exits 1; and an exit of any other kind before the last claim (a plug-in calling process.exit, the
 * event loop emptying regardless) writes it and turns the exit code into 1.
 */
import type { RunJournal } from '../../reports/journal.js';
import type { Report, ReportEntry } from '../../reports/schema.js';
import type { Claim } from '../../theorems/types.js';
import type { Progress } from './progress.js';

export interface ClaimLoop {
  readonly claims: readonly Claim[];
  readonly journal: RunJournal;
  readonly progress: Progress;
  /** Run every claim (in parallel workers, in any order), calling `ended` as each one ends. */
  readonly runAll: (ended: (entry: ReportEntry) => void) => Promise<void>;
}

const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Run every claim; returns the finished report, or exits the process on a signal or crash. */
export async function runClaims(loop: ClaimLoop): Promise<Report> {
  const { journal, progress } = loop;
  const stopWith = (why: string, code: number, message: string): never => {
    progress.close();
    journal.interrupt(why);
    const hint = `re-render it with: transformer-ot-verify report ${journal.path}`;
    process.stderr.write(`${message}\npartial report: ${journal.path} (${hint})\n`);
    process.exit(code);
  };
  const onSignal = (signal: 'SIGINT' | 'SIGTERM'): void => {
    stopWith(signal, SIGNAL_EXIT[signal], `\ninterrupted by ${signal}`);
  };
  const onCrash = (e: unknown): void => {
    const trace = e instanceof Error ? (e.stack ?? e.message) : String(e);
    stopWith(`crash: ${describe(e)}`, 1, `internal error: uncaught ${trace}`);
  };
  const onBeforeExit = (): void => {
    const why = 'the event loop emptied while a claim was pending';
    stopWith(why, 1, 'error: the run stopped with a claim still pending');
  };
  const onExit = (code: number): void => {
    if (journal.closed) return;
    journal.interrupt(`the process exited (code ${code}) before the run finished`);
    process.stderr.write(`error: the process exited before the run finished; partial report: ${journal.path}\n`);
    if (code === 0) process.exitCode = 1;
  };
  const sigint = (): void => onSignal('SIGINT');
  const sigterm = (): void => onSignal('SIGTERM');
  const keepAlive = setInterval(() => undefined, 1 << 30);
  process.on('SIGINT', sigint);
  process.on('SIGTERM', sigterm);
  process.on('uncaughtException', onCrash);
  process.on('beforeExit', onBeforeExit);
  process.on('exit', onExit);
  try {
    journal.start();
    await loop.runAll((entry) => {
      progress.close();
      journal.record(entry);
      progress.claimEnded(entry);
    });
    return journal.complete();
  } catch (e) {
    progress.close();
    journal.interrupt(`crash: ${describe(e)}`);
    throw e;
  } finally {
    clearInterval(keepAlive);
    process.off('SIGINT', sigint);
    process.off('SIGTERM', sigterm);
    process.off('uncaughtException', onCrash);
    process.off('beforeExit', onBeforeExit);
    process.off('exit', onExit);
  }
}
