#include "editor/displaynames.h"

#include <QCoreApplication>
#include <QStringList>

namespace mm::editor {

QString artifactTypeTitle(ArtifactType type) {
  switch (type) {
    case ArtifactType::Pop: return QCoreApplication::translate("DisplayNames", "Pop");
    case ArtifactType::Frozen: return QCoreApplication::translate("DisplayNames", "Frozen");
    case ArtifactType::Jitter: return QCoreApplication::translate("DisplayNames", "Jitter");
    case ArtifactType::FootSkate: return QCoreApplication::translate("DisplayNames", "Foot skate");
    case ArtifactType::Penetration: return QCoreApplication::translate("DisplayNames", "Floor penetration");
    case ArtifactType::Floating: return QCoreApplication::translate("DisplayNames", "Floating");
    case ArtifactType::Stretch: return QCoreApplication::translate("DisplayNames", "Bone stretch");
    case ArtifactType::Hyperextension: return QCoreApplication::translate("DisplayNames", "Hyperextension");
    case ArtifactType::Flip: return QCoreApplication::translate("DisplayNames", "Flip");
    case ArtifactType::Missing: return QCoreApplication::translate("DisplayNames", "Missing data");
    case ArtifactType::OverSmoothed: return QCoreApplication::translate("DisplayNames", "Over-smoothed");
    case ArtifactType::Drift: return QCoreApplication::translate("DisplayNames", "Drift");
  }
  return QString::fromLatin1(artifactTypeName(type));
}

QString decisionTitle(Decision decision) {
  switch (decision) {
    case Decision::Pending: return QCoreApplication::translate("DisplayNames", "Pending");
    case Decision::Accepted: return QCoreApplication::translate("DisplayNames", "Accepted");
    case Decision::Rejected: return QCoreApplication::translate("DisplayNames", "Rejected");
    case Decision::Edited: return QCoreApplication::translate("DisplayNames", "Edited");
  }
  return {};
}

QString bodyPartTitle(BodyPart part) {
  switch (part) {
    case BodyPart::Torso: return QCoreApplication::translate("DisplayNames", "Torso");
    case BodyPart::LeftArm: return QCoreApplication::translate("DisplayNames", "Left arm");
    case BodyPart::RightArm: return QCoreApplication::translate("DisplayNames", "Right arm");
    case BodyPart::LeftLeg: return QCoreApplication::translate("DisplayNames", "Left leg");
    case BodyPart::RightLeg: return QCoreApplication::translate("DisplayNames", "Right leg");
  }
  return QString::fromLatin1(bodyPartName(part));
}

QString qualityLabelTitle(QualityLabel label) {
  switch (label) {
    case QualityLabel::Unlabelled: return QCoreApplication::translate("DisplayNames", "Erase");
    case QualityLabel::Good: return QCoreApplication::translate("DisplayNames", "Good");
    case QualityLabel::Bad: return QCoreApplication::translate("DisplayNames", "Bad");
    case QualityLabel::Unsure: return QCoreApplication::translate("DisplayNames", "Unsure");
  }
  return {};
}

QString partMaskTitle(std::uint8_t mask) {
  if ((mask & 0x1F) == 0x1F) return QCoreApplication::translate("DisplayNames", "All parts");
  QStringList names;
  for (BodyPart part : kAllBodyParts)
    if ((mask >> bodyPartIndex(part)) & 1u) names << bodyPartTitle(part);
  return names.join(QStringLiteral(", "));
}

}  // namespace mm::editor
