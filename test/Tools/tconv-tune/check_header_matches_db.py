#!/usr/bin/env python3
"""check_header_matches_db.py DB.json HEADER.h LENGTH

Exits 0 when the kernel header's first line names exactly the variant and
parameters of the database entry for LENGTH -- of the entries whose range
holds it, the narrowest, as tconv-compile picks -- and says "[tuned]"; else
prints both and exits 1. (lit: tconv-tune/round-trip.mlir.)
"""
import json
import sys

db_path, header_path, length = sys.argv[1], sys.argv[2], int(sys.argv[3])
entries = [e for e in json.load(open(db_path))["entries"]
           if e["min_length"] <= length
           and (e["max_length"] is None or length <= e["max_length"])]
if not entries:
    sys.exit(f"no entry for length {length}")
unbounded = float("inf")
e = min(entries, key=lambda e: (e["max_length"] or unbounded) - e["min_length"])
params = ", ".join(f"{k}={v}" for k, v in sorted(e["params"].items()))
want = f"{e['variant']} ({params}) [tuned]"
first = open(header_path).readline()
if want not in first:
    sys.exit(f"header: {first.strip()}\ndatabase entry: {want}")
