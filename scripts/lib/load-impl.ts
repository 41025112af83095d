/** Resolve `--impl`: a built-in name (tfjs, reference), a mutant id, or a path to a plug-in module. */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { Implementation } from '../../impl/capabilities/index.js';
import { UsageError } from '../../impl/errors.js';
import { BUILTIN_IMPLEMENTATIONS } from '../../impl/implementations.js';
import { MUTANTS } from '../../impl/mutants/index.js';
import { loadPythonImplementation } from '../../impl/python/implementation.js';

/** How a Python plug-in (`--impl file.py`) is run. */
export interface LoadOptions {
  /** Interpreter for a .py plug-in (`--python`). */
  readonly python?: string;
  /** Per-call timeout in ms, which the Python bridge enforces by killing the process. */
  readonly callTimeoutMs?: number;
}

export async function loadImplementation(spec: string, options: LoadOptions = {}): Promise<Implementation> {
  const builtin = BUILTIN_IMPLEMENTATIONS[spec];
  if (builtin) return builtin();
  const mutant = MUTANTS.find((m) => m.id === spec);
  if (mutant) return mutant.build();
  const path = resolve(spec);
  if (!existsSync(path)) {
    throw new UsageError(
      `'--impl ${spec}' is neither a built-in implementation (${Object.keys(BUILTIN_IMPLEMENTATIONS).join(', ')}), a mutant id, nor an existing module path`,
    );
  }
  if (path.endsWith('.py')) {
    return loadPythonImplementation(path, { python: options.python, callTimeoutMs: options.callTimeoutMs });
  }
  const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const candidate = (mod['default'] ?? mod['implementation']) as Implementation | (() => Implementation) | undefined;
  const impl = typeof candidate === 'function' ? candidate() : candidate;
  if (!impl || typeof impl !== 'object' || typeof impl.name !== 'string') {
    throw new UsageError(
      `plug-in '${spec}' must export (default or 'implementation') an object with a 'name' and capabilities`,
    );
  }
  return impl;
}
