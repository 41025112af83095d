/**
 * A user's Python module as an {@link Implementation}: each capability the module defines (its
 * module-level `sinkhorn`, `sb_attention`, `sphere_dynamics`, `ot_transformer`, docs/python.md)
 * becomes a capability whose methods call Python through one {@link PythonSession}. Every result is
 * decoded and checked field by field (impl/python/schema.ts) and by the shared output validation
 * before a claim reads it; a capability the module lacks is absent, so its claims are skipped.
 */
import { basename } from 'node:path';
import type { CapabilityName, Implementation } from '../capabilities/index.js';
import { validateOutput } from '../output-validation.js';
import { decodeResult } from './codec.js';
import { PythonSession, type BridgeOptions } from './process.js';
import { METHOD_SPECS, PYTHON_CAPABILITY, pythonName, type BridgedCapability } from './schema.js';

export type { BridgeOptions } from './process.js';
export { PythonExitError } from './bridge-process.js';

/** An Implementation backed by a Python process; `close` ends the process. */
export interface PythonImplementation extends Implementation {
  readonly session: PythonSession;
  close(): void;
}

/** Start `module` (a .py file) under the bridge and expose its capabilities; PluginError when it cannot start. */
export async function loadPythonImplementation(
  module: string,
  options: BridgeOptions = {},
): Promise<PythonImplementation> {
  const session = await PythonSession.open(module, options);
  const { hello } = session;
  const capabilities: Record<string, unknown> = {};
  for (const [cap, methods] of Object.entries(METHOD_SPECS)) {
    const info = hello.capabilities[PYTHON_CAPABILITY[cap as BridgedCapability]];
    if (!info) continue;
    const obj: Record<string, unknown> = { name: info.name, precision: info.precision };
    for (const [method, spec] of Object.entries(methods)) {
      const py = pythonName(method);
      if (!info.methods.includes(py)) continue;
      obj[method] = async (...args: unknown[]) => {
        const raw = await session.call(PYTHON_CAPABILITY[cap as BridgedCapability], py, args);
        const start = performance.now();
        const result = decodeResult(spec, args, raw);
        validateOutput(cap as CapabilityName, method, args, result);
        session.stats.decodeMs += performance.now() - start;
        return result;
      };
    }
    capabilities[cap] = obj;
  }
  return {
    name: basename(module),
    description: `Python module ${module} (Python ${hello.python}, NumPy ${hello.numpy}) through the bridge`,
    ...capabilities,
    session,
    close: () => session.close(),
  };
}
