//===- ParserHazards.cpp - Inputs MLIR 22's parser crashes on -------------===//

#include "tconv/Support/ParserHazards.h"

#include <map>
#include <vector>

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

/// Splits `text` the way MLIR's lexer does, as far as the screen cares:
/// comments and whitespace vanish, a string literal is one token, `%x`, `@x`,
/// `#x`, `^x` and numbers are opaque, `!x` is kept as a possible type alias.
std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0, n = text.size();
  auto scanWhile = [&](size_t from, auto predicate) {
    while (from < n && predicate(text[from]))
      ++from;
    return from;
  };
  auto scanString = [&](size_t from) { // `from` is just after the quote
    while (from < n && text[from] != '"') {
      if (text[from] == '\\' && from + 1 < n)
        ++from;
      ++from;
    }
    return from < n ? from + 1 : n;
  };
  while (i < n) {
    char c = text[i];
    size_t start = i;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      i = text.find('\n', i);
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
    tokens.push_back({kind, start, text.substr(start, i - start)});
  }
  return tokens;
}

bool isPunctuation(const std::vector<Token> &tokens, size_t i, char c) {
  return i < tokens.size() && tokens[i].kind == TokenKind::Punctuation &&
         tokens[i].text[0] == c;
}

/// Follows `!a = !b`, `!b = index` chains; a chain that does not end in a
/// definition (or loops) resolves to nothing, and the parser reports it.
const Token *resolveType(const std::vector<Token> &tokens, size_t i,
                         const std::map<std::string_view, size_t> &aliases) {
  for (int hops = 0; hops < 64 && i < tokens.size(); ++hops) {
    if (tokens[i].kind != TokenKind::TypeAlias)
      return &tokens[i];
    auto definition = aliases.find(tokens[i].text);
    if (definition == aliases.end())
      return nullptr;
    i = definition->second;
  }
  return nullptr;
}

} // namespace

std::optional<ParserHazard> findParserHazard(std::string_view text) {
  std::vector<Token> tokens = tokenize(text);

  // `!name = type` at the top level defines a type alias; nowhere else does a
  // `!name` token precede `=`.
  std::map<std::string_view, size_t> aliases;
  for (size_t i = 0; i + 2 < tokens.size(); ++i)
    if (tokens[i].kind == TokenKind::TypeAlias && isPunctuation(tokens, i + 1, '='))
      aliases.emplace(tokens[i].text, i + 2);

  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::BareIdentifier || tokens[i].text != "array" ||
        !isPunctuation(tokens, i + 1, '<'))
      continue;
    const Token *element = resolveType(tokens, i + 2, aliases);
    if (!element || element->kind != TokenKind::BareIdentifier ||
        element->text != "index")
      continue;
    std::string message =
        "a dense array of 'index' elements is not accepted (MLIR 22's parser "
        "crashes on it, llvm/llvm-project#179045); write array<i64: ...>";
    if (tokens[i + 2].kind == TokenKind::TypeAlias)
      message += " (the element type '" + std::string(tokens[i + 2].text) +
                 "' is an alias of 'index')";
    return ParserHazard{tokens[i].offset, std::move(message)};
  }
  return std::nullopt;
}

} // namespace tconv
