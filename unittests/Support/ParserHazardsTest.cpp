//===- ParserHazardsTest.cpp - The screen for MLIR 22 parser crashes ------===//
//
// Each construct reported here crashes `mlir-opt-22` when it stands in an
// attribute of a func (checked by hand when the hazard was added); each one
// passed here parses, or fails with the parser's own error.
//
//===----------------------------------------------------------------------===//

#include "tconv/Support/ParserHazards.h"

#include <gtest/gtest.h>

using tconv::findParserHazard;

namespace {

constexpr std::string_view kPrefix = "func.func @f() attributes {a = ";

TEST(ParserHazardsTest, ReportsIndexArrayAtItsKeyword) {
  std::string text = std::string(kPrefix) + "array<index: 1, 2>} { return }";
  auto hazard = findParserHazard(text);
  ASSERT_TRUE(hazard.has_value());
  EXPECT_EQ(hazard->offset, kPrefix.size());
  EXPECT_NE(hazard->message.find("'index'"), std::string::npos);
  EXPECT_NE(hazard->message.find("array<i64: ...>"), std::string::npos);
}

TEST(ParserHazardsTest, ReportsTruncatedAndSpacedForms) {
  // The crash happens as soon as the element type is read.
  EXPECT_TRUE(findParserHazard("{a = array<index"));
  EXPECT_TRUE(findParserHazard("{a = array <\n  index>}"));
  EXPECT_TRUE(findParserHazard("{a = array< // why\n index: 3>}"));
  EXPECT_TRUE(findParserHazard("<{dilation = array<index: 1>}>"));
  // MLIR's lexer skips a NUL byte like whitespace (found by the parse
  // fuzzer), and a carriage return ends a comment.
  using namespace std::string_view_literals;
  EXPECT_TRUE(findParserHazard("{a = array<\0 index\n"sv));
  EXPECT_TRUE(findParserHazard("{a = array\0<index: 1>}"sv));
  EXPECT_TRUE(findParserHazard("{a = array< // why\r index: 3>}"));
}

TEST(ParserHazardsTest, ReportsIndexThroughTypeAliases) {
  std::string text = "!a = index\n!b = !a\nfunc.func @f() attributes "
                     "{x = array<!b: 1>} { return }";
  auto hazard = findParserHazard(text);
  ASSERT_TRUE(hazard.has_value());
  EXPECT_EQ(hazard->offset, text.find("array"));
  EXPECT_NE(hazard->message.find("'!b' is an alias of 'index'"),
            std::string::npos);
}

TEST(ParserHazardsTest, PassesValidArraysAndIndexElsewhere) {
  EXPECT_FALSE(findParserHazard(
      "func.func @f(%i: index) -> tensor<4xindex> attributes "
      "{a = array<i64: 1, 2>, b = array<f32: 1.0>, c = array<i1>} { return }"));
  EXPECT_FALSE(findParserHazard("!a = i64\n{x = array<!a: 1>}"));
  // An alias that is never defined, or defined in a loop: the parser's error.
  EXPECT_FALSE(findParserHazard("{x = array<!undefined: 1>}"));
  EXPECT_FALSE(findParserHazard("!a = !b\n!b = !a\n{x = array<!a: 1>}"));
}

TEST(ParserHazardsTest, IgnoresCommentsStringsAndSigilNames) {
  EXPECT_FALSE(findParserHazard("// array<index: 1>\nmodule {}"));
  EXPECT_FALSE(findParserHazard("{doc = \"array<index: 1> \\\" array<index\"}"));
  EXPECT_FALSE(findParserHazard("%array<index"));
  EXPECT_FALSE(findParserHazard("@array<index"));
  EXPECT_FALSE(findParserHazard("#array<index"));
  EXPECT_FALSE(findParserHazard("foo.array<index"));
  EXPECT_FALSE(findParserHazard("my_array<index"));
}

TEST(ParserHazardsTest, SurvivesUnterminatedInput) {
  EXPECT_FALSE(findParserHazard(""));
  EXPECT_FALSE(findParserHazard("\"array<index"));
  EXPECT_FALSE(findParserHazard("array"));
  EXPECT_FALSE(findParserHazard("array<"));
  EXPECT_FALSE(findParserHazard("!"));
  EXPECT_FALSE(findParserHazard("@\""));
}

} // namespace
