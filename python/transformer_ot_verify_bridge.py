"""Bridge between transformer-ot-verify (Node) and a user's Python implementation under test.

    python3 transformer_ot_verify_bridge.py <path/to/impl.py>

Started by the verify command, never by hand. The protocol runs over the process's original stdin and
stdout; before the user's module is imported, file descriptor 1 is pointed at stderr so that anything the
user's code prints (Python prints and C extensions alike) cannot corrupt it.

Frames: a 4-byte big-endian length, then one MessagePack map. The first frame is the bridge's hello
{"protocol", "python", "numpy", "msgpack", "capabilities"}; then each request {"id", "cap", "method",
"args"} gets one response {"id", "ok": true, "result", "seconds"} (time spent in the user's method) or
{"id", "ok": false, "error"}. Arrays travel
as {"__nd__": "<f8", "shape": [...], "data": <raw little-endian float64 bytes>}, never as numbers.
A startup failure is one stderr line "TOV_BRIDGE_FATAL <what to fix>" and exit status 3.
"""
import os
import sys

PROTOCOL = 1
FATAL = "TOV_BRIDGE_FATAL"

# Capability attribute of the user's module -> the methods the suite calls (Python names).
CAPABILITIES = {
    "sinkhorn": (["solve"], []),
    "sb_attention": (["plan", "step", "iterate", "sinkformer"], []),
    "sphere_dynamics": (["velocity", "simulate", "energy"], ["sample_uniform"]),
    "ot_transformer": (["forward"], []),
}


def fatal(message):
    sys.stderr.write(f"{FATAL} {message}\n")
    sys.stderr.flush()
    sys.exit(3)


def main():
    proto_in = os.fdopen(os.dup(0), "rb", buffering=0)
    proto_out = os.fdopen(os.dup(1), "wb", buffering=0)
    widen_pipe(proto_out.fileno())
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    sys.stdout = sys.stderr
    if len(sys.argv) != 2:
        fatal("usage: transformer_ot_verify_bridge.py <module.py>")
    try:
        import numpy as np
    except ImportError:
        fatal(f"NumPy is not importable by {sys.executable}: install it (Debian: apt install python3-numpy; "
              "pip: pip install numpy) or pass --python <interpreter that has it>")
    try:
        import msgpack
    except ImportError:
        fatal(f"msgpack is not importable by {sys.executable}: install it (Debian: apt install python3-msgpack; "
              "pip: pip install msgpack) or pass --python <interpreter that has it>")
    module = load_module(sys.argv[1])
    if getattr(module, "interpolator", None) is not None:
        sys.stderr.write("the interpolator capability is not carried by the bridge: its claims are skipped\n")
    caps = describe(module)
    hello = {"protocol": PROTOCOL, "python": sys.version.split()[0], "numpy": np.__version__,
             "msgpack": ".".join(map(str, msgpack.version)), "capabilities": {k: v[0] for k, v in caps.items()}}
    write_frame(proto_out, msgpack.packb(hello, use_bin_type=True))
    serve(proto_in, proto_out, {k: v[1] for k, v in caps.items()}, np, msgpack)


def load_module(path):
    import importlib.util
    import traceback
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        fatal(f"no such file: {path}")
    sys.path.insert(0, os.path.dirname(path))
    spec = importlib.util.spec_from_file_location("tov_user_impl", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except BaseException as e:  # the user's import failed: one line with the cause and where
        tb = traceback.extract_tb(e.__traceback__)
        where = f" ({tb[-1].filename}:{tb[-1].lineno})" if tb else ""
        fatal(f"importing {path} failed: {type(e).__name__}: {e}{where}")
    return module


def describe(module):
    """The capabilities the module provides: {name: ({name, precision, methods}, object)}."""
    out = {}
    for cap, (required, optional) in CAPABILITIES.items():
        obj = getattr(module, cap, None)
        if obj is None:
            continue
        missing = [m for m in required if not callable(getattr(obj, m, None))]
        if missing:
            fatal(f"'{cap}' lacks the method(s) {', '.join(missing)} (see docs/python.md)")
        precision = getattr(obj, "precision", "float64")
        if precision not in ("float32", "float64"):
            fatal(f"'{cap}.precision' must be 'float32' or 'float64', got {precision!r}")
        methods = required + [m for m in optional if callable(getattr(obj, m, None))]
        name = str(getattr(obj, "name", cap))
        out[cap] = ({"name": name, "precision": precision, "methods": methods}, obj)
    return out


def sinkhorn_trace(options, log_u, log_v, sweep):
    """The scalings a `sinkhorn.solve` returns (docs/python.md), from a start (log u^0, log v^0) and
    `sweep(log_v) -> (log_u, log_v)`, one Sinkhorn iteration with u updated from v first (Peyre & Cuturi
    2019, Rem. 4.22), run options.iterations = L times: the lists [log u^0, ..., log u^L] and
    [log v^0, ..., log v^L] when options.record, else [log u^0, log u^L] and [log v^0, log v^L]. Plug-ins
    run inside the bridge's process, so `from transformer_ot_verify_bridge import sinkhorn_trace` works."""
    us, vs = [log_u], [log_v]
    for _ in range(options.iterations):
        log_u, log_v = sweep(log_v)
        if options.record:
            us.append(log_u)
            vs.append(log_v)
    if not options.record:
        us.append(log_u)
        vs.append(log_v)
    return us, vs


class Namespace:
    """Attribute access to a request's batch or options; an absent optional field reads None."""

    def __init__(self, fields):
        self.__dict__.update(fields)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return None

    def __repr__(self):
        return f"Namespace({', '.join(sorted(self.__dict__))})"


def read_exact(stream, count):
    chunks = []
    while count > 0:
        chunk = stream.read(count)
        if not chunk:
            return None
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def write_frame(stream, payload):
    stream.write(len(payload).to_bytes(4, "big"))
    stream.write(payload)
    stream.flush()


def widen_pipe(fd):
    """Ask Linux for a 1 MiB pipe buffer (F_SETPIPE_SZ): fewer round trips for large arrays; harmless elsewhere."""
    try:
        import fcntl
        fcntl.fcntl(fd, 1031, 1 << 20)
    except (ImportError, OSError):
        pass


def serve(proto_in, proto_out, objects, np, msgpack):
    import time
    import traceback

    def decode(obj):
        if "__nd__" in obj:
            return np.frombuffer(obj["data"], dtype="<f8").reshape(obj["shape"]).copy()  # writable
        return obj

    def encode(value):
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, np.generic):
            return value.item()
        if isinstance(value, dict):
            return {str(k): encode(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [encode(v) for v in value]
        if hasattr(value, "__array__") or isinstance(value, np.ndarray):
            arr = np.asarray(value)
            if arr.dtype.kind not in "fiub":
                raise TypeError(f"cannot send an array of dtype {arr.dtype} (numbers only)")
            arr = np.ascontiguousarray(arr, dtype="<f8")
            return {"__nd__": "<f8", "shape": list(arr.shape), "data": arr.tobytes()}
        if hasattr(value, "__dict__"):
            return {k: encode(v) for k, v in vars(value).items() if not k.startswith("_")}
        raise TypeError(f"cannot send a value of type {type(value).__name__}")

    while True:
        header = read_exact(proto_in, 4)
        if header is None:
            return
        body = read_exact(proto_in, int.from_bytes(header, "big"))
        if body is None:
            return
        request = msgpack.unpackb(body, raw=False, object_hook=decode)
        rid = request.get("id")
        try:
            if request["cap"] == "__bridge__":  # the round-trip probe of the benchmarks
                payload = {"id": rid, "ok": True, "result": request["args"], "seconds": 0.0}
            else:
                fn = getattr(objects[request["cap"]], request["method"])
                args = [Namespace(a) if isinstance(a, dict) else a for a in request["args"]]
                start = time.perf_counter()
                result = fn(*args)
                seconds = time.perf_counter() - start
                payload = {"id": rid, "ok": True, "result": encode(result), "seconds": seconds}
        except Exception as e:  # reported to the claim that made the call, with the last frames
            frames = [f"{os.path.basename(f.filename)}:{f.lineno} in {f.name}: {f.line}"
                      for f in traceback.extract_tb(e.__traceback__)[-3:]]
            error = {"type": type(e).__name__, "message": str(e), "traceback": frames}
            payload = {"id": rid, "ok": False, "error": error}
        write_frame(proto_out, msgpack.packb(payload, use_bin_type=True))


if __name__ == "__main__":
    main()
