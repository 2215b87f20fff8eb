// One undoable command per user action: each is redone, undone and redone
// on a real document, and undo restores the clip, the artifacts and the
// labels exactly (bit for bit).

#include "editor/commands/commands.h"
#include "editor/document.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/quality/qualityreport.h"
#include "tasks/repairjobs.h"
#include "testutil_editor.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace mm;
using namespace mm::testing;
using editor::Decision;

namespace {

// The whole review state that commands may change.
struct State {
  Clip clip;
  std::vector<editor::Artifact> artifacts;
  QualityLabels labels;
  bool operator==(const State& o) const {
    return sameBits(clip, o.clip) && artifacts == o.artifacts && labels == o.labels;
  }
};

State stateOf(const editor::Document& doc) { return State{doc.clip(), doc.artifacts(), doc.labels()}; }

// A document holding the broken kick take, analysed, with a proposal for
// every artifact computed by the same job the task runner runs.
void openAnalysed(editor::Document& doc) {
  doc.setClip(brokenKickTake());
  QualityAnalyzer analyzer;
  doc.setReport(std::make_shared<const QualityReport>(analyzer.analyze(doc.clip(), doc.parts(), {})));
  for (const editor::Artifact& a : doc.artifacts()) {
    const tasks::JobOutcome job =
        tasks::repairArtifactJob(doc.clip(), a.span(), doc.parts(), tasks::Method::Classic, {});
    if (!job.ok() || job.patch.empty()) continue;
    editor::Proposal p;
    p.artifactId = a.id;
    p.method = QStringLiteral("classic");
    p.patch = job.patch;
    doc.setProposal(p);
  }
}

// Redo / undo / redo of the command on top of the stack: undo gives back
// `before` exactly, redo gives back what the first redo made.
void checkUndoRedo(editor::Document& doc, const State& before) {
  const State after = stateOf(doc);
  QVERIFY(!(after == before));
  doc.undoStack()->undo();
  QVERIFY(stateOf(doc) == before);
  doc.undoStack()->redo();
  QVERIFY(stateOf(doc) == after);
  doc.undoStack()->undo();
  QVERIFY(stateOf(doc) == before);
  doc.undoStack()->redo();
}

}  // namespace

class TestCommands : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void analysisFindsTheInjectedArtifacts() {
    editor::Document doc;
    openAnalysed(doc);
    bool pop = false, frozen = false;
    for (const editor::Artifact& a : doc.artifacts()) {
      pop = pop || (a.type == ArtifactType::Pop && a.start >= 15 && a.end <= 65);
      frozen = frozen || (a.type == ArtifactType::Frozen && a.start >= 95 && a.end <= 155);
    }
    QVERIFY(pop);
    QVERIFY(frozen);
  }

  void acceptAppliesOnlyTheProposal() {
    editor::Document doc;
    openAnalysed(doc);
    int id = 0;
    for (const editor::Artifact& a : doc.artifacts())
      if (doc.proposal(a.id)) {
        id = a.id;
        break;
      }
    QVERIFY(id);
    const editor::Artifact art = *doc.artifact(id);
    const Patch patch = doc.proposal(id)->patch;
    const State before = stateOf(doc);
    QSignalSpy motion(&doc, &editor::Document::motionChanged);
    doc.undoStack()->push(new editor::AcceptProposalCommand(&doc, id));
    QVERIFY(motion.count() >= 1);  // typed: names frames and joints
    QCOMPARE(doc.artifact(id)->decision, Decision::Accepted);
    QVERIFY(!doc.proposal(id));
    // Only the patch's frames x joints changed.
    const std::vector<int> joints = patch.joints();
    const FrameRange r = patch.bounds();
    for (int f = 0; f < doc.frameCount(); ++f)
      for (int j = 0; j < doc.clip().jointCount(); ++j) {
        const bool inside = r.contains(f) && std::binary_search(joints.begin(), joints.end(), j);
        if (inside) continue;
        QVERIFY(doc.clip().rotation(f, j).coeffs() == before.clip.rotation(f, j).coeffs());
      }
    // Labels: the artifact's frames x parts are bad with its type.
    for (BodyPart p : kAllBodyParts)
      if (art.hasPart(p)) {
        QCOMPARE(doc.labels().label(art.start, p), QualityLabel::Bad);
        QCOMPARE(*doc.labels().type(art.start, p), art.type);
      }
    checkUndoRedo(doc, before);
    doc.undoStack()->undo();
    QVERIFY(doc.proposal(id));  // undo gives the proposal back
  }

  void rejectLabelsGood() {
    editor::Document doc;
    openAnalysed(doc);
    const editor::Artifact a = doc.artifacts().front();
    const State before = stateOf(doc);
    doc.undoStack()->push(new editor::RejectArtifactCommand(&doc, a.id));
    QCOMPARE(doc.artifact(a.id)->decision, Decision::Rejected);
    for (BodyPart p : kAllBodyParts)
      if (a.hasPart(p)) QCOMPARE(doc.labels().label(a.start, p), QualityLabel::Good);
    QVERIFY(sameBits(doc.clip(), before.clip));  // a rejection changes no motion
    checkUndoRedo(doc, before);
  }

  void editMergesOneDrag() {
    editor::Document doc;
    openAnalysed(doc);
    const editor::Artifact a = doc.artifacts().front();
    const bool hadProposal = doc.proposal(a.id) != nullptr;
    const State before = stateOf(doc);
    for (int step = 1; step <= 5; ++step) {  // a handle dragged over five frames
      editor::Artifact e = *doc.artifact(a.id);
      e.end = a.end + step;
      doc.undoStack()->push(new editor::EditArtifactCommand(&doc, e, /*dragId=*/42));
    }
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.artifact(a.id)->end, a.end + 5);
    QCOMPARE(doc.artifact(a.id)->decision, Decision::Edited);
    QVERIFY(!doc.proposal(a.id));  // the old span's fix no longer fits
    checkUndoRedo(doc, before);
    doc.undoStack()->undo();
    QCOMPARE(doc.proposal(a.id) != nullptr, hadProposal);
    // A second drag is a second command.
    doc.undoStack()->redo();
    editor::Artifact e = *doc.artifact(a.id);
    e.start += 1;
    doc.undoStack()->push(new editor::EditArtifactCommand(&doc, e, 43));
    QCOMPARE(doc.undoStack()->count(), 2);
  }

  void addArtifactByTheUser() {
    editor::Document doc;
    openAnalysed(doc);
    const State before = stateOf(doc);
    auto* cmd = new editor::AddArtifactCommand(&doc, ArtifactType::FootSkate, 70, 80, 1u << 3);
    doc.undoStack()->push(cmd);
    const editor::Artifact* a = doc.artifact(cmd->artifactId());
    QVERIFY(a);
    QCOMPARE(a->origin, editor::ArtifactOrigin::User);
    QCOMPARE(doc.labels().label(75, BodyPart::LeftLeg), QualityLabel::Bad);
    QCOMPARE(doc.labels().label(75, BodyPart::RightLeg), QualityLabel::Unlabelled);
    checkUndoRedo(doc, before);
  }

  void paintStrokeIsOneCommand() {
    editor::Document doc;
    doc.setClip(kickTake());
    const State before = stateOf(doc);
    for (int f = 10; f < 30; f += 2)  // a brush dragged across the part row
      doc.undoStack()->push(new editor::PaintLabelsCommand(&doc, f, f + 3, 1u << 2, QualityLabel::Unsure, {}, 7));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.labels().label(10, BodyPart::RightArm), QualityLabel::Unsure);
    QCOMPARE(doc.labels().label(30, BodyPart::RightArm), QualityLabel::Unsure);
    QCOMPARE(doc.labels().label(31, BodyPart::RightArm), QualityLabel::Unlabelled);
    checkUndoRedo(doc, before);
    // Erase is painting Unlabelled.
    const State painted = stateOf(doc);
    doc.undoStack()->push(new editor::PaintLabelsCommand(&doc, 0, 100, 0x1F, QualityLabel::Unlabelled, {}, 8));
    QCOMPARE(doc.labels().labelledCount(), 0LL);
    checkUndoRedo(doc, painted);
  }

  void repairSelectionAndRevert() {
    editor::Document doc;
    doc.setClip(brokenKickTake());
    const State before = stateOf(doc);
    const FrameRange range{30, 45};
    tasks::JobOutcome job = tasks::inbetweenJob(doc.clip(), range, tasks::Method::Classic, {});
    QVERIFY2(job.ok(), job.error.c_str());
    QVERIFY(!job.patch.empty());
    QVERIFY(job.patch.bounds().start >= range.start && job.patch.bounds().end <= range.end);
    doc.undoStack()->push(new editor::ApplyPatchCommand(&doc, job.patch, QStringLiteral("In-between")));
    checkUndoRedo(doc, before);
    // Revert the arms of part of it to the original.
    const State repaired = stateOf(doc);
    Patch back = editor::revertPatch(doc, FrameRange{35, 40}, (1u << 1) | (1u << 2));
    QVERIFY(!back.empty());
    doc.undoStack()->push(new editor::ApplyPatchCommand(&doc, back, QStringLiteral("Revert")));
    for (int f = 35; f < 40; ++f)
      for (int j = 0; j < doc.clip().jointCount(); ++j) {
        const BodyPart p = doc.parts().part(j);
        if (p == BodyPart::LeftArm || p == BodyPart::RightArm)
          QVERIFY(doc.clip().rotation(f, j).coeffs() == doc.original().rotation(f, j).coeffs());
        else
          QVERIFY(doc.clip().rotation(f, j).coeffs() == repaired.clip.rotation(f, j).coeffs());
      }
    checkUndoRedo(doc, repaired);
  }
  void insertAndRemoveFrames() {
    editor::Document doc;
    openAnalysed(doc);
    doc.undoStack()->push(new editor::PaintLabelsCommand(&doc, 0, doc.frameCount(), 1u, QualityLabel::Good));
    const State before = stateOf(doc);
    const int F = doc.frameCount();
    const Clip original = doc.original();
    // Insert 25 frames (a copy of frames 0-24) before frame 100.
    Clip inserted = doc.clip().subClip(0, 25);
    auto* ins = new editor::InsertFramesCommand(&doc, 100, inserted, QStringLiteral("Insert"));
    QVERIFY(ins->isValid());
    doc.undoStack()->push(ins);
    QCOMPARE(doc.frameCount(), F + 25);
    QCOMPARE(doc.original().frameCount(), F + 25);
    QCOMPARE(doc.labels().label(110, BodyPart::Torso), QualityLabel::Unlabelled);  // new frames: no labels
    QCOMPARE(doc.labels().label(130, BodyPart::Torso), QualityLabel::Good);
    for (const editor::Artifact& a : doc.artifacts()) {
      const editor::Artifact* b = nullptr;
      for (const editor::Artifact& o : before.artifacts)
        if (o.id == a.id) b = &o;
      QVERIFY(b);
      if (b->start >= 100) QCOMPARE(a.start, b->start + 25);  // moved with their frames
    }
    QVERIFY(doc.clip().rotation(100, 3).coeffs() == before.clip.rotation(0, 3).coeffs());
    QVERIFY(doc.clip().rotation(125, 3).coeffs() == before.clip.rotation(100, 3).coeffs());
    checkUndoRedo(doc, before);
    doc.undoStack()->undo();
    QVERIFY(sameBits(doc.original(), original));
    // Remove frames 30-49: undo gives back frames, labels and artifacts.
    doc.undoStack()->push(new editor::RemoveFramesCommand(&doc, 30, 20));
    QCOMPARE(doc.frameCount(), F - 20);
    checkUndoRedo(doc, before);
    doc.undoStack()->undo();
    QVERIFY(sameBits(doc.original(), original));
    // Frames of another skeleton are refused.
    const Clip other = walkerClip();
    auto* bad = new editor::InsertFramesCommand(&doc, 0, other, QStringLiteral("Insert"));
    QVERIFY(!bad->isValid());
    delete bad;
  }
};

QTEST_MAIN(TestCommands)
#include "tst_commands.moc"
