#!/usr/bin/env python3
"""Expected outputs for torch-crosscheck-tests, computed by PyTorch itself.

    torch_reference.py MANIFEST DIR

Each MANIFEST line describes one job:
    name rank=R groups=G bias=0|1 x=N,Cin,S.. w=Cin,Cout/g,K.. stride=.. padding=.. output_padding=.. dilation=..
DIR/<name>.x, .w (and .b) hold the operands as raw little-endian float64.
For every job this writes, as raw little-endian float64:
    DIR/<name>.y   F.conv_transpose{R}d(x, w, b, stride, padding,
                   output_padding, groups, dilation), computed in float64
    DIR/<name>.a   the same op on |x|, |w|, |b|: per element |b| + sum |x*w|,
                   the scale of the test's floating-point tolerance
and DIR/<name>.shape, the output shape as comma-separated text.

Exit status 2 with a message on stderr when torch cannot be imported: the
test must fail then (scripts/setup.sh installs python3-torch), not skip.
"""

import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 64
    try:
        import torch
        import torch.nn.functional as F
    except Exception as e:  # ImportError, or a broken install
        sys.stderr.write("torch_reference.py: cannot import torch with %s: %s: %s\n"
                         % (sys.executable, type(e).__name__, e))
        return 2
    manifest, directory = sys.argv[1], sys.argv[2]
    fns = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}
    torch.set_num_threads(1)

    def load(path, shape):
        n = 1
        for s in shape:
            n *= s
        with open(path, "rb") as f:
            data = bytearray(f.read())
        assert len(data) == 8 * n, (path, len(data), shape)
        return torch.frombuffer(data, dtype=torch.float64).reshape(shape).clone()

    def ints(text):
        return [int(v) for v in text.split(",")] if text else []

    jobs = 0
    with open(manifest) as f:
        for line in f:
            fields = line.split()
            if not fields:
                continue
            name = fields[0]
            kv = dict(item.split("=", 1) for item in fields[1:])
            rank = int(kv["rank"])
            base = os.path.join(directory, name)
            x = load(base + ".x", ints(kv["x"]))
            w = load(base + ".w", ints(kv["w"]))
            b = load(base + ".b", [w.shape[1] * int(kv["groups"])]) \
                if kv["bias"] == "1" else None
            args = dict(stride=ints(kv["stride"]), padding=ints(kv["padding"]),
                        output_padding=ints(kv["output_padding"]),
                        groups=int(kv["groups"]), dilation=ints(kv["dilation"]))
            fn = fns[rank]
            y = fn(x, w, b, **args)
            a = fn(x.abs(), w.abs(), None if b is None else b.abs(), **args)
            with open(base + ".y", "wb") as out:
                out.write(y.contiguous().numpy().tobytes())
            with open(base + ".a", "wb") as out:
                out.write(a.contiguous().numpy().tobytes())
            with open(base + ".shape", "w") as out:
                out.write(",".join(str(s) for s in y.shape))
            jobs += 1
    print("torch_reference.py: %d jobs with torch %s" % (jobs, torch.__version__))
    return 0


if __name__ == "__main__":
    sys.exit(main())
