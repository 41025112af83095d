/**
 * Probing for a WebGPU adapter without a sound: Dawn (the 'webgpu' package) and the Vulkan loader print
 * to the process's stderr from native code ("XDG_RUNTIME_DIR is invalid", warnings about refused
 * drivers), which Node cannot silence in-process. The probe runs in a child Node process whose stderr
 * is discarded, and reports the adapter it found; only then is Dawn loaded in this process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The adapter Dawn offers: its GPUAdapterInfo fields and whether it is a software rasteriser. */
export interface AdapterInfo {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** A CPU implementation of the GPU API (SwiftShader, lavapipe/llvmpipe): slower than wasm. */
  readonly software: boolean;
}

export type ProbeResult = { readonly adapter: AdapterInfo } | { readonly reason: string };

const SOFTWARE_NAMES = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i;

/** Software adapters: flagged by the API (isFallbackAdapter) or named after a known CPU rasteriser. */
function isSoftwareAdapter(info: {
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}): boolean {
  if (info.isFallbackAdapter === true) return true;
  return SOFTWARE_NAMES.test(`${info.architecture ?? ''} ${info.device ?? ''} ${info.description ?? ''}`);
}

let ownRuntimeDir: string | undefined;

/**
 * Dawn's Vulkan path wants XDG_RUNTIME_DIR to name a directory; when it does not, give the process a
 * private one (mode 700, removed at exit) so that nothing is printed about it.
 */
export function ensureRuntimeDir(): void {
  const dir = process.env['XDG_RUNTIME_DIR'];
  try {
    if (dir && statSync(dir).isDirectory()) return;
  } catch {
    // not a directory: replaced below
  }
  ownRuntimeDir ??= mkdtempSync(join(tmpdir(), 'transformer-ot-verify-xdg-'));
  process.env['XDG_RUNTIME_DIR'] = ownRuntimeDir;
  process.once('exit', () => rmSync(ownRuntimeDir!, { recursive: true, force: true }));
}

/** Where the 'webgpu' package is, as a file URL, or undefined when it is not installed. */
export function webgpuModuleUrl(): string | undefined {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('webgpu')).href;
  } catch {
    return undefined;
  }
}

const CHILD = `
const gpu = await import(process.argv[1]);
const adapter = await gpu.create([]).requestAdapter().catch(() => null);
const i = adapter ? adapter.info : undefined;
const pick = i ? { vendor: i.vendor, architecture: i.architecture, device: i.device, description: i.description,
  isFallbackAdapter: i.isFallbackAdapter ?? adapter.isFallbackAdapter } : null;
process.stdout.write(JSON.stringify(pick));
process.exit(0);
`;

/** Ask Dawn, in a child process with stderr discarded, for the adapter it would give this process. */
export function probeWebgpuAdapter(moduleUrl: string, timeoutMs = 60_000): ProbeResult {
  ensureRuntimeDir();
  let out: string;
  try {
    out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, moduleUrl], {
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: timeoutMs,
      encoding: 'utf8',
      env: process.env,
    });
  } catch (e) {
    const timedOut = (e as { signal?: string }).signal !== undefined;
    const why = timedOut ? `timed out after ${timeoutMs / 1000} s` : 'the probe process failed';
    return { reason: `adapter probe: ${why}` };
  }
  let info: (Partial<AdapterInfo> & { isFallbackAdapter?: boolean }) | null;
  try {
    info = JSON.parse(out.trim() || 'null') as typeof info;
  } catch {
    return { reason: 'adapter probe: unreadable answer' };
  }
  if (!info) return { reason: 'no GPU adapter found (Dawn found no usable Vulkan driver)' };
  return {
    adapter: {
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      device: info.device ?? '',
      description: info.description ?? '',
      software: isSoftwareAdapter(info),
    },
  };
}

/** One line naming the adapter, e.g. "google swiftshader (SwiftShader driver 5.0.0), software". */
export function describeAdapter(a: AdapterInfo): string {
  const name = [a.vendor, a.architecture].filter((s) => s !== '').join(' ') || 'unnamed adapter';
  return `${name}${a.description ? ` (${a.description})` : ''}${a.software ? ', software' : ''}`;
}
