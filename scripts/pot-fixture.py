#!/usr/bin/env python3
"""Peer fixture: entropic OT plans computed by POT (Python Optimal Transport).

Run with Debian's interpreter, which sees python3-pot (POT 0.8.2):

    /usr/bin/python3 scripts/pot-fixture.py > tests/fixtures/pot-sinkhorn.json

The JSON is committed, so CI compares our plans with POT's without Python. Every problem is
float32-representable (inputs are rounded to float32 before POT sees them, in float64), so our
float32 implementation and POT solve the very same problem.
"""
import json
import sys

import numpy as np
import ot


def f32(x):
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def problem(rng, k):
    n = int(rng.integers(2, 21))
    m = int(rng.integers(2, 21))
    family = ["uniform", "sqeuclid", "gaussian-cloud"][k % 3]
    if family == "uniform":
        C = rng.uniform(0, 1, size=(n, m))
    elif family == "sqeuclid":
        d = int(rng.integers(1, 4))
        x = rng.uniform(0, 1, size=(n, d)) / np.sqrt(d)
        y = rng.uniform(0, 1, size=(m, d)) / np.sqrt(d)
        C = ot.dist(x, y)  # squared Euclidean, POT's default metric
    else:
        x = rng.standard_normal((n, 2))
        y = rng.standard_normal((m, 2)) + 0.5
        C = ot.dist(x, y)
        C = C / C.max()
    a = rng.dirichlet(np.ones(n)) if k % 2 == 0 else np.full(n, 1.0 / n)
    b = rng.dirichlet(np.ones(m)) if k % 4 < 2 else np.full(m, 1.0 / m)
    a, b, C = f32(a), f32(b), f32(C)
    b = b * (a.sum() / b.sum())  # equal masses in float64 (float32 rounding leaves them ~1e-8 apart)
    eps = float(f32(np.exp(rng.uniform(np.log(0.2), np.log(1.0)))))
    return family, a, b, C, eps


def main():
    rng = np.random.default_rng(20261122)
    cases = []
    # T1: the POT docstring example (doctested in POT 0.8.2)
    a = np.array([0.5, 0.5])
    M = np.array([[0.0, 1.0], [1.0, 0.0]])
    cases.append(("T1-docstring", a, a, M, 1.0))
    for k in range(24):
        cases.append(problem(rng, k))
    out = []
    for family, a, b, C, eps in cases:
        P = ot.sinkhorn(a, b, C, eps, method="sinkhorn_log", numItermax=200000, stopThr=1e-13)
        out.append({
            "family": family, "n": int(C.shape[0]), "m": int(C.shape[1]), "eps": eps,
            "a": a.tolist(), "b": b.tolist(), "C": C.ravel().tolist(), "plan": P.ravel().tolist(),
            "marginalError": float(np.abs(P.sum(1) - a).sum() + np.abs(P.sum(0) - b).sum()),
        })
    json.dump({
        "generator": "scripts/pot-fixture.py",
        "pot": ot.__version__,
        "numpy": np.__version__,
        "call": "ot.sinkhorn(a, b, C, eps, method='sinkhorn_log', numItermax=200000, stopThr=1e-13)",
        "problems": out,
    }, sys.stdout, indent=None)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
