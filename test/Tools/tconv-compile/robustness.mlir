// What errors.mlir leaves out: every failure is exit status 1 with a message
// (lit's `not` fails on a crash), and leaves the output directory as it was.

// The input is a directory.
// RUN: not tconv-compile %S/Inputs -o %t.dirin 2>&1 | FileCheck %s --check-prefix=DIRIN
// RUN: not ls %t.dirin
// DIRIN: tconv-compile: error: cannot read '{{.*}}Inputs': {{.*}}directory

// An empty input: nothing to compile, nothing written.
// RUN: rm -rf %t.empty && : > %t.empty.mlir
// RUN: not tconv-compile %t.empty.mlir -o %t.empty 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not ls %t.empty
// EMPTY: tconv-compile: error: '{{.*}}empty.mlir' defines no func.func to compile

// A parse error: the parser's diagnostic, nothing written.
// RUN: rm -rf %t.parse && printf 'func.func @x(' > %t.parse.mlir
// RUN: not tconv-compile %t.parse.mlir -o %t.parse 2>&1 | FileCheck %s --check-prefix=PARSE
// RUN: not ls %t.parse
// PARSE: parse.mlir:1:{{[0-9]+}}: error:

// The output path is an existing regular file.
// RUN: rm -rf %t.isfile && touch %t.isfile
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t.isfile 2>&1 | FileCheck %s --check-prefix=ISFILE
// ISFILE: tconv-compile: error: cannot use '{{.*}}isfile' as the output directory: it exists and is not a directory

// The output directory cannot be created (read-only /proc, even for root).
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o /proc/tconv-compile-out 2>&1 | FileCheck %s --check-prefix=RO
// RO: tconv-compile: error: cannot create output directory '/proc/tconv-compile-out'

// No -o: the option parser's message.
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir 2>&1 | FileCheck %s --check-prefix=NOOUT
// NOOUT: for the -o option: must be specified at least once

// An existing output directory is left as it was by every kind of failure:
// an unknown target, an unknown --emit value, an invalid op, a func with
// another body after a valid one.
// RUN: rm -rf %t.keep && mkdir %t.keep && echo old > %t.keep/stale.txt
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t.keep --target=bogus-arch 2>/dev/null
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t.keep --emit=pdf 2>/dev/null
// RUN: not tconv-compile %S/Inputs/invalid_op.mlir -o %t.keep 2>/dev/null
// RUN: not tconv-compile %S/Inputs/other_body.mlir -o %t.keep 2>/dev/null
// RUN: not tconv-compile %S/Inputs/swapped_args.mlir -o %t.keep 2>/dev/null
// RUN: ls %t.keep | FileCheck %s --check-prefix=KEEP
// KEEP: stale.txt
// KEEP-NOT: {{.}}

// An unknown --emit value creates nothing either.
// RUN: rm -rf %t.emit
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t.emit --emit=pdf 2>/dev/null
// RUN: not ls %t.emit
