// Every error is one clear message and a non-zero exit, and leaves no output.

// Unknown target: nothing is created.
// RUN: rm -rf %t && not tconv-compile %S/Inputs/one_kernel.mlir -o %t --target=bogus-arch 2>&1 | FileCheck %s --check-prefix=TARGET
// RUN: not ls %t
// TARGET: tconv-compile: error: {{.*}}bogus-arch

// Unknown --emit value.
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t --emit=pdf 2>&1 | FileCheck %s --check-prefix=EMIT
// EMIT: tconv-compile: error: unknown --emit value 'pdf' (expected assembly, stmt, llvm, device, init or shared)

// Unreadable input.
// RUN: not tconv-compile %S/Inputs/does_not_exist.mlir -o %t 2>&1 | FileCheck %s --check-prefix=INPUT
// INPUT: tconv-compile: error: cannot read '{{.*}}does_not_exist.mlir'

// A func with another body: the valid func before it is not written either.
// RUN: not tconv-compile %S/Inputs/other_body.mlir -o %t 2>&1 | FileCheck %s --check-prefix=BODY
// RUN: not ls %t
// BODY: other_body.mlir:{{[0-9]+}}:1: error: expects the body of 'add' to be one tconv op

// Two tconv ops in one func.
// RUN: not tconv-compile %S/Inputs/two_ops.mlir -o %t 2>&1 | FileCheck %s --check-prefix=TWO
// TWO: error: expects the body of 'twice' to be one tconv op

// The op's operands must be the func's arguments in order (the ABI).
// RUN: not tconv-compile %S/Inputs/swapped_args.mlir -o %t 2>&1 | FileCheck %s --check-prefix=ARGS
// ARGS: error: expects the arguments of 'swapped' to start with the op's operands in order (input, weight[, bias]), then the fused stages' extra operands

// An invalid op: the verifier's diagnostic, no output.
// RUN: not tconv-compile %S/Inputs/invalid_op.mlir -o %t 2>&1 | FileCheck %s --check-prefix=VERIFY
// RUN: not ls %t
// VERIFY: error: 'tconv.torch_conv_transpose' op expects 'padding_mode' to be "zeros"

// An output directory that cannot be created (its parent is a file).
// RUN: rm -rf %t.file && touch %t.file
// RUN: not tconv-compile %S/Inputs/one_kernel.mlir -o %t.file/out 2>&1 | FileCheck %s --check-prefix=OUTDIR
// OUTDIR: tconv-compile: error: cannot create output directory '{{.*}}out'
