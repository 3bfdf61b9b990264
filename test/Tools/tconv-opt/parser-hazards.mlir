// Inputs MLIR 22's own parser crashes on (mlir-opt-22 segfaults on each) are
// reported as errors at their line before parsing: tconv-opt and
// tconv-compile screen their input (include/tconv/Support/ParserHazards.h).

// RUN: not tconv-opt %s 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: not tconv-opt < %s 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: rm -rf %t.out
// RUN: not tconv-compile %s -o %t.out 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: not ls %t.out

// The screen runs before -split-input-file and -verify-diagnostics.
// RUN: not tconv-opt %s -split-input-file -verify-diagnostics 2>&1 | FileCheck %s --check-prefix=OPT

// A dense array of another element type still parses.
// RUN: sed 's/= index/= i64/; s/array<index/array<i64/' %s | tconv-opt | FileCheck %s --check-prefix=I64

!idx = index

// OPT: {{^.*(parser-hazards.mlir|<stdin>)}}:[[@LINE+3]]:45: error: a dense array of 'index' elements is not accepted (MLIR 22's parser crashes on it, llvm/llvm-project#179045); write array<i64: ...>
// COMPILE: parser-hazards.mlir:[[@LINE+2]]:45: error: a dense array of 'index' elements is not accepted
// I64: func.func @index_array() attributes {note = array<i64: 1, 2>}
func.func @index_array() attributes {note = array<index: 1, 2>} {
  return
}

// OPT-NOT: error
// The alias form is not reached: the screen reports the first hazard only.
func.func @alias_array() attributes {note = array<!idx: 3>} {
  return
}
// I64: func.func @alias_array() attributes {note = array<i64: 3>}
