"""A PyTorch implementation under test: batched log-domain Sinkhorn and the self-attention dynamics on
the sphere, in float64 on `cuda` when available, else on the CPU.

    npx transformer-ot-verify verify --impl examples/torch_attention.py --claims 'sinkhorn.*,energy.*,dynamics.*' \\
        --python /usr/bin/python3

Capabilities (docs/python.md): `sinkhorn` (every domain is answered by the one log-domain path: the
'kernel' and 'stabilized' domains have the same iterates in exact arithmetic) and `sphere_dynamics`
(Geshkovski, Letrouit, Polyanskiy & Rigollet 2023, eqs. 2.3-2.6; energies of eq. 3.5, section 3.4.1 and
Appendix C). Everything is batched over the B instances as tensor operations.
"""
import numpy as np
import torch

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
        log_u = torch.zeros_like(a)
        us, vs = [log_u], [log_v]
        for _ in range(options.iterations):
            log_u = log_a - torch.logsumexp(M + log_v[:, None, :], dim=2)
            log_v = log_b - torch.logsumexp(M + log_u[:, :, None], dim=1)
            if options.record:
                us.append(log_u)
                vs.append(log_v)
        if not options.record:
            us.append(log_u)
            vs.append(log_v)
        log_plan = log_u[:, :, None] + log_v[:, None, :] + M
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


sinkhorn = TorchSinkhorn()
sphere_dynamics = TorchSphereDynamics()
