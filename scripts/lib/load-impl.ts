/**
 * Resolve `--impl`: a built-in name (tfjs, reference), a mutant id, or a path to a plug-in module.
 * A plug-in that fails to load (a syntax error, a throw while it is imported or while its factory
 * runs, no usable export) is the user's error: a {@link PluginError} naming the file, exit 2.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Implementation } from '../../impl/capabilities/index.js';
import { PluginError, UsageError } from '../../impl/errors.js';
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
  const url = pathToFileURL(path).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    const where = e instanceof SyntaxError ? syntaxErrorLocation(path) : undefined;
    throw new PluginError(
      spec,
      `failed while being imported: ${pluginMessage(e, url)}${where ? ` (at ${where})` : ''}`,
    );
  }
  const candidate = (mod['default'] ?? mod['implementation']) as Implementation | (() => Implementation) | undefined;
  let impl: Implementation | undefined;
  try {
    impl = typeof candidate === 'function' ? candidate() : candidate;
  } catch (e) {
    throw new PluginError(spec, `its exported factory threw: ${pluginMessage(e, url)}`);
  }
  if (!impl || typeof impl !== 'object' || typeof impl.name !== 'string') {
    throw new PluginError(spec, "must export (default or 'implementation') an object with a 'name' and capabilities");
  }
  return impl;
}

/** The error's own message, and where in the plug-in it arose when the stack names the plug-in's file. */
function pluginMessage(e: unknown, url: string): string {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : `threw ${String(e)}`;
  const file = url.replace(/^file:\/\//, '');
  const at =
    e instanceof Error
      ? (e.stack ?? '')
          .split('\n')
          .map((l) => l.trim())
          .find((l) => l.includes(file))
      : undefined;
  const where = at ? /((?:file:\/\/)?\/[^\s()]+:\d+(?::\d+)?)/.exec(at)?.[1] : undefined;
  return where && !msg.includes(where) ? `${msg} (at ${where.replace(/^file:\/\//, '')})` : msg;
}

/** Node reports an ES module's syntax error without its line; `node --check` prints it as `file:line`. */
function syntaxErrorLocation(path: string): string | undefined {
  if (!/\.[cm]?js$/.test(path)) return undefined;
  const r = spawnSync(process.execPath, ['--check', path], { encoding: 'utf8', timeout: 5000 });
  const first = (r.stderr ?? '').split('\n')[0] ?? '';
  return /:\d+$/.test(first) ? first : undefined;
}
