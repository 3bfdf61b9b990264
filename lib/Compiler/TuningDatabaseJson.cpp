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

// Declared here, not at file scope: mlir::Expected (llvm::Expected) would hide
// a global one.
using ::tconv::Expected;
using ::tconv::Status;

namespace {
constexpr const char *kFormat = "tconv-tuning-database";
constexpr int64_t kVersion = 1;

/// One entry from `value`, or what is wrong with it.
Expected<TunedEntry> readEntry(const llvm::json::Value &value) {
  const llvm::json::Object *o = value.getAsObject();
  if (!o)
    return Status::error("an entry is not an object");
  auto str = [&](const char *key, std::string &out) -> Status {
    std::optional<llvm::StringRef> s = o->getString(key);
    if (!s)
      return Status::error(std::string("\"") + key +
                           "\" is missing or not a string");
    out = s->str();
    return Status::success();
  };
  auto integer = [&](const char *key, int64_t &out) -> Status {
    std::optional<int64_t> i = o->getInteger(key);
    if (!i)
      return Status::error(std::string("\"") + key +
                           "\" is missing or not an integer");
    out = *i;
    return Status::success();
  };
  TunedEntry entry;
  for (const Status &s :
       {str("signature", entry.signature), str("target", entry.target),
        str("variant", entry.variant), integer("min_length", entry.minLength)})
    if (!s.ok())
      return s;
  if (const llvm::json::Value *max = o->get("max_length");
      max && max->getAsNull())
    entry.maxLength = kDynamicSize;
  else if (Status s = integer("max_length", entry.maxLength); !s.ok())
    return Status::error(s.message() + " (null: unbounded)");
  if (entry.minLength < 1 ||
      (!isDynamicSize(entry.maxLength) && entry.maxLength < entry.minLength))
    return Status::error("the length range " + std::to_string(entry.minLength) +
                         ".." + std::to_string(entry.maxLength) + " is empty");
  const llvm::json::Object *params = o->getObject("params");
  if (!params)
    return Status::error("\"params\" is missing or not an object");
  for (const auto &[key, v] : *params) {
    std::optional<int64_t> i = v.getAsInteger();
    if (!i)
      return Status::error("parameter \"" + key.str() + "\" is not an integer");
    entry.params[key.str()] = *i;
  }
  // Absent in databases written before the count was recorded: any count.
  if (const llvm::json::Value *threads = o->get("threads")) {
    std::optional<int64_t> i = threads->getAsInteger();
    if (!i || *i < 1)
      return Status::error("\"threads\" is not a positive integer");
    entry.threads = *i;
  }
  if (std::optional<int64_t> i = o->getInteger("measured_length"))
    entry.measuredLength = *i;
  if (std::optional<double> d = o->getNumber("microseconds"))
    entry.microseconds = *d;
  if (std::optional<double> d = o->getNumber("default_microseconds"))
    entry.defaultMicroseconds = *d;
  return entry;
}
} // namespace

Expected<TuningDatabase> readTuningDatabase(const std::string &path) {
  auto file = llvm::MemoryBuffer::getFile(path);
  if (!file)
    return Status::error("cannot read tuning database '" + path +
                         "': " + file.getError().message());
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*file)->getBuffer());
  if (!json)
    return Status::error("tuning database '" + path +
                         "' is not JSON: " + llvm::toString(json.takeError()));
  const llvm::json::Object *root = json->getAsObject();
  if (!root || root->getString("format") != std::optional<llvm::StringRef>(kFormat))
    return Status::error("'" + path +
                         "' is not a tconv tuning database (no \"format\": \"" +
                         kFormat + "\")");
  if (root->getInteger("version") != std::optional<int64_t>(kVersion))
    return Status::error("tuning database '" + path +
                         "' has an unsupported version (this tconv reads "
                         "version 1)");
  const llvm::json::Array *entries = root->getArray("entries");
  if (!entries)
    return Status::error("tuning database '" + path +
                         "' has no \"entries\" array");
  TuningDatabase read;
  for (size_t i = 0; i < entries->size(); ++i) {
    Expected<TunedEntry> entry = readEntry((*entries)[i]);
    if (!entry.ok())
      return Status::error("tuning database '" + path + "', entry " +
                           std::to_string(i) + ": " + entry.message());
    read.entries.push_back(std::move(entry).value());
  }
  return read;
}

Status writeTuningDatabase(const std::string &path, const TuningDatabase &db) {
  llvm::json::Array entries;
  for (const TunedEntry &e : db.entries) {
    llvm::json::Object params;
    for (const auto &[name, value] : e.params)
      params[name] = value;
    llvm::json::Object entry{
        {"signature", e.signature},
        {"target", e.target},
        {"min_length", e.minLength},
        {"max_length", isDynamicSize(e.maxLength) ? llvm::json::Value(nullptr)
                                                  : llvm::json::Value(e.maxLength)},
        {"variant", e.variant},
        {"params", std::move(params)},
        {"measured_length", e.measuredLength},
        {"microseconds", e.microseconds},
        {"default_microseconds", e.defaultMicroseconds}};
    if (e.threads != ::tconv::codegen::kAnyThreadCount)
      entry["threads"] = e.threads;
    entries.push_back(std::move(entry));
  }
  llvm::json::Value root = llvm::json::Object{
      {"format", kFormat}, {"version", kVersion}, {"entries", std::move(entries)}};
  std::string temp = path + ".tmp";
  {
    std::error_code ec;
    llvm::raw_fd_ostream out(temp, ec);
    if (ec)
      return Status::error("cannot write tuning database '" + path +
                           "': " + ec.message());
    out << llvm::formatv("{0:2}", root) << "\n";
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path))
    return Status::error("cannot write tuning database '" + path +
                         "': " + ec.message());
  return Status::success();
}

} // namespace mlir::tconv
