import { initBackend } from './impl/backend.js';
import { tfjsImplementation } from './impl/implementations.js';
import { phaseDiagramProperty } from './properties/dynamics/phase-diagram.js';
import { PHASE_BLOCKS } from './properties/dynamics/phase-grid.js';
import { runUnit } from './properties/work-units.js';
await initBackend('wasm');
const impl = tfjsImplementation();
const plan = phaseDiagramProperty.units!.plan('thorough');
const blocks = PHASE_BLOCKS.thorough;
const want = process.argv[2] ? process.argv[2].split(',').map(Number) : [0, 1, 2, 3, 4];
for (const bi of want) {
  const idx = plan.findIndex((p) => (p.unit as { block: number }).block === bi);
  const u = plan[idx]!.unit as { block: number; count: number };
  const units = plan.filter((p) => (p.unit as { block: number }).block === bi);
  const b = blocks[bi]!;
  const t0 = performance.now();
  await runUnit(phaseDiagramProperty, 6303, idx, { impl, budget: 'thorough' });
  const s = (performance.now() - t0) / 1000;
  const steps = Math.round(b.horizon / b.dt), stages = b.integrator === 'rk4' ? 4 : 1;
  const flop = u.count * steps * stages * 4 * 32 * 32 * b.d;
  const blockCost = units.reduce((x, p) => x + p.cost, 0) / plan[idx]!.cost;
  console.log(`block ${bi} d=${b.d} ${b.integrator}: unit of ${u.count} realisations ${s.toFixed(1)} s, ${(flop / s / 1e9).toFixed(2)} GFLOP/s; ${units.length} units; block ≈ ${(s * blockCost / 60).toFixed(1)} min on one core`);
}
