#pragma once
// Folder batches of `analyze` and `clean`: every motion file of IN (a
// folder), one output per take under OUTDIR (same relative path), on every
// core (--jobs N), resumable (takes whose output exists are skipped, and
// outputs are written atomically, so a kill leaves none half-written), and
// split with --shard I/N (take k goes to shard k mod N), so a scheduler's
// array jobs spread a library over a cluster with no code of ours.

#include "cli.h"

#include <functional>
#include <string>

namespace mm::cli {

struct BatchOptions {
  std::string inDir;
  std::string outDir;
  int jobs = 0;  // 0: one per core
  int shard = 0;
  int shards = 1;
};

// Removes --jobs and --shard from args; kOk or kUsage (after printing why).
int takeBatchOptions(Args& args, BatchOptions* out);

// The output of one take. Returns "" on success or the error for the user
// (the file is named by the caller). Called from several threads.
using TakeJob = std::function<std::string(const std::string& inPath, const std::string& outPath)>;

// Runs `job` for every take of the shard whose output (outPath(relative))
// does not exist yet. Prints one line per take and a summary; kOk when
// every take succeeded, kError otherwise (the others still run).
int runBatch(const BatchOptions& options, const std::function<std::string(const std::string& relative)>& outPath,
             const TakeJob& job);

// True if `path` is a folder.
bool isDirectory(const std::string& path);

}  // namespace mm::cli
