#pragma once
// Progress and cancellation of one quality analysis. The analysis is a
// sequence of passes (building the shared signals, then one per detector);
// the job gives each pass a slice of [0, 1] in proportion to its measured
// cost, and the long passes report how far they are within their slice at
// frame blocks or joints, so a one-hour take reports progress every few
// milliseconds and stops within one joint's worth of work once asked.

#include <functional>

namespace mm {

class AnalysisProgress {
 public:
  // `report(fraction)` returns false to stop the analysis. May be empty.
  explicit AnalysisProgress(std::function<bool(double)> report = {}) : mReport(std::move(report)) {}

  // Starts a pass covering [begin, end) of the whole.
  void beginPass(double begin, double end) {
    mBegin = begin;
    mEnd = end;
  }
  // Reports `within` (0..1) of the current pass; false once stopping was asked
  // (then and ever after, so every pass returns early).
  bool at(double within) {
    if (mStopped) return false;
    if (mReport && !mReport(mBegin + (mEnd - mBegin) * within)) mStopped = true;
    return !mStopped;
  }
  bool stopped() const { return mStopped; }

 private:
  std::function<bool(double)> mReport;
  double mBegin = 0.0, mEnd = 1.0;
  bool mStopped = false;
};

}  // namespace mm
