/**
 * Progress of a verify run on stderr. On a terminal: one live line, rewritten in place. Elsewhere
 * (a CI log, a pipe): one line per claim as it ends, the same line as the final listing, so that a
 * long run is never silent.
 */
import type { ReportEntry } from '../../reports/schema.js';
import { claimLine } from '../../reports/terminal.js';

export class Progress {
  private open = false;

  constructor(
    private readonly enabled: boolean,
    private readonly width: number,
    private readonly tty = process.stderr.isTTY === true,
  ) {}

  /** The live line (terminal only). */
  live(line: string): void {
    if (!this.enabled || !this.tty) return;
    process.stderr.write(`\r\x1b[2K${line}`);
    this.open = true;
  }

  /** A claim ended: its listing line when not on a terminal. */
  claimEnded(entry: ReportEntry): void {
    if (!this.enabled || this.tty) return;
    process.stderr.write(`${claimLine(entry, this.width)}\n`);
  }

  /** Clear the live line, if one is showing. */
  close(): void {
    if (this.open) process.stderr.write('\r\x1b[2K');
    this.open = false;
  }
}
