/**
 * The interpreter the Python tests use: TOV_TEST_PYTHON, else the first of /usr/bin/python3 and python3
 * that imports NumPy and msgpack. Absent, the tests skip with a message, unless REQUIRE_PYTHON_TEST=1
 * (set by .ci/run after installing them), which makes the absence a failure.
 */
import { spawnSync } from 'node:child_process';

function usable(python: string, modules: string): boolean {
  return spawnSync(python, ['-c', `import ${modules}`], { stdio: 'ignore' }).status === 0;
}

const candidates = process.env['TOV_TEST_PYTHON'] ? [process.env['TOV_TEST_PYTHON']] : ['/usr/bin/python3', 'python3'];

/** A Python with NumPy and msgpack, or undefined (then the caller skips, or fails when required). */
export const PYTHON: string | undefined = candidates.find((p) => usable(p, 'numpy, msgpack'));

/** Whether that Python also has the module (POT: `ot`, PyTorch: `torch`). */
function hasModule(module: string): boolean {
  return PYTHON !== undefined && usable(PYTHON, module);
}

/** Skip message, or a thrown error when REQUIRE_PYTHON_TEST=1 says the modules must be there. */
export function skipUnlessPython(what: string, module?: string): boolean {
  const ok = PYTHON !== undefined && (module === undefined || hasModule(module));
  if (ok) return false;
  const missing = PYTHON === undefined ? 'no python3 with numpy and msgpack' : `${PYTHON} cannot import ${module}`;
  if (process.env['REQUIRE_PYTHON_TEST'] === '1') throw new Error(`${what}: ${missing}, but REQUIRE_PYTHON_TEST=1`);
  const hint = 'Debian: apt install python3-numpy python3-msgpack python3-pot python3-torch';
  console.log(`  skipped ${what}: ${missing} (${hint})`);
  return true;
}
