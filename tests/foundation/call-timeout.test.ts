/** The default per-call timeout: the budget's on wasm and on a hardware adapter, 15× that on a software adapter. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_CALL_TIMEOUT_S, defaultCallTimeoutS, SOFTWARE_ADAPTER_FACTOR } from '../../impl/call-timeout.js';
import type { AdapterInfo } from '../../impl/webgpu-probe.js';

const adapter = (software: boolean): AdapterInfo => ({
  vendor: software ? 'google' : 'nvidia',
  architecture: software ? 'swiftshader' : 'hopper',
  device: '',
  description: software ? 'SwiftShader driver' : 'NVIDIA H-series',
  software,
});

test('wasm and hardware adapters get the budget default; a software adapter gets the factor', () => {
  for (const budget of ['quick', 'ci', 'thorough'] as const) {
    assert.is(defaultCallTimeoutS(budget), DEFAULT_CALL_TIMEOUT_S[budget]);
    assert.is(defaultCallTimeoutS(budget, {}), DEFAULT_CALL_TIMEOUT_S[budget]);
    assert.is(defaultCallTimeoutS(budget, { adapter: adapter(false) }), DEFAULT_CALL_TIMEOUT_S[budget]);
    assert.is(
      defaultCallTimeoutS(budget, { adapter: adapter(true) }),
      DEFAULT_CALL_TIMEOUT_S[budget] * SOFTWARE_ADAPTER_FACTOR,
    );
  }
  assert.is(defaultCallTimeoutS('quick', { adapter: adapter(true) }), 1800);
});

test.run();
