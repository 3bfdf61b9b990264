//===- ParserHazards.cpp - Inputs MLIR 22's parser crashes on -------------===//

#include "tconv/Support/ParserHazards.h"

#include <map>

namespace tconv {
namespace {

/// The tokens the screen needs; everything else is `Other`.
enum class TokenKind { BareIdentifier, TypeAlias, Punctuation, Other };

struct Token {
  TokenKind kind;
  size_t offset;
  std::string_view text;
};

bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }
/// Characters after the first of a bare identifier (MLIR's `bare-id`).
bool isIdentifierChar(char c) {
  return isLetter(c) || isDigit(c) || c == '_' || c == '$' || c == '.';
}
/// Characters of a sigil-prefixed name such as `%arg0`, `^bb1`, `#map`.
bool isSuffixChar(char c) { return isIdentifierChar(c) || c == '-'; }

/// Reads `text` a token at a time the way MLIR's lexer splits it, as far as
/// the screen cares: comments and whitespace vanish, a string literal is one
/// token, `%x`, `@x`, `#x`, `^x` and numbers are opaque, `!x` is kept as a
/// possible type alias. Streaming: a file of inline constants is never held
/// as a token list.
class Lexer {
public:
  explicit Lexer(std::string_view text) : text(text) {}

  /// The next token, or nullopt at the end.
  std::optional<Token> next() {
    const size_t n = text.size();
    while (i < n) {
      char c = text[i];
      size_t start = i;
      // MLIR's lexer skips a NUL inside the buffer as it skips whitespace
      // (the fuzzer found `array<\0 index` past a screen that did not).
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
        ++i;
        continue;
      }
      // A comment ends at a line feed or a carriage return, as in MLIR.
      if (c == '/' && i + 1 < n && text[i + 1] == '/') {
        i = text.find_first_of("\n\r", i);
        if (i == std::string_view::npos)
          i = n;
        continue;
      }
      TokenKind kind = TokenKind::Other;
      if (c == '"') {
        i = scanString(i + 1);
      } else if (isLetter(c) || c == '_') {
        i = scanWhile(i + 1, isIdentifierChar);
        kind = TokenKind::BareIdentifier;
      } else if (isDigit(c)) {
        i = scanWhile(i + 1, isIdentifierChar);
      } else if (c == '%' || c == '@' || c == '#' || c == '^' || c == '!') {
        if (i + 1 < n && text[i + 1] == '"')
          i = scanString(i + 2);
        else
          i = scanWhile(i + 1, isSuffixChar);
        if (c == '!' && i > start + 1)
          kind = TokenKind::TypeAlias;
      } else {
        ++i;
        kind = TokenKind::Punctuation;
      }
      return Token{kind, start, text.substr(start, i - start)};
    }
    return std::nullopt;
  }

private:
  template <typename Predicate> size_t scanWhile(size_t from, Predicate p) {
    while (from < text.size() && p(text[from]))
      ++from;
    return from;
  }
  /// Past the closing quote of a string whose body starts at `from`.
  size_t scanString(size_t from) {
    while (from < text.size() && text[from] != '"') {
      if (text[from] == '\\' && from + 1 < text.size())
        ++from;
      ++from;
    }
    return from < text.size() ? from + 1 : text.size();
  }

  std::string_view text;
  size_t i = 0;
};

bool isPunctuation(const std::optional<Token> &t, char c) {
  return t && t->kind == TokenKind::Punctuation && t->text[0] == c;
}

/// Follows `!a = !b`, `!b = index` chains to a non-alias type token; a chain
/// that does not end in a definition (or loops) resolves to nothing, and the
/// parser reports it.
std::optional<Token>
resolveType(Token type, const std::map<std::string_view, Token> &aliases) {
  for (int hops = 0; hops < 64; ++hops) {
    if (type.kind != TokenKind::TypeAlias)
      return type;
    auto definition = aliases.find(type.text);
    if (definition == aliases.end())
      return std::nullopt;
    type = definition->second;
  }
  return std::nullopt;
}

} // namespace

std::optional<ParserHazard> findParserHazard(std::string_view text) {
  // Pass 1: `!name = type` defines a type alias (at the top level; nowhere
  // else does a `!name` token precede `=`). Three tokens of lookahead.
  std::map<std::string_view, Token> aliases;
  {
    Lexer lexer(text);
    std::optional<Token> a = lexer.next(), b = lexer.next(), c = lexer.next();
    for (; c; a = b, b = c, c = lexer.next())
      if (a->kind == TokenKind::TypeAlias && isPunctuation(b, '='))
        aliases.emplace(a->text, *c);
  }
  // Pass 2: `array` `<` and an element type that is, or names, `index`.
  Lexer lexer(text);
  std::optional<Token> a = lexer.next(), b = lexer.next(), c = lexer.next();
  for (; c; a = b, b = c, c = lexer.next()) {
    if (a->kind != TokenKind::BareIdentifier || a->text != "array" ||
        !isPunctuation(b, '<'))
      continue;
    std::optional<Token> element = resolveType(*c, aliases);
    if (!element || element->kind != TokenKind::BareIdentifier ||
        element->text != "index")
      continue;
    std::string message =
        "a dense array of 'index' elements is not accepted (MLIR 22's parser "
        "crashes on it, llvm/llvm-project#179045); write array<i64: ...>";
    if (c->kind == TokenKind::TypeAlias)
      message += " (the element type '" + std::string(c->text) +
                 "' is an alias of 'index')";
    return ParserHazard{a->offset, std::move(message)};
  }
  return std::nullopt;
}

} // namespace tconv
