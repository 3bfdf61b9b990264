//===- TuningDatabaseJson.cpp - The tuning database as a file -------------===//

#include "tconv/Compiler/TuningDatabaseJson.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using ::tconv::isDynamicSize;
using ::tconv::kDynamicSize;
using ::tconv::codegen::TunedEntry;
using ::tconv::codegen::TuningDatabase;

namespace mlir::tconv {

namespace {
constexpr const char *kFormat = "tconv-tuning-database";
constexpr int64_t kVersion = 1;

/// One entry from `value`; "" or what is wrong with it.
std::string readEntry(const llvm::json::Value &value, TunedEntry &entry) {
  const llvm::json::Object *o = value.getAsObject();
  if (!o)
    return "an entry is not an object";
  auto str = [&](const char *key, std::string &out) -> std::string {
    std::optional<llvm::StringRef> s = o->getString(key);
    if (!s)
      return std::string("\"") + key + "\" is missing or not a string";
    out = s->str();
    return "";
  };
  auto integer = [&](const char *key, int64_t &out) -> std::string {
    std::optional<int64_t> i = o->getInteger(key);
    if (!i)
      return std::string("\"") + key + "\" is missing or not an integer";
    out = *i;
    return "";
  };
  for (std::string error :
       {str("signature", entry.signature), str("target", entry.target),
        str("variant", entry.variant), integer("min_length", entry.minLength)})
    if (!error.empty())
      return error;
  if (const llvm::json::Value *max = o->get("max_length");
      max && max->getAsNull())
    entry.maxLength = kDynamicSize;
  else if (std::string error = integer("max_length", entry.maxLength);
           !error.empty())
    return error + " (null: unbounded)";
  if (entry.minLength < 1 ||
      (!isDynamicSize(entry.maxLength) && entry.maxLength < entry.minLength))
    return "the length range " + std::to_string(entry.minLength) + ".." +
           std::to_string(entry.maxLength) + " is empty";
  const llvm::json::Object *params = o->getObject("params");
  if (!params)
    return "\"params\" is missing or not an object";
  for (const auto &[key, v] : *params) {
    std::optional<int64_t> i = v.getAsInteger();
    if (!i)
      return "parameter \"" + key.str() + "\" is not an integer";
    entry.params[key.str()] = *i;
  }
  if (std::optional<int64_t> i = o->getInteger("measured_length"))
    entry.measuredLength = *i;
  if (std::optional<double> d = o->getNumber("microseconds"))
    entry.microseconds = *d;
  if (std::optional<double> d = o->getNumber("default_microseconds"))
    entry.defaultMicroseconds = *d;
  return "";
}
} // namespace

std::string readTuningDatabase(const std::string &path, TuningDatabase &db) {
  auto file = llvm::MemoryBuffer::getFile(path);
  if (!file)
    return "cannot read tuning database '" + path +
           "': " + file.getError().message();
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*file)->getBuffer());
  if (!json)
    return "tuning database '" + path +
           "' is not JSON: " + llvm::toString(json.takeError());
  const llvm::json::Object *root = json->getAsObject();
  if (!root || root->getString("format") != std::optional<llvm::StringRef>(kFormat))
    return "'" + path + "' is not a tconv tuning database (no \"format\": \"" +
           kFormat + "\")";
  if (root->getInteger("version") != std::optional<int64_t>(kVersion))
    return "tuning database '" + path + "' has an unsupported version (this "
           "tconv reads version 1)";
  const llvm::json::Array *entries = root->getArray("entries");
  if (!entries)
    return "tuning database '" + path + "' has no \"entries\" array";
  TuningDatabase read;
  for (size_t i = 0; i < entries->size(); ++i) {
    TunedEntry entry;
    if (std::string error = readEntry((*entries)[i], entry); !error.empty())
      return "tuning database '" + path + "', entry " + std::to_string(i) +
             ": " + error;
    read.entries.push_back(std::move(entry));
  }
  db = std::move(read);
  return "";
}

std::string writeTuningDatabase(const std::string &path,
                                const TuningDatabase &db) {
  llvm::json::Array entries;
  for (const TunedEntry &e : db.entries) {
    llvm::json::Object params;
    for (const auto &[name, value] : e.params)
      params[name] = value;
    entries.push_back(llvm::json::Object{
        {"signature", e.signature},
        {"target", e.target},
        {"min_length", e.minLength},
        {"max_length", isDynamicSize(e.maxLength) ? llvm::json::Value(nullptr)
                                                  : llvm::json::Value(e.maxLength)},
        {"variant", e.variant},
        {"params", std::move(params)},
        {"measured_length", e.measuredLength},
        {"microseconds", e.microseconds},
        {"default_microseconds", e.defaultMicroseconds}});
  }
  llvm::json::Value root = llvm::json::Object{
      {"format", kFormat}, {"version", kVersion}, {"entries", std::move(entries)}};
  std::string temp = path + ".tmp";
  {
    std::error_code ec;
    llvm::raw_fd_ostream out(temp, ec);
    if (ec)
      return "cannot write tuning database '" + path + "': " + ec.message();
    out << llvm::formatv("{0:2}", root) << "\n";
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path))
    return "cannot write tuning database '" + path + "': " + ec.message();
  return "";
}

} // namespace mlir::tconv
