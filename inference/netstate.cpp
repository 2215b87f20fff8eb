#include "inference/netstate.h"

namespace mm::inference {

std::vector<std::pair<std::string, torch::Tensor>> namedParameters(const torch::nn::Module& module) {
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (const auto& item : module.named_parameters(true)) out.emplace_back(item.key(), item.value());
  return out;
}

std::vector<NamedArray> exportTensors(const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                                      const std::string& prefix) {
  std::vector<NamedArray> out;
  for (const auto& [name, tensor] : tensors) {
    NamedArray a;
    a.name = prefix + "." + name;
    auto cpu = tensor.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    a.shape.assign(cpu.sizes().begin(), cpu.sizes().end());
    a.data.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    out.push_back(std::move(a));
  }
  return out;
}

bool importTensors(const Checkpoint& checkpoint, const std::string& prefix,
                   const std::vector<std::pair<std::string, torch::Tensor>>& tensors, std::string* error) {
  torch::NoGradGuard guard;
  for (const auto& [name, tensor] : tensors) {
    const NamedArray* a = checkpoint.find(prefix + "." + name);
    if (!a) {
      if (error) *error = "the model file lacks '" + prefix + "." + name + "'";
      return false;
    }
    if (std::vector<std::int64_t>(tensor.sizes().begin(), tensor.sizes().end()) != a->shape) {
      if (error) *error = "'" + a->name + "' in the model file has the wrong shape";
      return false;
    }
    auto source = torch::from_blob(const_cast<float*>(a->data.data()), tensor.sizes(), torch::kFloat32);
    tensor.copy_(source);
  }
  return true;
}

}  // namespace mm::inference
