#include "inference/device.h"

#include <torch/torch.h>

namespace mm::inference {

bool cudaAvailable() {
  try {
    return torch::cuda::is_available();
  } catch (const std::exception&) {
    return false;
  }
}

bool chooseDevice(const std::string& request, DeviceInfo* out, std::string* error) {
  const bool cuda = cudaAvailable();
  if (request != "auto" && request != "cpu" && request != "cuda") {
    if (error) *error = "unknown device '" + request + "' (expected auto, cpu or cuda)";
    return false;
  }
  if (request == "cuda" && !cuda) {
    if (error) *error = "no CUDA device is available to this build of LibTorch";
    return false;
  }
  DeviceInfo info;
  if (request == "cuda" || (request == "auto" && cuda)) {
    info.kind = DeviceKind::Cuda;
    info.description = "CUDA (" + std::to_string(torch::cuda::device_count()) + " device(s))";
  } else {
    info.kind = DeviceKind::Cpu;
    info.description = "CPU (" + std::to_string(at::get_num_threads()) + " threads)";
  }
  if (out) *out = info;
  return true;
}

void setCpuThreads(int threads) { at::set_num_threads(threads < 1 ? 1 : threads); }
int cpuThreads() { return at::get_num_threads(); }

}  // namespace mm::inference
