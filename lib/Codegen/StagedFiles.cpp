//===- StagedFiles.cpp - Output files that appear all at once -------------===//

#include "StagedFiles.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tconv::codegen {

namespace {

/// Halide derives a header's include guard from the path it wrote, here
/// "<final>.tmp<pid>", so the guard ends in "_tmp<pid>" (every character
/// but letters and digits becomes '_'). Drops that suffix from the guard
/// lines of the header at `temp`.
Status rewriteGuard(const std::string &temp, const std::string &final) {
  std::string suffix = temp.substr(final.size()); // ".tmp<pid>"
  for (char &c : suffix)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  std::ifstream in(temp);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  in.close();
  bool replaced = false;
  for (const char *directive : {"#ifndef HALIDE_", "#define HALIDE_"}) {
    const size_t line = text.find(directive);
    if (line == std::string::npos)
      continue;
    const size_t end = text.find('\n', line);
    const size_t at = text.rfind(suffix, end);
    if (at != std::string::npos && at > line && at + suffix.size() == end) {
      text.erase(at, suffix.size());
      replaced = true;
    }
  }
  if (!replaced)
    return Status::success();
  std::ofstream out(temp, std::ios::trunc);
  out << text;
  return out ? Status::success() : Status::error("cannot write " + temp);
}

} // namespace

StagedFiles::StagedFiles(std::string dir) : dir(std::move(dir)) {}

StagedFiles::~StagedFiles() {
  for (auto &[temp, final] : files) {
    std::error_code ignored;
    fs::remove(temp, ignored);
  }
}

std::string StagedFiles::stage(const std::string &fileName) {
  std::string final = (fs::path(dir) / fileName).string();
  std::string temp = final + ".tmp" + std::to_string(::getpid());
  files.emplace_back(temp, final);
  return temp;
}

Status StagedFiles::commit() {
  for (auto &[temp, final] : files)
    if (fs::path(final).extension() == ".h")
      if (Status s = rewriteGuard(temp, final); !s.ok())
        return s;
  for (auto &[temp, final] : files) {
    std::error_code error;
    fs::rename(temp, final, error);
    if (error)
      return Status::error("cannot write " + final + ": " + error.message());
  }
  files.clear();
  return Status::success();
}

} // namespace tconv::codegen
