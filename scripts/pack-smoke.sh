#!/usr/bin/env bash
# The installed-package path: npm pack, install the tarball in an empty directory, then
#  1. the CLI (the package's bin, through npx) verifies the Sinkhorn claims against the example plug-in;
#  2. a plain .mjs imports the package on this Node and prints the claim count;
#  3. a TypeScript consumer that implements SinkhornSolver type-checks against the packed .d.ts;
#  4. nothing needs tsx at run time (`npm ls tsx --omit=dev` finds none).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -1)
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "./$tarball" >/dev/null

cp "$root/examples/plain-sinkhorn.mjs" ./my-sinkhorn.mjs
npx --no-install transformer-ot-verify verify --impl ./my-sinkhorn.mjs --claims 'sinkhorn.*' --runs 4 --out ./report --quiet
test -s ./report/report.json

cat > import-check.mjs <<'JS'
import { CLAIMS, CAPABILITY_API_VERSION, propertyFor } from 'transformer-ot-verify';
for (const c of CLAIMS) propertyFor(c.id);
console.log(`import: ${CLAIMS.length} claims, capability API ${CAPABILITY_API_VERSION}, node ${process.version}`);
JS
node import-check.mjs

cat > consumer.ts <<'TS'
import type { SinkhornBatch, SinkhornOptions, SinkhornSolver, SinkhornTrace, Implementation } from 'transformer-ot-verify';

const solver: SinkhornSolver = {
  name: 'consumer',
  precision: 'float64',
  async solve(batch: SinkhornBatch, options: SinkhornOptions): Promise<SinkhornTrace> {
    const { B, n, m } = batch;
    return {
      B, n, m, iterations: options.iterations, stored: 2,
      logU: new Float64Array(B * 2 * n), logV: new Float64Array(B * 2 * m), logPlan: new Float64Array(B * n * m),
    };
  },
};
export const implementation: Implementation = { name: 'consumer', sinkhorn: solver };
TS
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "strict": true, "module": "NodeNext", "moduleResolution": "NodeNext", "target": "ES2022",
  "noEmit": true, "skipLibCheck": false, "types": [], "typeRoots": ["ROOT/node_modules/@types"] }, "files": ["consumer.ts"] }
JSON
sed -i "s#ROOT#$root#" tsconfig.json
"$root/node_modules/.bin/tsc" -p tsconfig.json
echo "consumer: SinkhornSolver type-checks against the packed .d.ts"

if npm ls tsx --omit=dev --parseable 2>/dev/null | grep -q tsx; then
  echo "pack-smoke: tsx is installed as a run-time dependency"; exit 1
fi
echo "pack-smoke: ok ($tarball)"
