"""Wall-time helpers of the Python examples and benchmarks."""

import time

import torch


def best_seconds(fn, repeats=5, min_time=0.2):
    """The fastest of `repeats` runs of fn(), each run repeating the call
    until it took `min_time` seconds, per call."""
    fn()  # warm-up
    best = float("inf")
    for _ in range(repeats):
        count, start = 0, time.perf_counter()
        while True:
            fn()
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        best = min(best, elapsed / count)
    return best


def layer_inputs(model, example, classes=(torch.nn.ConvTranspose1d,
                                          torch.nn.ConvTranspose2d,
                                          torch.nn.ConvTranspose3d)):
    """{module path: the input it got} for the layers of `classes` on one
    forward of `model` on `example`."""
    seen = {}
    hooks = [m.register_forward_pre_hook(
        lambda mod, args, _p=path: seen.setdefault(_p, args[0]))
        for path, m in model.named_modules() if isinstance(m, classes)]
    try:
        with torch.no_grad():
            model(example)
    finally:
        for h in hooks:
            h.remove()
    return seen


def cpu_name():
    """lscpu's model name and model number, for every figure printed."""
    name, number = "unknown CPU", "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() == "model name":
                    name = value.strip()
                elif key.strip() == "model":
                    number = value.strip()
                if name != "unknown CPU" and number != "?":
                    break
    except OSError:
        pass
    return "%s (model %s)" % (name, number)
