#include "batch.h"

#include "app/eval/datasetfiles.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

namespace mm::cli {

bool isDirectory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

int takeBatchOptions(Args& args, BatchOptions* out) {
  std::string text;
  if (args.takeOption("--jobs", &text)) {
    char* end = nullptr;
    const long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end || n < 1 || n > 1024) return fail(kUsage, "--jobs '" + text + "': expected a number from 1");
    out->jobs = static_cast<int>(n);
  }
  if (args.takeOption("--shard", &text)) {
    unsigned i = 0, n = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%u/%u%c", &i, &n, &tail) != 2 || n < 1 || i >= n)
      return fail(kUsage, "--shard '" + text + "': expected I/N with 0 <= I < N (e.g. 0/4)");
    out->shard = static_cast<int>(i);
    out->shards = static_cast<int>(n);
  }
  return kOk;
}

int runBatch(const BatchOptions& options, const std::function<std::string(const std::string&)>& outPath,
             const TakeJob& job) {
  namespace fs = std::filesystem;
  const std::vector<std::string> all = eval::listMotionFiles(options.inDir);
  if (all.empty()) return fail(kError, options.inDir + ": no readable motion file in this folder");
  // The shard's takes (by index in the sorted list), minus those already done.
  std::vector<std::pair<std::string, std::string>> todo;
  int done = 0, mine = 0;
  for (size_t k = 0; k < all.size(); ++k) {
    if (static_cast<int>(k % static_cast<size_t>(options.shards)) != options.shard) continue;
    ++mine;
    const std::string rel = fs::relative(all[k], options.inDir).generic_string();
    const std::string out = (fs::path(options.outDir) / outPath(rel)).string();
    std::error_code ec;
    if (fs::exists(out, ec)) {
      ++done;
      continue;
    }
    todo.emplace_back(all[k], out);
  }
  std::printf("%zu takes in %s; shard %d/%d: %d takes, %d already done, %zu to run\n", all.size(),
              options.inDir.c_str(), options.shard, options.shards, mine, done, todo.size());
  std::fflush(stdout);
  const int threads = std::max(1, std::min<int>(options.jobs > 0 ? options.jobs
                                                                 : static_cast<int>(std::thread::hardware_concurrency()),
                                                static_cast<int>(todo.size())));
  std::atomic<size_t> next{0};
  std::atomic<int> failed{0};
  std::mutex printing;
  auto worker = [&] {
    for (size_t i = next++; i < todo.size(); i = next++) {
      const auto& [in, out] = todo[i];
      std::error_code ec;
      fs::create_directories(fs::path(out).parent_path(), ec);
      const std::string error = job(in, out);
      std::lock_guard<std::mutex> lock(printing);
      if (error.empty()) {
        std::printf("  %s -> %s\n", in.c_str(), out.c_str());
      } else {
        ++failed;
        std::fprintf(stderr, "motionmender-cli: %s: %s\n", in.c_str(), error.c_str());
      }
      std::fflush(stdout);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  std::printf("%zu takes run, %d failed, %d skipped (done before)\n", todo.size(), failed.load(), done);
  return failed.load() ? kError : kOk;
}

}  // namespace mm::cli
