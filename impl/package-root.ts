/**
 * Where the package's own files are (package.json, the Python bridge, helper scripts), found from this
 * module's location so that the same code works from the TypeScript sources and from the compiled `dist/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'transformer-ot-verify';
let cached: string | undefined;

/** The directory holding this package's package.json (walks up from this module). */
function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === PACKAGE_NAME) {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${import.meta.url}`);
    dir = parent;
  }
}

/** A path inside the package, e.g. `packageFile('python', 'bench_pot.py')`. */
export function packageFile(...parts: readonly string[]): string {
  return join(packageRoot(), ...parts);
}
