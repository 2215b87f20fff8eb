#pragma once
// Compute-device choice for the learned models. Plain C++ API (no torch in
// this header, so it can be included anywhere).

#include <string>

namespace mm::inference {

enum class DeviceKind { Cpu, Cuda };

struct DeviceInfo {
  DeviceKind kind = DeviceKind::Cpu;
  std::string description;  // e.g. "CPU (2 threads, LibTorch 1.13.1)" or "CUDA device 0: NVIDIA H200"
};

// True if this LibTorch build has CUDA and a device is present.
bool cudaAvailable();
// "auto" (CUDA when available, else CPU), "cpu" or "cuda". Returns false with
// *error for an unknown name or "cuda" without a CUDA device.
bool chooseDevice(const std::string& request, DeviceInfo* out, std::string* error);

// CPU threads torch uses for one operation (>= 1), process-wide.
void setCpuThreads(int threads);
int cpuThreads();

}  // namespace mm::inference
