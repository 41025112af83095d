#!/usr/bin/env bash
# The installed-package path (issue 8): npm pack, install the tarball in an empty directory, and verify the
# Sinkhorn claims against the worked example plug-in through the package's bin with npx.
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
echo "pack-smoke: ok ($tarball)"
