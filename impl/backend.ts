/**
 * TensorFlow.js backend selection (DESIGN.md): tensorflow (tfjs-node, if installed) → webgpu (if a
 * GPU adapter exists) → wasm → cpu. Override with `--backend` or the TFJS_BACKEND environment
 * variable. The backend actually used, and the tfjs version, go into every report.
 */
import * as tf from '@tensorflow/tfjs-core';
import { existsSync } from 'node:fs';
import { UsageError } from './errors.js';

/** Dawn (the 'webgpu' package) needs a Vulkan loader on Linux; without one it only prints a warning. */
function vulkanLoaderPresent(): boolean {
  if (process.platform !== 'linux') return true;
  const dirs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/lib'];
  return dirs.some((d) => existsSync(`${d}/libvulkan.so.1`));
}

export const BACKEND_ORDER = ['tensorflow', 'webgpu', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];

export interface BackendInfo {
  /** Backend in use (tf.getBackend()). */
  readonly name: string;
  readonly tfjsVersion: string;
  /** How the backend was chosen and why others were skipped. */
  readonly notes: readonly string[];
  /** Whether the arithmetic is float32 (always, for tfjs). */
  readonly precision: 'float32';
}

const HOW_TO: Record<BackendName, string> = {
  tensorflow: "install '@tensorflow/tfjs-node' (it downloads libtensorflow at install time, which needs network access to its host)",
  webgpu: "install '@tensorflow/tfjs-backend-webgpu' and 'webgpu' (Dawn for Node) on a machine with a GPU adapter",
  wasm: "install '@tensorflow/tfjs-backend-wasm'",
  cpu: "install '@tensorflow/tfjs-backend-cpu'",
};

/** Dynamic import that resolves to undefined when the package is not installed. */
async function tryImport(specifier: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The wasm glue (emscripten) installs process-wide uncaughtException / unhandledRejection handlers
 * that rethrow and print the whole minified module. Remove the ones it added so that errors keep
 * Node's normal reporting and our CLI can print clear messages.
 */
async function withoutForeignProcessHandlers<T>(fn: () => Promise<T>): Promise<T> {
  const listeners = (e: string): Function[] => process.listeners(e as 'uncaughtException');
  const events = ['uncaughtException', 'unhandledRejection'];
  const before = events.map((e) => new Set(listeners(e)));
  try {
    return await fn();
  } finally {
    events.forEach((e, k) => {
      for (const l of listeners(e)) if (!before[k]!.has(l)) process.removeListener(e, l as (...args: unknown[]) => void);
    });
  }
}

async function register(name: BackendName): Promise<string | undefined> {
  switch (name) {
    case 'tensorflow': {
      const mod = await tryImport('@tensorflow/tfjs-node');
      return mod ? undefined : 'not installed';
    }
    case 'webgpu': {
      if (!vulkanLoaderPresent()) return 'no Vulkan loader (libvulkan.so.1), so no GPU adapter';
      const gpu = await tryImport('webgpu');
      if (!gpu) return "the 'webgpu' package (Dawn for Node) is not installed";
      const create = gpu['create'] as ((flags: string[]) => { requestAdapter(): Promise<unknown> }) | undefined;
      const globals = gpu['globals'] as Record<string, unknown> | undefined;
      if (!create || !globals) return "the 'webgpu' package does not export create/globals";
      const navigatorGpu = create([]);
      const adapter = await navigatorGpu.requestAdapter().catch(() => null);
      if (!adapter) return 'no GPU adapter found';
      Object.assign(globalThis, globals);
      Object.defineProperty(globalThis, 'navigator', { value: { gpu: navigatorGpu }, configurable: true, writable: true });
      const mod = await tryImport('@tensorflow/tfjs-backend-webgpu');
      return mod ? undefined : "'@tensorflow/tfjs-backend-webgpu' is not installed";
    }
    case 'wasm': {
      const mod = await tryImport('@tensorflow/tfjs-backend-wasm');
      return mod ? undefined : 'not installed';
    }
    case 'cpu': {
      const mod = await tryImport('@tensorflow/tfjs-backend-cpu');
      return mod ? undefined : 'not installed';
    }
  }
}

let current: BackendInfo | undefined;

/** The backend chosen by {@link initBackend}, if any. */
export function backendInfo(): BackendInfo | undefined {
  return current;
}

/**
 * Initialise tfjs on the requested backend, or on the first available one in {@link BACKEND_ORDER}.
 * A requested backend that is missing is a usage error with a message saying how to get it.
 */
export async function initBackend(requested: string | undefined = process.env['TFJS_BACKEND'] || undefined): Promise<BackendInfo> {
  if (current && (!requested || requested === current.name)) return current;
  if (requested !== undefined && !(BACKEND_ORDER as readonly string[]).includes(requested)) {
    throw new UsageError(`unknown backend '${requested}'; choose one of ${BACKEND_ORDER.join(', ')}`);
  }
  tf.enableProdMode();
  const candidates: BackendName[] = requested ? [requested as BackendName] : [...BACKEND_ORDER];
  const notes: string[] = [];
  for (const name of candidates) {
    const ok = await withoutForeignProcessHandlers(async () => {
      const why = await register(name);
      if (why !== undefined) {
        notes.push(`${name}: ${why}`);
        return false;
      }
      const set = await tf.setBackend(name).catch((e: unknown) => {
        notes.push(`${name}: failed to initialise (${e instanceof Error ? e.message : String(e)})`);
        return false;
      });
      if (!set) return false;
      await tf.ready();
      return true;
    });
    if (ok) {
      if (name === 'cpu' && !requested) notes.push('cpu is 20–100× slower than wasm: a fallback only');
      current = { name: tf.getBackend(), tfjsVersion: tf.version_core, notes, precision: 'float32' };
      return current;
    }
    if (requested) {
      throw new UsageError(`backend '${requested}' is not available (${notes.at(-1)}); to use it, ${HOW_TO[name]}`);
    }
  }
  throw new UsageError(`no tfjs backend could be initialised: ${notes.join('; ')}`);
}
