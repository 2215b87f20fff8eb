#pragma once
// Internal to inference/ (torch): network parameters <-> checkpoint arrays.

#include "inference/checkpoint.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace mm::inference {

// Parameters of `module` as "<prefix>.<name>" float arrays (copied to the CPU).
std::vector<NamedArray> exportTensors(const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                                      const std::string& prefix);
std::vector<std::pair<std::string, torch::Tensor>> namedParameters(const torch::nn::Module& module);
// Copies "<prefix>.<name>" arrays into `tensors` (in place, keeping their
// device). False with *error naming the first missing or misshapen array.
bool importTensors(const Checkpoint& checkpoint, const std::string& prefix,
                   const std::vector<std::pair<std::string, torch::Tensor>>& tensors, std::string* error);

}  // namespace mm::inference
