"""A PyTorch implementation under test: batched log-domain Sinkhorn and the self-attention dynamics on
the sphere, Schrodinger-bridge / Sinkformer attention, in float64 on `cuda` when available, else on the CPU.

    npx transformer-ot-verify verify --impl examples/torch_attention.py \\
        --claims 'sinkhorn.*,energy.*,dynamics.*,heat.*' \\
        --python /usr/bin/python3

Capabilities (docs/python.md): `sinkhorn` (every domain is answered by the one log-domain path: the
'kernel' and 'stabilized' domains have the same iterates in exact arithmetic) and `sphere_dynamics`
(Geshkovski, Letrouit, Polyanskiy & Rigollet 2023, eqs. 2.3-2.6; energies of eq. 3.5, section 3.4.1 and
Appendix C) and `sb_attention` (the symmetric Sinkhorn plan, the SB step x -> 2x - B(x), K steps
warm-started, and the Sinkformer layer). Everything is batched over the B instances as tensor operations.
"""
import numpy as np
import torch
from transformer_ot_verify_bridge import sinkhorn_trace

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
DTYPE = torch.float64


def _t(x):
    return torch.as_tensor(np.asarray(x), dtype=DTYPE, device=DEVICE)


def _np(x):
    return x.detach().cpu().numpy()


class TorchSinkhorn:
    name = f"torch-{torch.__version__}-log-sinkhorn-{DEVICE.type}"
    precision = "float64"

    def solve(self, batch, options):
        """Log-domain Sinkhorn (Peyre & Cuturi 2019, Rem. 4.22): u from v, then v from u, batched."""
        a, b, C, eps = _t(batch.a), _t(batch.b), _t(batch.C), _t(batch.eps)
        M = -C / eps[:, None, None]
        log_a, log_b = torch.log(a), torch.log(b)
        log_v = _t(options.init_log_v) if options.init_log_v is not None else torch.zeros_like(b)

        def sweep(log_v):
            log_u = log_a - torch.logsumexp(M + log_v[:, None, :], dim=2)
            return log_u, log_b - torch.logsumexp(M + log_u[:, :, None], dim=1)

        us, vs = sinkhorn_trace(options, torch.zeros_like(a), log_v, sweep)
        log_plan = us[-1][:, :, None] + vs[-1][:, None, :] + M
        return {"log_u": _np(torch.stack(us, 1)), "log_v": _np(torch.stack(vs, 1)), "log_plan": _np(log_plan)}


def _eye(batch, field):
    x = getattr(batch, field)
    if x is None:
        return torch.eye(batch.d, dtype=DTYPE, device=DEVICE).expand(batch.B, batch.d, batch.d)
    return _t(x)


class TorchSphereDynamics:
    name = f"torch-{torch.__version__}-sphere-{DEVICE.type}"
    precision = "float64"

    @staticmethod
    def _field(x, beta, Bm, V, normalization):
        """sum_j A_ij V x_j with A_ij = exp(beta <B x_i, x_j>) / Z_i (softmax) or / n (unnormalised)."""
        logits = beta[:, None, None] * torch.einsum("brc,bic,bjr->bij", Bm, x, x)
        A = torch.softmax(logits, dim=2) if normalization == "softmax" else torch.exp(logits) / x.shape[1]
        return torch.einsum("bij,brc,bjc->bir", A, V, x)

    @staticmethod
    def _project(x, f):
        return f - (f * x).sum(-1, keepdim=True) * x

    def velocity(self, batch, normalization):
        x = _t(batch.x)
        f = self._field(x, _t(batch.beta), _eye(batch, "bilinear"), _eye(batch, "value"), normalization)
        return _np(self._project(x, f))

    def energy(self, batch, normalization):
        x, beta = _t(batch.x), _t(batch.beta)
        left = torch.einsum("brc,bic->bir", _eye(batch, "value"), x) if normalization == "modified-metric" else x
        g = torch.einsum("bid,bjd->bij", left, x)
        n = x.shape[1]
        bb = beta[:, None, None]
        if normalization == "shifted":
            terms = torch.where(bb == 0, g, torch.expm1(bb * g))
            scale = torch.where(beta == 0, torch.full_like(beta, 0.5), 1 / (2 * beta))
        else:
            terms = torch.exp(bb * g)
            scale = 1 / (2 * beta * (n * n if normalization == "mean-field" else 1))
        return _np(terms.sum((1, 2)) * scale)

    def simulate(self, batch, options):
        x, beta = _t(batch.x), _t(batch.beta)
        Bm, V = _eye(batch, "bilinear"), _eye(batch, "value")
        dt, steps = options.dt, options.steps
        every = options.record_every or max(steps, 1)
        stored = list(range(0, steps + 1, every))
        if stored[-1] != steps:
            stored.append(steps)

        def projected(y):
            return self._project(y, self._field(y, beta, Bm, V, options.normalization))

        def unit(y):
            return y / y.norm(dim=-1, keepdim=True)

        keep = []
        for s in range(steps + 1):
            if s in stored:
                keep.append(torch.einsum("bid,bjd->bij", x, x) if options.record == "gram" else x)
            if s == steps:
                break
            if options.integrator == "rk4":
                k1 = projected(x)
                k2 = projected(x + 0.5 * dt * k1)
                k3 = projected(x + 0.5 * dt * k2)
                k4 = projected(x + dt * k3)
                x = unit(x + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4))
            else:
                x = unit(x + dt * self._field(x, beta, Bm, V, options.normalization))
        key = "gram" if options.record == "gram" else "states"
        return {"step_index": np.array(stored), key: _np(torch.stack(keep, 1))}


class TorchSBAttention:
    """Schrodinger-bridge attention (Agarwal, Harchaoui, Mulcahy & Pal 2024; spec heat-flow-limit 1.1, 3.2)
    and the Sinkformer layer (Sander, Ablin, Blondel & Peyre 2022, section 3), batched."""

    name = f"torch-{torch.__version__}-sb-attention-{DEVICE.type}"
    precision = "float64"

    @staticmethod
    def _solve(x, eps, log_w, options, g0):
        """Symmetric damped log-domain Sinkhorn g <- (g - LSE_j[log w_j + g_j - C_ij/eps]) / 2, C = |x_i - x_j|^2 / 2,
        each instance stopped when eps * max|dg| < tolerance; returns (g, log P, iterations, residual)."""
        M = -0.5 * torch.cdist(x, x).square() / eps[:, None, None]
        g = torch.zeros_like(log_w) if g0 is None else g0.clone()
        B = x.shape[0]
        active = torch.ones(B, dtype=torch.bool, device=DEVICE)
        iterations = torch.zeros(B, dtype=DTYPE, device=DEVICE)
        residual = torch.full((B,), float("inf"), dtype=DTYPE, device=DEVICE)
        for _ in range(options.max_iterations):
            if not bool(active.any()):
                break
            nxt = 0.5 * (g - torch.logsumexp(log_w[:, None, :] + g[:, None, :] + M, dim=2))
            res = eps * (nxt - g).abs().amax(1)
            g = torch.where(active[:, None], nxt, g)
            residual = torch.where(active, res, residual)
            iterations = iterations + active.to(DTYPE)
            active = active & ~(res < options.tolerance)
        log_plan = log_w[:, :, None] + log_w[:, None, :] + g[:, :, None] + g[:, None, :] + M
        return g, log_plan, iterations, residual

    @staticmethod
    def _log_weights(batch):
        if batch.weights is not None:
            return torch.log(_t(batch.weights))
        return torch.full((batch.B, batch.n), -float(np.log(batch.n)), dtype=DTYPE, device=DEVICE)

    def _step(self, x, eps, log_w, options, g0):
        g, log_plan, iterations, residual = self._solve(x, eps, log_w, options, g0)
        barycentre = torch.softmax(log_plan, dim=2) @ x
        return 2 * x - barycentre, barycentre, g, iterations, residual

    def plan(self, batch, options):
        init = None if options.init_log_potential is None else _t(options.init_log_potential)
        g, log_plan, its, res = self._solve(_t(batch.x), _t(batch.eps), self._log_weights(batch), options, init)
        return {"log_potential": _np(g), "log_plan": _np(log_plan), "iterations": _np(its), "residual": _np(res)}

    def step(self, batch, options):
        init = None if options.init_log_potential is None else _t(options.init_log_potential)
        x, bary, _, its, res = self._step(_t(batch.x), _t(batch.eps), self._log_weights(batch), options, init)
        return {"x": _np(x), "barycentre": _np(bary), "iterations": _np(its), "residual": _np(res)}

    def iterate(self, batch, options):
        x, eps, log_w = _t(batch.x), _t(batch.eps), self._log_weights(batch)
        g = None if options.init_log_potential is None else _t(options.init_log_potential)
        K = options.steps
        every = options.record_every
        recorded = sorted({0, K} | (set(range(every, K, every)) if every else set()))
        keep, its = [x], []
        residual = torch.zeros(batch.B, dtype=DTYPE, device=DEVICE)
        for k in range(1, K + 1):
            x, _, g, iterations, res = self._step(x, eps, log_w, options, g)
            its.append(iterations)
            residual = torch.maximum(residual, res)
            if k in recorded:
                keep.append(x)
        iterations = torch.stack(its, 1) if its else torch.zeros((batch.B, 0), dtype=DTYPE)
        return {"recorded_steps": recorded, "x": _np(torch.stack(keep, 1)), "iterations": _np(iterations),
                "residual": _np(residual)}

    def sinkformer(self, batch, options):
        x, eps = _t(batch.x), _t(batch.eps)
        WQ, WK, WV = _t(batch.WQ), _t(batch.WK), _t(batch.WV)
        n = batch.n
        log_a = torch.full((batch.B, n), -float(np.log(n)), dtype=DTYPE, device=DEVICE)
        for _ in range(options.layers or 1):
            q, k = torch.einsum("brc,bjc->bjr", WQ, x), torch.einsum("brc,bjc->bjr", WK, x)
            M = q @ k.transpose(1, 2) / eps[:, None, None]
            log_u, log_v = torch.zeros_like(log_a), torch.zeros_like(log_a)
            for h in range(1, options.iterations + 1):
                if h % 2 == 1:
                    log_u = log_a - torch.logsumexp(M + log_v[:, None, :], dim=2)
                else:
                    log_v = log_a - torch.logsumexp(M + log_u[:, :, None], dim=1)
            attention = torch.softmax(log_u[:, :, None] + log_v[:, None, :] + M, dim=2)
            v = torch.einsum("brc,bjc->bjr", WV, x)
            x = x + attention @ v - v
        return {"x": _np(x), "attention": _np(attention)}


sinkhorn = TorchSinkhorn()
sphere_dynamics = TorchSphereDynamics()
sb_attention = TorchSBAttention()
