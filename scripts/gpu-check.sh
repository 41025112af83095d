#!/usr/bin/env bash
# Prepare one self-contained folder that runs every claim on webgpu at the CI budget plus
# `bench --backend webgpu` on a Linux x86-64 machine with a GPU and its Vulkan driver, but with neither
# Node nor network access:
#   node.gz                  this machine's Node binary (x86-64, needs only glibc and libstdc++), gzip -9
#   app/lib/suite.mjs.gz     scripts/gpu-check.ts and the whole suite bundled by esbuild, with the tfjs
#                            wasm binaries beside it (the wasm baseline of the benchmark)
#   app/lib/claim-worker.js.gz  the worker-thread entry of `verify`, bundled the same way
#   node_modules/webgpu/     Dawn for Node (index.js, package.json, dist/linux-x64/dawn.node.gz)
#   debs/libvulkan1_*.deb    the Debian Vulkan loader, unpacked there by dpkg-deb (a pre-unpacked copy of
#                            libvulkan.so.1 serves where dpkg-deb is absent)
#   run.sh                   ./run.sh <out-dir> [--claims GLOBS] [--budget ci] [--runs N] [--bench-quick]
#
#   bash scripts/gpu-check.sh [folder]        (default reports/out/gpu-check; fails above 64 MiB)
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-reports/out/gpu-check}
[ "$(uname -m)" = x86_64 ] || { echo "gpu-check: this machine is $(uname -m); the folder needs an x86-64 Node" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest/app/lib" "$dest/node_modules/webgpu/dist/linux-x64" "$dest/debs" "$dest/lib"

echo "== bundling the suite (esbuild)"
banner="import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url';"
banner+=" import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url);"
banner+=" const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);"
# the suite, and the worker-thread entry that `verify` starts next to it (scripts/lib/worker-pool.ts: claim-worker.js)
for entry in "scripts/gpu-check.ts suite.mjs" "scripts/lib/claim-worker.ts claim-worker.js"; do
  set -- $entry
  npx esbuild "$1" --bundle --platform=node --format=esm --target=node20 --log-level=warning \
    --external:webgpu --external:@tensorflow/tfjs-node --banner:js="$banner" --outfile="$dest/app/lib/$2"
  gzip -9 "$dest/app/lib/$2"
done
cp node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm "$dest/app/lib/"
node -e 'const p = require("./package.json"); console.log(JSON.stringify({ name: p.name, version: p.version, type: "module" }))' \
  > "$dest/package.json"

echo "== Node $(node --version) and Dawn"
gzip -9 -c "$(command -v node)" > "$dest/node.gz"
cp node_modules/webgpu/index.js node_modules/webgpu/package.json "$dest/node_modules/webgpu/"
gzip -9 -c node_modules/webgpu/dist/linux-x64/dawn.node > "$dest/node_modules/webgpu/dist/linux-x64/dawn.node.gz"

echo "== Debian Vulkan loader"
# the package this machine installed (apt's cache), else a fresh download of the same package
cached=$(ls /var/cache/apt/archives/libvulkan1_*_amd64.deb 2>/dev/null | tail -1 || true)
if [ -n "$cached" ]; then cp "$cached" "$dest/debs/"; else ( cd "$dest/debs" && apt-get download libvulkan1:amd64 >/dev/null ); fi
deb=$(ls "$dest"/debs/libvulkan1_*.deb)
tmp=$(mktemp -d)
dpkg-deb -x "$deb" "$tmp"
gzip -9 -c "$(find "$tmp" -name 'libvulkan.so.1.*' -type f | head -1)" > "$dest/lib/libvulkan.so.1.gz"
rm -rf "$tmp"

cat > "$dest/run.sh" <<'EOF'
#!/usr/bin/env bash
# Every claim on webgpu at the CI budget, then the benchmark: report.json and bench.json in <out-dir>.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] || { echo "usage: ./run.sh <out-dir> [--claims GLOBS] [--budget ci] [--runs N] [--bench-quick]" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd); shift
rt="$here/.runtime"
if [ ! -x "$rt/node" ]; then
  mkdir -p "$rt/lib"
  gzip -dc "$here/node.gz" > "$rt/node.part" && chmod +x "$rt/node.part" && mv "$rt/node.part" "$rt/node"
fi
for f in suite.mjs claim-worker.js; do
  [ -f "$here/app/lib/$f" ] || gzip -dc "$here/app/lib/$f.gz" > "$here/app/lib/$f"
done
dawn="$here/node_modules/webgpu/dist/linux-x64/dawn.node"
[ -f "$dawn" ] || gzip -dc "$dawn.gz" > "$dawn"
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1'; then
  if command -v dpkg-deb >/dev/null 2>&1; then
    dpkg-deb -x "$here"/debs/libvulkan1_*.deb "$rt/vulkan"
    loader=$(find "$rt/vulkan" -name 'libvulkan.so.1' | head -1)
    export LD_LIBRARY_PATH="$(dirname "$loader")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  else
    gzip -dc "$here/lib/libvulkan.so.1.gz" > "$rt/lib/libvulkan.so.1"
    export LD_LIBRARY_PATH="$rt/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
fi
if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "$XDG_RUNTIME_DIR" ]; then
  export XDG_RUNTIME_DIR="$rt/xdg"; mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
fi
"$rt/node" --version
exec "$rt/node" "$here/app/lib/suite.mjs" "$out" "$@"
EOF
chmod +x "$dest/run.sh"

size=$(du -sb "$dest" | cut -f1)
echo "== $dest: $(( size / 1024 / 1024 )) MiB ($size bytes)"
du -ab "$dest" | sort -n | tail -6
[ "$size" -lt $(( 64 * 1024 * 1024 )) ] || { echo "gpu-check: the folder is over 64 MiB" >&2; exit 1; }
