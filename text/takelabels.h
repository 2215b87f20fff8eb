#pragma once
// The action and style of a take, from its dataset labels: the `.json` beside
// the motion file ({"content": i, "style": j}) and its folder's
// content_label.txt ("dataset-1_walk": dataset ds1), mapped through a
// vocabulary. Training uses it to condition the model on text.

#include "text/motionvocabulary.h"

#include <string>

namespace mm::text {

struct TakeLabels {
  int action = -1;  // vocabulary ids; -1 when the take has no (known) label
  int style = -1;
  std::string dataset;  // "ds1", or the folder's name
  bool labelled() const { return action >= 0 && style >= 0; }
};

// No .json beside the file (or an index the vocabulary lacks): -1 / -1.
// False with *error ("PATH: ...") only for a .json that exists but cannot be read.
bool readTakeLabels(const MotionVocabulary& vocabulary, const std::string& motionPath, TakeLabels* out,
                    std::string* error);

}  // namespace mm::text
