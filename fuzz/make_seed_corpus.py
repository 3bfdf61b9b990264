#!/usr/bin/env python3
"""Writes the seed corpora of the tconv fuzzers into test/fuzz/corpus/.

    fuzz/make_seed_corpus.py

parse/: small valid and invalid snippets, one `// -----` chunk each, from the
dialect's lit tests (test/Dialect/Tconv) and the examples, comments dropped.
op-builder/: deterministic pseudo-random byte strings (the structured target
decodes any bytes). Run once; the files are committed, and crashes found
later are added next to them by hand (named regression-*).
"""
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fuzz", "corpus")

PER_FILE = {
    "ops.mlir": 6, "normalize.mlir": 8, "canonicalize.mlir": 2,
    "invalid-torch.mlir": 8, "invalid-ms.mlir": 8, "invalid-canonical.mlir": 5,
    "malformed.mlir": 6, "pipeline.mlir": 1,
}
# Added with fusion (tconv.map, --tconv-fuse-elementwise), drawn with a
# random generator of their own so the seeds above stay as they were.
FUSION_PER_FILE = {
    "fuse-elementwise.mlir": 5, "fuse-elementwise-invalid.mlir": 4,
    "invalid-map.mlir": 4,
}


def chunks(path):
    text = open(path).read()
    for part in re.split(r"^// -----\s*$", text, flags=re.M):
        lines = [l for l in part.splitlines()
                 if l.strip() and not l.lstrip().startswith("//")]
        if lines:
            yield "\n".join(lines) + "\n"


def write_chunks(parse_dir, per_file, rng):
    """Up to per_file[name] chunks of each lit test, sampled with rng, as
    <name>-NN.mlir; returns how many it wrote."""
    n = 0
    for name, count in sorted(per_file.items()):
        parts = list(chunks(os.path.join(ROOT, "test", "Dialect", "Tconv", name)))
        picked = parts if len(parts) <= count else rng.sample(parts, count)
        for i, part in enumerate(picked):
            with open(os.path.join(parse_dir, "%s-%02d.mlir" % (name[:-5], i)), "w") as f:
                f.write(part)
            n += 1
    return n


def main():
    rng = random.Random(20240611)
    parse_dir = os.path.join(OUT, "parse")
    os.makedirs(parse_dir, exist_ok=True)
    n = write_chunks(parse_dir, PER_FILE, rng)
    n += write_chunks(parse_dir, FUSION_PER_FILE, random.Random(20261207))
    for name in ("comparison_torch.mlir", "comparison_mindspore.mlir"):
        for i, part in enumerate(list(chunks(os.path.join(ROOT, "examples", name)))[:1]):
            with open(os.path.join(parse_dir, "example-%s" % name), "w") as f:
                f.write(part)
            n += 1
    ob_dir = os.path.join(OUT, "op-builder")
    os.makedirs(ob_dir, exist_ok=True)
    for i in range(24):
        data = bytes(rng.randrange(256) for _ in range(rng.choice([8, 16, 32, 64, 128])))
        with open(os.path.join(ob_dir, "random-%02d.bin" % i), "wb") as f:
            f.write(data)
    print("wrote %d parse seeds and 24 op-builder seeds" % n)


if __name__ == "__main__":
    main()
