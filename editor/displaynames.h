#pragma once
// Names of artifact types, decisions, body parts and labels as the user
// reads them, translated (the file and CLI spellings, "foot_skate", stay in
// motion/ and editor/artifact.h).

#include "editor/artifact.h"
#include "motion/bodyparts.h"
#include "motion/labels/qualitylabels.h"
#include "motion/quality/artifacttype.h"

#include <QString>

namespace mm::editor {

QString artifactTypeTitle(ArtifactType type);
QString decisionTitle(Decision decision);
QString bodyPartTitle(BodyPart part);
QString qualityLabelTitle(QualityLabel label);
// "Left arm, Right leg"; "All parts" for all five.
QString partMaskTitle(std::uint8_t mask);

}  // namespace mm::editor
