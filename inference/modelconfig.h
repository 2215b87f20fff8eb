#pragma once
// Size and training settings of the motion model. No torch here.

#include <cstdint>
#include <string>

namespace mm::inference {

struct ModelConfig {
  std::string name = "small";
  // "small" (sized for about half an hour of training on 2 CPU cores).
  int width = 96;           // token width d
  int layers = 3;           // blocks of (part attention, time attention, MLP)
  int heads = 4;            // attention heads (width % heads == 0)
  int mlpRatio = 3;         // MLP hidden = mlpRatio * width
  int condWidth = 64;       // conditioning vector per token (zeros: unconditional)
  int window = 48;          // frames per window (training and sliding inference)
  int overlap = 12;         // frames two inference windows share (blended)
  int trainTimesteps = 1000;  // diffusion steps of the cosine schedule
  // The frame rate the model works at (its training data's: Bandai, 30 fps).
  // Clips at other rates are resampled to it inside the tasks and back, so a
  // window covers the same 1.6 s of motion whatever the take's rate.
  double fps = 30.0;
  // Residual over the classical answer (issue 12): regenerated tokens that
  // carry a prior (Hermite, the classical fill or repair) get it as an extra
  // input and the network predicts the correction to it. Stored in the
  // checkpoint; files before the field read false and run as before.
  bool residual = false;
  // Text-to-motion (issue 13): learned action and style embeddings (of the
  // vocabulary stored with the weights) summed into each token's condition
  // vector; 0 / 0: an unconditional model (files before the fields).
  int textActions = 0;
  int textStyles = 0;
  // Text runs since issue 13's second pass: the condition also enters each
  // token through a projection beside the adaptive norm (the norm path alone
  // barely moved the output). Files before the field: false.
  bool textTokens = false;
  // Training, text runs: share of samples that generate a whole window, a
  // continuation or a long in-between (what `generate` asks of the model),
  // instead of the repair mix where most of the window is known.
  double generateShare = 0.5;
  // Training: share of samples whose text condition is dropped (classifier-
  // free guidance, and the label-free tasks' unconditional branch).
  double textDropout = 0.15;
  // Training: share of prior-carrying samples whose prior is dropped, so the
  // prior-free (and label-free) use keeps working.
  double priorDropout = 0.15;
  // Training defaults (the CLI may override).
  int batch = 16;
  double learningRate = 3e-4;
  double weightDecay = 0.01;
  double emaDecay = 0.995;
  double promptDropout = 0.1;   // classifier-free guidance: drop the quality prompt
  double detectShare = 0.25;    // share of detection samples in a batch (StableMotion)
};

// "tiny" (tests: seconds on a CPU), "small" (CPU training), "medium" (CPU, hours),
// "base" (GPU).
// False for an unknown name.
bool modelConfigByName(const std::string& name, ModelConfig* out);

}  // namespace mm::inference
