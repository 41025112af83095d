/**
 * `--out` is checked and created before the first claim runs: it must be (or become) a writable
 * directory on an ordinary file system. Kernel pseudo file systems (/proc, /sys, /dev) are refused
 * outright (a recursive mkdir there can spin forever), as are paths that run through a regular file.
 */
import { existsSync, mkdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../../impl/errors.js';
import { writeFileAtomicSync } from '../../reports/atomic-write.js';

const PSEUDO_FILE_SYSTEMS = ['/proc', '/sys', '/dev'];

function under(path: string, root: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** The nearest existing ancestor of `path` (or `path` itself). */
function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** Check `--out <spec>`, create it, and prove it writable; returns its absolute path or throws a UsageError. */
export function prepareOutDir(spec: string, option = '--out'): string {
  if (spec.trim() === '') throw new UsageError(`'${option}' needs a directory`);
  const dir = resolve(spec);
  const existing = nearestExisting(dir);
  const real = realpathSync(existing);
  const pseudo = PSEUDO_FILE_SYSTEMS.find((root) => under(dir, root) || under(real, root));
  if (pseudo) {
    const why = `is under ${pseudo}, a kernel pseudo file system; choose another directory`;
    throw new UsageError(`'${option} ${spec}' ${why}`);
  }
  if (!statSync(existing).isDirectory()) {
    const what = existing === dir ? 'is a file, not a directory' : `lies under '${existing}', which is a file`;
    throw new UsageError(`'${option} ${spec}' ${what}`);
  }
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, '.write-probe');
    writeFileAtomicSync(probe, '');
    rmSync(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new UsageError(`'${option} ${spec}' is not a writable directory (${code})`);
  }
  return dir;
}
