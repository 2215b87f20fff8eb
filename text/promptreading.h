#pragma once
// How a prompt was understood: consecutive segments, each an action and a
// style of the vocabulary with a duration and per-part overrides, plus the
// words that could not be placed. Plain data; line() is the one-line reading
// the CLI prints first and the editor shows live.

#include "motion/bodyparts.h"
#include "text/motionvocabulary.h"

#include <string>
#include <vector>

namespace mm::text {

// A segment without a duration in the prompt lasts this long.
constexpr double kDefaultSegmentSeconds = 4.0;
// "briefly", "for a moment".
constexpr double kBriefSeconds = 1.5;
// "for a while", "for a long time".
constexpr double kWhileSeconds = 8.0;

struct SegmentDuration {
  enum class Unit { Default, Seconds, Frames };
  Unit unit = Unit::Default;
  double value = kDefaultSegmentSeconds;  // seconds, or frames
  // Seconds at `fps` (frames / fps for a frame count).
  double seconds(double fps) const { return unit == Unit::Frames ? value / fps : value; }
};

struct PartOverride {
  BodyPart part;
  int action;  // vocabulary action id driving this part
};

struct PromptSegment {
  int action = -1;               // vocabulary action id; -1: any action (a style alone)
  int style = -1;                // vocabulary style id (the default style when none was named)
  bool styleNamed = false;       // named in this segment's clause
  bool styleCarried = false;     // taken over from the segment before
  std::vector<PartOverride> parts;  // the parts driven by another action than `action`
  SegmentDuration duration;
  std::string text;              // the words of the prompt it comes from
};

// An unplaced word and the closest actions or styles the vocabulary has.
struct UnplacedWord {
  std::string word;
  std::vector<std::string> closest;
};

struct PromptReading {
  std::vector<PromptSegment> segments;
  std::vector<UnplacedWord> unplaced;
  std::vector<std::string> ignored;  // known words no label conditions (speed, manner)
  std::vector<std::string> notes;    // choices the parser made ("turn: no side given, reading left")
  bool wordNet = false;              // synonyms and lemmas through WordNet
  const MotionVocabulary* vocabulary = nullptr;

  // At least one segment (an action or a style was placed).
  bool understood() const { return !segments.empty(); }
  // "2 segments: walk (old, 3.0 s) → wave-right-hand (old, default 4.0 s)",
  // then "; could not place: …", "; ignored: …", "; exact words only (no WordNet)".
  std::string line() const;
  // "could not place 'zorp' (closest: …), 'blip' (…)", empty when all placed.
  std::string unplacedMessage() const;
};

// "right arm" (display spelling of a body part).
std::string bodyPartDisplay(BodyPart part);

}  // namespace mm::text
