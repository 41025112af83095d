"""A plain NumPy log-domain Sinkhorn under test (the smallest useful Python plug-in), batched over B.

    npx transformer-ot-verify verify --impl examples/numpy_sinkhorn.py --claims 'sinkhorn.*' --python /usr/bin/python3

log u = log a - LSE_j(log v_j - C_ij/eps), then log v = log b - LSE_i(log u_i - C_ij/eps) (Peyre & Cuturi
2019, Rem. 4.22); every domain is answered by this one log-domain path.
"""
import numpy as np
from transformer_ot_verify_bridge import sinkhorn_trace


def _lse(x, axis):
    top = np.max(x, axis=axis, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    with np.errstate(divide="ignore"):
        return np.squeeze(top, axis) + np.log(np.sum(np.exp(x - top), axis=axis))


class NumpySinkhorn:
    name = "numpy-log-sinkhorn"
    precision = "float64"

    def solve(self, batch, options):
        M = -batch.C / batch.eps[:, None, None]
        with np.errstate(divide="ignore"):
            log_a, log_b = np.log(batch.a), np.log(batch.b)
        log_v = options.init_log_v if options.init_log_v is not None else np.zeros((batch.B, batch.m))

        def sweep(log_v):
            log_u = log_a - _lse(M + log_v[:, None, :], 2)
            return log_u, log_b - _lse(M + log_u[:, :, None], 1)

        us, vs = sinkhorn_trace(options, np.zeros((batch.B, batch.n)), log_v, sweep)
        plan = us[-1][:, :, None] + vs[-1][:, None, :] + M
        return {"log_u": np.stack(us, 1), "log_v": np.stack(vs, 1), "log_plan": plan}


sinkhorn = NumpySinkhorn()
