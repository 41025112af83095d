/**
 * TensorFlow.js backend selection (docs/architecture.md): tensorflow (tfjs-node, if installed) → webgpu (if a
 * hardware GPU adapter exists) → wasm → cpu. Override with `--backend` or the TFJS_BACKEND environment
 * variable; a software adapter (SwiftShader) is used only when webgpu is requested. The adapter is probed
 * in a child process (impl/webgpu-probe.ts), so selection prints nothing. The backend actually used, its
 * adapter and the tfjs version go into every report.
 */
import * as tf from '@tensorflow/tfjs-core';
import { existsSync } from 'node:fs';
import { UsageError } from './errors.js';
import {
  describeAdapter,
  ensureRuntimeDir,
  probeWebgpuAdapter,
  webgpuModuleUrl,
  type AdapterInfo,
} from './webgpu-probe.js';

/** Dawn (the 'webgpu' package) needs a Vulkan loader on Linux; without one it only prints a warning. */
function vulkanLoaderPresent(): boolean {
  if (process.platform !== 'linux') return true;
  const dirs = [
    ...(process.env['LD_LIBRARY_PATH'] ?? '').split(':').filter((d) => d !== ''),
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib64',
    '/usr/lib',
    '/usr/local/lib',
  ];
  return dirs.some((d) => existsSync(`${d}/libvulkan.so.1`));
}

const BACKEND_ORDER = ['tensorflow', 'webgpu', 'wasm', 'cpu'] as const;
type BackendName = (typeof BACKEND_ORDER)[number];

export interface BackendInfo {
  /** Backend in use (tf.getBackend()). */
  readonly name: string;
  readonly tfjsVersion: string;
  /** How the backend was chosen and why others were skipped. */
  readonly notes: readonly string[];
  /** Whether the arithmetic is float32 (always, for tfjs). */
  readonly precision: 'float32';
  /** webgpu only: the adapter Dawn gave (vendor, architecture, description, software or not). */
  readonly adapter?: AdapterInfo;
}

const HOW_TO: Record<BackendName, string> = {
  tensorflow:
    "install '@tensorflow/tfjs-node' (it downloads libtensorflow at install time, which needs network access to its host)",
  webgpu:
    "install '@tensorflow/tfjs-backend-webgpu' and 'webgpu' (Dawn for Node), and a Vulkan loader (Debian " +
    "libvulkan1) with a Vulkan driver: the GPU's, or SwiftShader (VK_ICD_FILENAMES=…/vk_swiftshader_icd.json) " +
    'on a machine without one',
  wasm: "install '@tensorflow/tfjs-backend-wasm'",
  cpu: "install '@tensorflow/tfjs-backend-cpu'",
};

/**
 * Dynamic import that resolves to undefined when the package is not installed. Each caller writes its
 * import() with a literal specifier, so that a bundler (scripts/gpu-check.sh) can include the package.
 */
async function tryImport(load: () => Promise<unknown>): Promise<Record<string, unknown> | undefined> {
  try {
    return (await load()) as Record<string, unknown>;
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
  const listeners = (e: string) => process.listeners(e as 'uncaughtException');
  const events = ['uncaughtException', 'unhandledRejection'];
  const before = events.map((e) => new Set(listeners(e)));
  try {
    return await fn();
  } finally {
    events.forEach((e, k) => {
      for (const l of listeners(e))
        if (!before[k]!.has(l)) process.removeListener(e, l as (...args: unknown[]) => void);
    });
  }
}

/** The adapter the webgpu backend was registered with (set by register('webgpu')). */
let webgpuAdapter: AdapterInfo | undefined;

/** Not installable on every network (its install downloads libtensorflow): typed as a plain string. */
const TFJS_NODE: string = '@tensorflow/tfjs-node';

async function register(name: BackendName, requested: boolean): Promise<string | undefined> {
  switch (name) {
    case 'tensorflow': {
      const mod = await tryImport(() => import(TFJS_NODE));
      return mod ? undefined : 'not installed';
    }
    case 'webgpu': {
      if (!vulkanLoaderPresent()) return 'no Vulkan loader (libvulkan.so.1), so no GPU adapter';
      const url = webgpuModuleUrl();
      if (!url) return "the 'webgpu' package (Dawn for Node) is not installed";
      const probe = probeWebgpuAdapter(url);
      if ('reason' in probe) return probe.reason;
      if (probe.adapter.software && !requested) {
        const what = describeAdapter(probe.adapter);
        return `only a software adapter (${what}), slower than wasm: used only with --backend webgpu`;
      }
      ensureRuntimeDir();
      const gpu = await tryImport(() => import('webgpu'));
      if (!gpu) return "the 'webgpu' package (Dawn for Node) could not be loaded";
      const create = gpu['create'] as ((flags: string[]) => { requestAdapter(): Promise<unknown> }) | undefined;
      const globals = gpu['globals'] as Record<string, unknown> | undefined;
      if (!create || !globals) return "the 'webgpu' package does not export create/globals";
      const navigatorGpu = create([]);
      const adapter = await navigatorGpu.requestAdapter().catch(() => null);
      if (!adapter) return 'no GPU adapter found';
      webgpuAdapter = probe.adapter;
      Object.assign(globalThis, globals);
      Object.defineProperty(globalThis, 'navigator', {
        value: { gpu: navigatorGpu },
        configurable: true,
        writable: true,
      });
      const mod = await tryImport(() => import('@tensorflow/tfjs-backend-webgpu'));
      return mod ? undefined : "'@tensorflow/tfjs-backend-webgpu' is not installed";
    }
    case 'wasm': {
      const mod = await tryImport(() => import('@tensorflow/tfjs-backend-wasm'));
      return mod ? undefined : 'not installed';
    }
    case 'cpu': {
      const mod = await tryImport(() => import('@tensorflow/tfjs-backend-cpu'));
      return mod ? undefined : 'not installed';
    }
  }
}

let current: BackendInfo | undefined;

/**
 * Initialise tfjs on the requested backend, or on the first available one in {@link BACKEND_ORDER}.
 * A requested backend that is missing is a usage error with a message saying how to get it.
 */
export async function initBackend(
  requested: string | undefined = process.env['TFJS_BACKEND'] || undefined,
): Promise<BackendInfo> {
  if (current && (!requested || requested === current.name)) return current;
  if (requested !== undefined && !(BACKEND_ORDER as readonly string[]).includes(requested)) {
    throw new UsageError(`unknown backend '${requested}'; choose one of ${BACKEND_ORDER.join(', ')}`);
  }
  tf.enableProdMode();
  const candidates: BackendName[] = requested ? [requested as BackendName] : [...BACKEND_ORDER];
  const notes: string[] = [];
  for (const name of candidates) {
    const ok = await withoutForeignProcessHandlers(async () => {
      const why = await register(name, requested !== undefined);
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
      const adapter = tf.getBackend() === 'webgpu' ? webgpuAdapter : undefined;
      if (adapter) notes.push(`webgpu adapter: ${describeAdapter(adapter)}`);
      current = {
        name: tf.getBackend(),
        tfjsVersion: tf.version_core,
        notes,
        precision: 'float32',
        ...(adapter ? { adapter } : {}),
      };
      return current;
    }
    if (requested) {
      throw new UsageError(`backend '${requested}' is not available (${notes.at(-1)}); to use it, ${HOW_TO[name]}`);
    }
  }
  throw new UsageError(`no tfjs backend could be initialised: ${notes.join('; ')}`);
}

/**
 * Run `fn` on another installed backend (for side-by-side timings), then return to the current one.
 * Undefined when that backend cannot be registered.
 */
export async function onBackend<T>(name: 'wasm' | 'cpu', fn: () => Promise<T>): Promise<T | undefined> {
  const previous = tf.getBackend();
  const ok = await withoutForeignProcessHandlers(
    async () => (await register(name, true)) === undefined && tf.setBackend(name),
  );
  if (!ok) return undefined;
  try {
    await tf.ready();
    return await fn();
  } finally {
    await tf.setBackend(previous);
    await tf.ready();
  }
}
