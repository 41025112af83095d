/**
 * The run journal: report.json is rewritten atomically as each claim ends, so that whatever stops the
 * run (Ctrl-C, SIGTERM, a crash, a hang caught by the exit hook) leaves a valid partial report marked
 * `interrupted`, with the claims not reached listed, which `report` re-renders. Writes are synchronous
 * so that signal and exit handlers, which cannot await, can use them.
 */
import { join } from 'node:path';
import { writeFileAtomicSync } from './atomic-write.js';
import { summarize, type Report, type ReportEntry } from './schema.js';
import { serializeEntry, serializeReport } from './serialize.js';

/** Everything of a report but its entries, summary and completion state. */
export type ReportHeader = Omit<Report, 'summary' | 'entries' | 'interrupted' | 'interruption' | 'notReached'>;

export class RunJournal {
  private readonly entries: ReportEntry[] = [];
  /** Each recorded entry's text, made once: report.json is rewritten after every claim. */
  private readonly texts = new Map<ReportEntry, string>();
  private readonly started = performance.now();
  private finished = false;
  readonly path: string;

  /** `claimIds`: every selected claim, in run order. */
  constructor(
    outDir: string,
    private readonly header: ReportHeader,
    private readonly claimIds: readonly string[],
  ) {
    this.path = join(outDir, 'report.json');
  }

  /** True once {@link complete} or {@link interrupt} has written the final state. */
  get closed(): boolean {
    return this.finished;
  }

  /** The report as it stands; `interruption` marks it partial. */
  snapshot(interruption?: string): Report {
    const done = new Set(this.entries.map((e) => e.claim.id));
    const notReached = this.claimIds.filter((id) => !done.has(id));
    return {
      ...this.header,
      summary: summarize(this.entries, performance.now() - this.started),
      entries: [...this.entries],
      interrupted: interruption !== undefined,
      ...(interruption !== undefined ? { interruption } : {}),
      notReached,
    };
  }

  /** Write the empty journal (every claim not reached) over whatever an earlier run left in the directory. */
  start(): void {
    this.write(this.snapshot('running'));
  }

  /** Add one finished claim (kept in selection order) and rewrite report.json (marked 'running' until the run completes). */
  record(entry: ReportEntry): void {
    const rank = (e: ReportEntry): number => this.claimIds.indexOf(e.claim.id);
    const at = this.entries.findIndex((e) => rank(e) > rank(entry));
    this.entries.splice(at < 0 ? this.entries.length : at, 0, entry);
    this.texts.set(entry, serializeEntry(entry));
    this.write(this.snapshot('running'));
  }

  /** The finished report (every claim ended); written by the caller with every rendering. */
  complete(): Report {
    this.finished = true;
    return this.snapshot();
  }

  /** Write the partial report marked with why the run stopped; returns it. Idempotent. */
  interrupt(why: string): Report {
    const r = this.snapshot(why);
    if (!this.finished) {
      this.finished = true;
      this.write(r);
    }
    return r;
  }

  private write(report: Report): void {
    writeFileAtomicSync(
      this.path,
      serializeReport(report, (e) => this.texts.get(e) ?? serializeEntry(e)),
    );
  }
}
