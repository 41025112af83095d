"""POT (Python Optimal Transport) under test: the `sinkhorn.*` claims against `ot.sinkhorn`.

    npx transformer-ot-verify verify --impl examples/pot_sinkhorn.py --claims 'sinkhorn.*' --python /usr/bin/python3

Each requested domain runs one POT method, instance by instance (POT 0.8.2 has no batch of cost
matrices), with numItermax = L and stopThr = 0 (-1 for 'sinkhorn_stabilized', whose test is err <= stopThr)
so that exactly L iterations run:
'log' -> method='sinkhorn_log', 'stabilized' -> 'sinkhorn_stabilized', 'kernel' -> 'sinkhorn'.

What POT exposes, and what this adapter does with it:
- Only the final scalings (log=True: log_u, log_v; u, v for 'sinkhorn'; logu, logv for the stabilised
  method). There is no per-iteration callback, so a recorded trace (options.record) is built by calling
  POT again with numItermax = l for every l = 1..L: POT's iteration is deterministic, so iterate l of a
  run stopped at l is iterate l of the longer run. These are POT's own iterates, at O(L^2) cost.
- POT updates v from u first (v = b / K^T u, then u = a / K v); the claims' convention updates u from v
  first. Running POT on the transposed problem (b, a, C^T) gives exactly the claims' sequence:
  POT's (u', v') there are the claims' (v, u).
- A start log v^(0) = h: 'sinkhorn_log' and 'sinkhorn' take no warm start, so h is absorbed into the
  cost, C^T - eps*h (plus eps*log m for 'sinkhorn', which starts from u' = 1/m): the same iterates in
  exact arithmetic, with the scalings shifted back by h. 'sinkhorn_stabilized' takes it as warmstart.
- POT returns the plan P = exp(.), whose log underflows where P < 1e-308; the log-plan is formed from
  POT's own log-scalings, log u + log v - C/eps, which is what POT exponentiates.
- The number of absorptions of 'sinkhorn_stabilized' is not exposed, so `absorptions` is not returned.
- POT silently returns an earlier iterate when it meets a NaN (sinkhorn_stabilized); the adapter
  raises instead when POT stopped before L iterations.
"""
import warnings

import numpy as np
import ot

METHODS = {"log": "sinkhorn_log", "stabilized": "sinkhorn_stabilized", "kernel": "sinkhorn"}


def _run(method, a, b, C, eps, h, iterations):
    """log u^(L), log v^(L) of one instance in the claims' convention (u from v first), L = iterations."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = _pot(method, a, b, C, eps, h, iterations)
    for w in caught:  # "did not converge" is expected (L is fixed); a numerical error is not
        if "numerical errors" in str(w.message).lower():
            raise FloatingPointError(f"POT {method}: {w.message}")
    if len(out) == 3:  # sinkhorn_stabilized reports how many iterations it ran
        if out[2] != iterations:
            raise RuntimeError(f"POT {method} stopped after {out[2]} of {iterations} iterations")
        out = out[:2]
    return out


def _pot(method, a, b, C, eps, h, iterations):
    """One POT call on the transposed problem (see the module docstring)."""
    n, m = C.shape
    if method == "sinkhorn_stabilized":
        warm = (eps * (h + np.log(m)), np.zeros(n))
        # stopThr = -1: this method tests err <= stopThr, which stops at an exactly met marginal with 0
        _, log = ot.sinkhorn(b, a, C.T, eps, method=method, numItermax=iterations, stopThr=-1, log=True,
                             warmstart=warm)
        return log["logv"], log["logu"], log["n_iter"] + 1
    if method == "sinkhorn_log":
        _, log = ot.sinkhorn(b, a, C.T - eps * h[:, None], eps, method=method, numItermax=iterations,
                             stopThr=0, log=True)
        return log["log_v"], log["log_u"] + h
    shift = h + np.log(m)
    _, log = ot.sinkhorn(b, a, C.T - eps * shift[:, None], eps, method=method, numItermax=iterations,
                         stopThr=0, log=True)
    with np.errstate(divide="ignore"):
        return np.log(log["v"]), np.log(log["u"]) + shift


class PotSinkhorn:
    name = f"pot-{ot.__version__}"
    precision = "float64"

    def solve(self, batch, options):
        """The Sinkhorn trace of every instance: log_u [B, S, n], log_v [B, S, m], log_plan [B, n, m]."""
        method = METHODS[options.domain]
        B, n, m, L = batch.B, batch.n, batch.m, options.iterations
        h0 = options.init_log_v if options.init_log_v is not None else np.zeros((B, m))
        levels = list(range(1, L + 1)) if options.record else [L]
        S = len(levels) + 1
        log_u = np.zeros((B, S, n))
        log_v = np.zeros((B, S, m))
        log_plan = np.zeros((B, n, m))
        for q in range(B):
            a, b, C, eps, h = batch.a[q], batch.b[q], batch.C[q], float(batch.eps[q]), h0[q]
            log_v[q, 0] = h
            for s, level in enumerate(levels, start=1):
                if level > 0:
                    log_u[q, s], log_v[q, s] = _run(method, a, b, C, eps, h, level)
                else:
                    log_v[q, s] = h
            log_plan[q] = log_u[q, -1][:, None] + log_v[q, -1][None, :] - C / eps
        return {"log_u": log_u, "log_v": log_v, "log_plan": log_plan}


sinkhorn = PotSinkhorn()
