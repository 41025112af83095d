/**
 * Atomic file writes: the data goes to a temporary file in the same directory, which is then renamed
 * over the target (rename(2) within one file system is atomic), so a reader, a crash or an interrupt
 * sees either the old file or the new one, never a truncated mix.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

/** Write `data` to `path` atomically (temporary sibling, then rename); the temporary file is removed on failure. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryName(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The synchronous form, for exit and signal handlers, which cannot await. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = temporaryName(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
