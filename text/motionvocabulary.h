#pragma once
// The actions and styles a prompt can name: the union of the Bandai ds1 and
// ds2 labels (../shared/data/README.md), one canonical entry per concept.
//
// Where the two datasets name one concept differently the entry carries both
// labels: old = ds1 "old" + ds2 "elderly", masculine = ds1 "masculinity" + ds2
// "masculine", tired = ds1 "tired" + ds2 "exhausted" (the same acted fatigue;
// the datasets never share a take, so two styles would partly learn "which
// dataset"). Kept apart on purpose: childish / youthful (acting like a child
// is not being young), run / dash (dash is a sprint), walk-left / walk-turn-left
// (ds1 steps sideways, ds2 walks a curve), bye / byebye (one hand / both, measured
// on the takes).
//
// Each label keeps its (dataset, index) so that training maps a take's .json
// {"content": i, "style": j} to a vocabulary id (actionForLabel / styleForLabel).
// Qt-free and torch-free: the vocabulary travels in checkpoints as text
// (serialize / parse, versioned).

#include "motion/bodyparts.h"

#include <optional>
#include <string>
#include <vector>

namespace mm::text {

// One dataset label: "ds1", content index 6, "bow".
struct DatasetLabel {
  std::string dataset;
  int index = -1;
  std::string label;
  bool operator==(const DatasetLabel& o) const {
    return dataset == o.dataset && index == o.index && label == o.label;
  }
};

struct VocabularyEntry {
  std::string name;                  // canonical, lowercase, '-' between words ("wave-right-hand")
  std::vector<std::string> aliases;  // other names a user may type, words separated by spaces
  std::vector<DatasetLabel> labels;  // where the entry comes from
  // Actions only: the body parts whose motion the action is about. An action
  // that drives both legs is a whole-body base; the others (arm gestures, bow)
  // can be composed onto a base part by part ("walk while waving the right hand").
  std::vector<BodyPart> parts;
  bool operator==(const VocabularyEntry& o) const {
    return name == o.name && aliases == o.aliases && labels == o.labels && parts == o.parts;
  }
};

class MotionVocabulary {
 public:
  // The built-in vocabulary: ds1 and ds2 as shipped, so the editor and the CLI
  // work without the data.
  static const MotionVocabulary& builtin();

  const std::vector<VocabularyEntry>& actions() const { return mActions; }
  const std::vector<VocabularyEntry>& styles() const { return mStyles; }
  const VocabularyEntry& action(int id) const { return mActions[id]; }
  const VocabularyEntry& style(int id) const { return mStyles[id]; }

  // Id of the entry whose name or alias is `name` (case-insensitive, ' ' and
  // '_' read as '-'); -1 if none.
  int findAction(const std::string& name) const;
  int findStyle(const std::string& name) const;
  // The vocabulary id of a take's {"content": index} / {"style": index} in
  // `dataset` ("ds1", "ds2"); nullopt when the dataset or index is unknown.
  std::optional<int> actionForLabel(const std::string& dataset, int index) const;
  std::optional<int> styleForLabel(const std::string& dataset, int index) const;
  // Whole-body base: drives both legs.
  bool isWholeBody(int action) const;
  int defaultStyle() const;  // "normal"

  // Adds an entry, or merges labels and aliases into the entry of the same
  // name. Returns its id.
  int addAction(VocabularyEntry entry);
  int addStyle(VocabularyEntry entry);

  // Compact, versioned text (tab-separated lines, see the .cpp):
  // parse(serialize(v)) == v.
  std::string serialize() const;
  // Errors name the line; the vocabulary is untouched on failure.
  bool parse(const std::string& text, std::string* error);

  bool operator==(const MotionVocabulary& o) const { return mActions == o.mActions && mStyles == o.mStyles; }

 private:
  std::vector<VocabularyEntry> mActions;
  std::vector<VocabularyEntry> mStyles;
};

// The vocabulary of label folders: each folder holds content_label.txt and
// style_label.txt (lines "dataset-1_walk"; the line number is the index). The
// dataset id is "ds" + the number of the "dataset-N_" prefix, or the folder's
// name without it. Labels are matched to the built-in entries by name or alias
// ("elderly" -> old); the indices come from the files (they win over the
// built-in ones); labels the built-in vocabulary lacks become new entries
// (actions then drive the whole body) and are listed in `notes`.
struct VocabularyLoad {
  MotionVocabulary vocabulary;
  std::string error;               // empty on success
  std::vector<std::string> notes;  // new entries, labels that moved
  bool ok() const { return error.empty(); }
};
VocabularyLoad loadVocabularyFromLabelFolders(const std::vector<std::string>& folders);

// The action whose motion stands in for `action` when the weights never
// trained on it, because the data holds no take of it; "" when none does.
// dance-long -> dance-short: the Bandai release lacks every long-dance take
// (../shared/data/README.md), so a long dance is generated as the dance the
// data has. Only labels of one kind stand in for each other; a walk-back is
// not a walk.
std::string standInAction(const std::string& action);

// The action a mirror image (left and right exchanged) of a take of `action`
// shows: the same action for those with no side (walk, run, dash, walk-back,
// bow, byebye, both-hands gestures), the other side's for sided ones
// (walk-turn-left <-> walk-turn-right, wave-left-hand <-> wave-right-hand,
// raise-up-*, walk-left <-> walk-right); "" for those done with one hand or
// foot that the vocabulary has no other-side label for (bye, guide, punch,
// kick, slash, call, respond, the dances): their mirror image is a different
// action.
std::string mirrorAction(const std::string& action);

// "walk-back" style name of a free text ("Walk Back", "walk_back").
std::string canonicalName(const std::string& text);

}  // namespace mm::text
