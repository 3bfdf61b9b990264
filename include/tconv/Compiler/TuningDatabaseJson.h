//===- TuningDatabaseJson.h - The tuning database as a file -----*- C++ -*-===//
//
// The JSON form of a TuningDatabase (tconv/Codegen/Tuning.h):
//
//   {"format": "tconv-tuning-database", "version": 1,
//    "entries": [{"signature": "f32 n=1 cin=512 ...", "target": "x86-64-...",
//                 "threads": 2,     (absent: written before the count was
//                                    recorded; matches any count)
//                 "min_length": 1, "max_length": 32,      (null: unbounded)
//                 "variant": "cpu-phases-in-slices",   ("rules": the rules'
//                                                       own choice at each
//                                                       length, no params)
//                 "params": {"vectors_per_tile": 2, ...},
//                 "measured_length": 32, "microseconds": 51.2,
//                 "default_microseconds": 55.0}, ...]}
//
// Written by tconv-tune, read by tconv-compile --tuning-db.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_COMPILER_TUNINGDATABASEJSON_H
#define TCONV_COMPILER_TUNINGDATABASEJSON_H

#include "tconv/Codegen/Tuning.h"
#include "tconv/Support/Status.h"

#include <string>

namespace mlir::tconv {

// (::tconv::Expected, spelled out: mlir::Expected is llvm::Expected.)

/// Reads the database at `path`, or returns the error (with the path).
::tconv::Expected<::tconv::codegen::TuningDatabase>
readTuningDatabase(const std::string &path);

/// Writes `db` to `path` (through a temporary file renamed into place).
/// Returns success, or the error.
::tconv::Status writeTuningDatabase(const std::string &path,
                                    const ::tconv::codegen::TuningDatabase &db);

} // namespace mlir::tconv

#endif // TCONV_COMPILER_TUNINGDATABASEJSON_H
