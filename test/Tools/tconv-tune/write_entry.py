#!/usr/bin/env python3
"""write_entry.py DB OUT SIGNATURE MIN MAX VARIANT PARAMS_JSON

Writes OUT, a tuning database of one entry for SIGNATURE over lengths
MIN..MAX (MAX "null": unbounded), timed with 2 threads, with VARIANT and
PARAMS_JSON, on the target DB's entries were measured for (this machine's
resolved host target), so tests can try entries tconv-tune may not pick."""
import json
import sys

db, out, signature, lo, hi, variant, params = sys.argv[1:]
with open(db) as f:
    target = json.load(f)["entries"][0]["target"]
entry = {"signature": signature, "target": target, "threads": 2,
         "min_length": int(lo), "max_length": None if hi == "null" else int(hi),
         "variant": variant, "params": json.loads(params)}
with open(out, "w") as f:
    json.dump({"format": "tconv-tuning-database", "version": 1,
               "entries": [entry]}, f, indent=2)
