//===- ParserHazards.h - Inputs MLIR 22's parser crashes on -------*- C++ -*-===//
//
// MLIR 22's parser crashes, instead of reporting an error, on a few malformed
// inputs. tconv's tools screen their input text for these before they hand it
// to the parser, so the user gets an error naming the construct instead of a
// segmentation fault. Each hazard is listed here with the upstream report; a
// hazard leaves this list once the pinned MLIR release fixes it.
//
//   * `array<index ...>`: a dense array of `index` elements, written directly
//     or through a type alias. The parser asks `index` for its bit width
//     (llvm/llvm-project#179045, fixed upstream by #179075 after 22.1.0).
//
// The screen is a small lexer, not a parser: it skips comments, string
// literals and sigil-prefixed names (`%array`, `@array`, `#array`) the way
// MLIR's lexer does, so valid input is never rejected.
//
// Plain C++ (no MLIR): the callers turn the offset into a diagnostic.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_SUPPORT_PARSERHAZARDS_H
#define TCONV_SUPPORT_PARSERHAZARDS_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tconv {

/// A construct the pinned MLIR parser would crash on.
struct ParserHazard {
  /// Byte offset of the construct in the screened text.
  size_t offset;
  /// What is wrong and what to write instead, e.g. "a dense array of 'index'
  /// elements is not accepted ...".
  std::string message;
};

/// The first construct of `text` that MLIR 22's parser would crash on, if any.
std::optional<ParserHazard> findParserHazard(std::string_view text);

} // namespace tconv

#endif // TCONV_SUPPORT_PARSERHAZARDS_H
