// tconv-tune with a tiny budget: it times the rules' choice and what else
// fits, writes a database whose entries tconv-compile --tuning-db then
// builds from (the header names the recorded variant and parameters), and a
// second run updates the same entries instead of adding more; entries are
// kept per thread count, and tconv-compile picks the count it is told.

// RUN: rm -rf %t && mkdir -p %t
// RUN: tconv-tune %s -o %t/db.json --target=host --budget=3 --num-threads=2 2> %t/progress.txt
// ASan (the sanitizer build of the suite) warns once about the JIT's
// swapcontext on stderr; the progress lines are what is checked.
// RUN: grep -v '^==[0-9]*==WARNING' %t/progress.txt | FileCheck %s --check-prefix=PROGRESS
// PROGRESS: tconv-tune: small_static (f32 n=1 cin=8 cout=8 groups=1 bias=1 k=4 s=2 d=1 pad=1:1:0 in=) at 2 threads
// PROGRESS-NEXT: L=40: {{cpu-[a-z-]+}} ({{.*}}), {{[0-9.]+}}x the rules' speed ({{[0-9]+}} tried)
// PROGRESS: tconv-tune: small_dynamic (f32 n=1 cin=8 cout=8 groups=1 bias=1 k=4 s=2 d=1 pad=1:1:0 in=)
// PROGRESS-NEXT: L=32: {{.*}}, also timed at L=17)
// PROGRESS-NEXT: L=128:
// PROGRESS-NEXT: L=512:
// PROGRESS-NEXT: L=2048:
// PROGRESS-NEXT: L=4096:

// RUN: FileCheck %s --check-prefix=DB < %t/db.json
// DB: "entries": [
// DB: "max_length": 40,
// DB-NEXT: "measured_length": 40,
// DB: "min_length": 40,
// DB: "signature": "f32 n=1 cin=8 cout=8 groups=1 bias=1 k=4 s=2 d=1 pad=1:1:0 in=",
// DB-NEXT: "target": "{{.+}}",
// DB-NEXT: "threads": {{[1-9][0-9]*}},
// DB: "max_length": null,
// DB: "min_length": 2049,
// DB: "format": "tconv-tuning-database",
// DB-NEXT: "version": 1

// The static kernel is built from its entry: the header names the entry's
// variant and parameters, marked tuned, as the database records them.
// RUN: tconv-compile %s -o %t/out --target=host --tuning-db=%t/db.json --tuning-threads=2
// RUN: FileCheck %s --check-prefix=HEADER < %t/out/small_static.h
// HEADER: /* tconv kernel small_static: {{cpu-[a-z-]+}} ({{.*}}) [tuned] */
// RUN: %python %S/check_header_matches_db.py %t/db.json %t/out/small_static.h 40

// Tuning again replaces the entries: still six.
// With --verbose, a line per candidate timed, with its time at each length.
// RUN: tconv-tune %s -o %t/db.json --target=host --budget=2 --num-threads=2 --verbose 2> %t/verbose.txt
// RUN: grep -v '^==[0-9]*==WARNING' %t/verbose.txt | FileCheck %s --check-prefix=VERBOSE
// VERBOSE: tconv-tune: small_static
// VERBOSE-NEXT: {{ *[0-9.]+}} us at L=40 {{ *}}cpu-{{[a-z-]+}} (
// VERBOSE: tconv-tune: small_dynamic
// VERBOSE-NEXT: {{ *[0-9.]+}} us at L=32 {{ *[0-9.]+}} us at L=17 {{ *}}cpu-{{[a-z-]+}} (
// RUN: grep -c '"signature"' %t/db.json | FileCheck %s --check-prefix=COUNT
// COUNT: 6

// Each entry records the threads it was timed with, and tuning with another
// count adds entries instead of replacing them: six more at 5 threads.
// RUN: tconv-tune %s -o %t/db.json --target=host --budget=1 --num-threads=5 2> %t/progress5.txt
// RUN: grep -v '^==[0-9]*==WARNING' %t/progress5.txt | FileCheck %s --check-prefix=PROGRESS5
// PROGRESS5: tconv-tune: small_static ({{.*}}) at 5 threads
// RUN: grep -c '"threads": 5,' %t/db.json | FileCheck %s --check-prefix=COUNT5
// RUN: grep -c '"signature"' %t/db.json | FileCheck %s --check-prefix=COUNT12
// COUNT5: 6
// COUNT12: 12

// tconv-compile uses the entries of the count the kernels will run with:
// --tuning-threads, else HL_NUM_THREADS, else this machine's cores. Entries
// without a count (databases written before it was recorded) match any.
// RUN: sed 's/"threads": [0-9]*/"threads": 7/' %t/db.json > %t/db7.json
// RUN: tconv-compile %s -o %t/t7 --target=host --tuning-db=%t/db7.json --tuning-threads=7
// RUN: FileCheck %s --check-prefix=HEADER < %t/t7/small_static.h
// RUN: env HL_NUM_THREADS=7 tconv-compile %s -o %t/env7 --target=host --tuning-db=%t/db7.json
// RUN: FileCheck %s --check-prefix=HEADER < %t/env7/small_static.h
// RUN: tconv-compile %s -o %t/t3 --target=host --tuning-db=%t/db7.json --tuning-threads=3
// RUN: FileCheck %s --check-prefix=UNTUNED < %t/t3/small_static.h
// UNTUNED: /* tconv kernel small_static: cpu-
// UNTUNED-NOT: [tuned]
// UNTUNED: */
// RUN: sed '/"threads"/d' %t/db7.json > %t/anycount.json
// RUN: tconv-compile %s -o %t/any --target=host --tuning-db=%t/anycount.json --tuning-threads=3
// RUN: FileCheck %s --check-prefix=HEADER < %t/any/small_static.h

// A tuned entry for a range of a dynamic kernel's plan is checked at the
// range's static lengths (1 included) and built for the dynamic length:
// pack_by_copy=1, which does nothing on a row within one vector, is valid.
// RUN: %python %S/write_entry.py %t/db.json %t/copy.json "f32 n=1 cin=64 cout=32 groups=1 bias=1 k=4 s=2 d=1 pad=1:1:0 in=" 1 32 cpu-phase-gemm '{"blocks_per_chunk": 8, "channels_per_block": 4, "pack_by_copy": 1, "parallel": 0, "vectors_per_tile": 2}'
// RUN: tconv-compile %S/Inputs/up_c64_dynamic.mlir -o %t/copy --target=host --tuning-db=%t/copy.json --tuning-threads=2
// RUN: FileCheck %s --check-prefix=COPY < %t/copy/up_c64_dynamic.h
// COPY: /* tconv kernel up_c64_dynamic: {{[0-9]+}} specializations, dispatched on the innermost input length:
// COPY-NEXT: *   cpu-phase-gemm (blocks_per_chunk=8, channels_per_block=4, pack_by_copy=1, parallel=0, vectors_per_tile=2) [tuned]: lengths 1..32

// An entry written before a variant's parameter existed reads as the old
// behaviour, and the header names what was built: cpu-column-gemm without
// tiles_outer and blocks_per_tile (the seventh session's databases).
// RUN: %python %S/write_entry.py %t/db.json %t/old.json "f32 n=1 cin=8 cout=8 groups=1 bias=1 k=4 s=2 d=1 pad=1:1:0 in=" 40 40 cpu-column-gemm '{"parallel": 1, "positions_per_block": 6, "vectors_per_block": 2}'
// RUN: tconv-compile %s -o %t/old --target=host --tuning-db=%t/old.json --tuning-threads=2
// RUN: FileCheck %s --check-prefix=OLD < %t/old/small_static.h
// OLD: /* tconv kernel small_static: cpu-column-gemm (blocks_per_tile=1, parallel=1, positions_per_block=6, tiles_outer=0, vectors_per_block=2) [tuned] */

// An entry that nothing beat the rules on ("variant": "rules", what the
// tuner writes for such a range of a dynamic kernel) keeps the rules' own
// choice at each length: nothing is marked tuned.
// RUN: sed 's/"variant": "[a-z0-9-]*"/"variant": "rules"/' %t/db.json > %t/rules.json
// RUN: tconv-compile %s -o %t/out5 --target=host --tuning-db=%t/rules.json --tuning-threads=2
// RUN: FileCheck %s --check-prefix=RULES < %t/out5/small_dynamic.h
// RULES: /* tconv kernel small_dynamic: cpu-
// RULES-NOT: [tuned]
// RULES: */

// Bad input: a database that is not one, an entry with an unknown variant,
// and --tuning-db with a forced schedule.
// RUN: echo '{"entries": []}' > %t/bad.json
// RUN: not tconv-compile %s -o %t/out2 --tuning-db=%t/bad.json 2>&1 | FileCheck %s --check-prefix=NOTDB
// NOTDB: tconv-compile: error: '{{.*}}bad.json' is not a tconv tuning database (no "format": "tconv-tuning-database")
// RUN: sed 's/"variant": "[a-z0-9-]*"/"variant": "cpu-bogus"/' %t/db.json > %t/unknown.json
// RUN: not tconv-compile %s -o %t/out3 --target=host --tuning-db=%t/unknown.json --tuning-threads=2 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: tconv-compile: error: compiling 'small_static': tuning database entry for lengths 40..40: unknown variant 'cpu-bogus'
// RUN: not tconv-compile %s -o %t/out4 --tuning-db=%t/db.json --schedule=cpu-phase-gemm 2>&1 | FileCheck %s --check-prefix=FORCED
// FORCED: tconv-compile: error: --tuning-db chooses among the variants; it cannot be combined with --schedule=cpu-phase-gemm
// RUN: sed 's/"threads": [0-9]*/"threads": 0/' %t/db.json > %t/zero.json
// RUN: not tconv-compile %s -o %t/out6 --target=host --tuning-db=%t/zero.json 2>&1 | FileCheck %s --check-prefix=ZERO
// ZERO: tconv-compile: error: tuning database '{{.*}}zero.json', entry 0: "threads" is not a positive integer
// RUN: not tconv-compile %s -o %t/out7 --tuning-threads=2 2>&1 | FileCheck %s --check-prefix=NODB
// NODB: tconv-compile: error: --tuning-threads picks tuning database entries; it needs --tuning-db
// RUN: not tconv-compile %s -o %t/out8 --tuning-db=%t/db.json --tuning-threads=-1 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// NEGATIVE: tconv-compile: error: --tuning-threads must be 0 (this machine's default) or more, got -1
// RUN: not tconv-tune %s -o %t/db2.json --budget=0 2>&1 | FileCheck %s --check-prefix=BUDGET
// BUDGET: tconv-tune: error: --budget must be a positive number of seconds
// RUN: not tconv-tune %s -o %t/db2.json --num-threads=-2 2>&1 | FileCheck %s --check-prefix=THREADS
// THREADS: tconv-tune: error: --num-threads must be 0 (all cores) or more, got -2
// RUN: not tconv-tune %s -o %t/bad.json 2>&1 | FileCheck %s --check-prefix=OVERWRITE
// OVERWRITE: tconv-tune: error: '{{.*}}bad.json' is not a tconv tuning database (no "format": "tconv-tuning-database") (refusing to overwrite it)

func.func @small_static(%x: tensor<1x8x40xf32>, %w: tensor<8x8x4xf32>, %b: tensor<8xf32>) -> tensor<1x8x80xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x8x40xf32>, tensor<8x8x4xf32>, tensor<8xf32>) -> tensor<1x8x80xf32>
  return %0 : tensor<1x8x80xf32>
}

func.func @small_dynamic(%x: tensor<1x8x?xf32>, %w: tensor<8x8x4xf32>, %b: tensor<8xf32>) -> tensor<1x8x?xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x8x?xf32>, tensor<8x8x4xf32>, tensor<8xf32>) -> tensor<1x8x?xf32>
  return %0 : tensor<1x8x?xf32>
}
