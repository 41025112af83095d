/**
 * The webgpu adapter the tests run on, probed once per process, and the skip rule of every webgpu test: skip
 * with a message where there is no adapter, fail instead where REQUIRE_WEBGPU_TEST=1 (set by `.ci/run` once an
 * adapter answers).
 */
import * as assert from 'uvu/assert';
import { probeWebgpuAdapter, webgpuModuleUrl, type ProbeResult } from '../../impl/webgpu-probe.js';

const url = webgpuModuleUrl();
export const probe: ProbeResult = url ? probeWebgpuAdapter(url) : { reason: "the 'webgpu' package is not installed" };

/** true (after a warning) when the test must skip; throws when CI requires the webgpu tests. */
export function skipUnlessAdapter(): boolean {
  if ('adapter' in probe) return false;
  const how = 'install libvulkan1 and a Vulkan driver, or SwiftShader; .ci/run does';
  const msg = `SKIPPED webgpu test: ${probe.reason} (${how})`;
  if (process.env['REQUIRE_WEBGPU_TEST'] === '1') assert.unreachable(msg);
  console.warn(msg);
  return true;
}
