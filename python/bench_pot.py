#!/usr/bin/env python3
"""POT peer timings for scripts/bench.ts: the same Sinkhorn problems, in the same run.

    /usr/bin/python3 scripts/bench-pot.py problems.json > timings.json

Input: {"problems": [{"id", "B", "n", "m", "iterations", "minTimeMs", "file"}]} where `file` holds
float64 little-endian arrays a [B,n], b [B,m], C [B,n,m], eps [B] back to back. Each problem is
solved instance by instance (POT 0.8.2 has no batch of cost matrices) with `ot.sinkhorn` (method
'sinkhorn', 'sinkhorn_log', 'sinkhorn_stabilized'), stopThr = -1 so that exactly `iterations`
iterations run, timed with time.perf_counter over repeated calls until minTimeMs has passed.
Output: {"pot": version, "numpy": version, "results": [{"id", "method", "msPerCall", "calls"}]}.
"""
import json
import sys
import time
import warnings

import numpy as np

try:
    import ot
except ImportError as e:  # pragma: no cover - reported by bench.ts
    json.dump({"error": f"POT not importable: {e}"}, sys.stdout)
    sys.exit(0)

METHODS = {"kernel": "sinkhorn", "log": "sinkhorn_log", "stabilized": "sinkhorn_stabilized"}


def load(p):
    B, n, m = p["B"], p["n"], p["m"]
    raw = np.fromfile(p["file"], dtype="<f8")
    a, raw = raw[: B * n].reshape(B, n), raw[B * n:]
    b, raw = raw[: B * m].reshape(B, m), raw[B * m:]
    C, raw = raw[: B * n * m].reshape(B, n, m), raw[B * n * m:]
    eps = raw[:B]
    return a, b, C, eps


def solve_all(a, b, C, eps, method, iterations):
    out = None
    for i in range(a.shape[0]):
        kw = {"tau": 1e3} if method == "sinkhorn_stabilized" else {}
        out = ot.sinkhorn(a[i], b[i], C[i], float(eps[i]), method=method, numItermax=iterations, stopThr=-1, **kw)
    return out


def main():
    spec = json.load(open(sys.argv[1]))
    results = []
    warnings.simplefilter("ignore")
    for p in spec["problems"]:
        a, b, C, eps = load(p)
        for domain in p.get("domains", ["kernel", "log", "stabilized"]):
            method = METHODS[domain]
            solve_all(a, b, C, eps, method, p["iterations"])  # warm-up
            calls, start = 0, time.perf_counter()
            while True:
                solve_all(a, b, C, eps, method, p["iterations"])
                calls += 1
                elapsed = time.perf_counter() - start
                if elapsed * 1000 >= p["minTimeMs"] or calls >= p.get("maxCalls", 1000):
                    break
            results.append({"id": p["id"], "domain": domain, "method": method, "msPerCall": elapsed * 1000 / calls, "calls": calls})
    json.dump({"pot": ot.__version__, "numpy": np.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
