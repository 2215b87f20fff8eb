// MotionVocabulary: the built-in union of ds1 and ds2, the label-file loader
// (fixture tests/data/labels) and the versioned text form.
#include "text/motionvocabulary.h"

#include <QtTest>

using mm::BodyPart;
using mm::text::MotionVocabulary;
using mm::text::VocabularyEntry;

namespace {
QString data(const char* name) { return QStringLiteral(MM_TEST_DATA_DIR "/") + name; }
std::string name(const MotionVocabulary& v, std::optional<int> id, bool action) {
  if (!id) return "<none>";
  return action ? v.action(*id).name : v.style(*id).name;
}
}  // namespace

class TestVocabulary : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void builtinIsTheUnionOfBothDatasets() {
    const MotionVocabulary& v = MotionVocabulary::builtin();
    // ds1 17 + ds2 10 actions, walk and run shared; ds1 15 + ds2 7 styles,
    // normal, active, feminine, masculine, old, tired shared.
    QCOMPARE(int(v.actions().size()), 17 + 10 - 2);
    QCOMPARE(int(v.styles().size()), 15 + 7 - 6);
    QCOMPARE(name(v, v.actionForLabel("ds1", 0), true), std::string("walk"));
    QCOMPARE(v.actionForLabel("ds1", 0), v.actionForLabel("ds2", 0));
    QCOMPARE(v.actionForLabel("ds1", 1), v.actionForLabel("ds2", 3));  // run
    QCOMPARE(name(v, v.actionForLabel("ds1", 6), true), std::string("bow"));
    QCOMPARE(name(v, v.actionForLabel("ds1", 15), true), std::string("dance-long"));
    QCOMPARE(name(v, v.actionForLabel("ds2", 7), true), std::string("raise-up-both-hands"));
    QVERIFY(!v.actionForLabel("ds2", 10));
    QVERIFY(!v.actionForLabel("ds3", 0));
    // Merged: old / elderly, masculinity / masculine, tired / exhausted.
    QCOMPARE(v.styleForLabel("ds1", 9), v.styleForLabel("ds2", 1));
    QCOMPARE(name(v, v.styleForLabel("ds2", 1), false), std::string("old"));
    QCOMPARE(v.styleForLabel("ds1", 6), v.styleForLabel("ds2", 4));
    QCOMPARE(v.styleForLabel("ds1", 10), v.styleForLabel("ds2", 2));
    // Kept apart: childish / youthful, run / dash, walk-left / walk-turn-left.
    QVERIFY(v.styleForLabel("ds1", 8) != v.styleForLabel("ds2", 6));
    QVERIFY(v.findAction("dash") != v.findAction("run"));
    QVERIFY(v.findAction("walk-left") != v.findAction("walk-turn-left"));
    QCOMPARE(v.findStyle("Elderly"), v.findStyle("old"));
    QCOMPARE(v.findAction("Walk Back"), v.findAction("walk-back"));
    QCOMPARE(v.findAction("walk backwards"), v.findAction("walk-back"));
    QCOMPARE(v.findAction("jump"), -1);
    QCOMPARE(v.style(v.defaultStyle()).name, std::string("normal"));
  }

  void partsOfActions() {
    const MotionVocabulary& v = MotionVocabulary::builtin();
    QVERIFY(v.isWholeBody(v.findAction("walk")));
    QVERIFY(v.isWholeBody(v.findAction("kick")));
    QVERIFY(!v.isWholeBody(v.findAction("wave-right-hand")));
    QCOMPARE(v.action(v.findAction("wave-right-hand")).parts, std::vector<BodyPart>{BodyPart::RightArm});
    QCOMPARE(v.action(v.findAction("raise-up-both-hands")).parts,
             (std::vector<BodyPart>{BodyPart::LeftArm, BodyPart::RightArm}));
    QCOMPARE(v.action(v.findAction("bow")).parts, std::vector<BodyPart>{BodyPart::Torso});
    for (const VocabularyEntry& e : v.actions()) QVERIFY2(!e.parts.empty(), e.name.c_str());
  }

  void textRoundTrip() {
    const MotionVocabulary& v = MotionVocabulary::builtin();
    const std::string text = v.serialize();
    QVERIFY(text.rfind("mm-vocabulary\t1\n", 0) == 0);
    MotionVocabulary back;
    std::string error;
    QVERIFY2(back.parse(text, &error), error.c_str());
    QVERIFY(back == v);
    QCOMPARE(back.serialize(), text);
    // Ids are the line order: a checkpoint's ids mean the same after reading.
    for (size_t i = 0; i < v.actions().size(); ++i) QCOMPARE(back.action(int(i)).name, v.action(int(i)).name);
    QVERIFY(text.size() < 4096);  // compact enough for a checkpoint header
  }

  void parseRejectsBadText() {
    MotionVocabulary v = MotionVocabulary::builtin();
    std::string error;
    QVERIFY(!v.parse("", &error));
    QVERIFY(!v.parse("mm-vocabulary\t2\n", &error));
    QVERIFY(QString::fromStdString(error).contains("version 2"));
    QVERIFY(!v.parse("mm-vocabulary\t1\naction\twalk\tleft_wing\tds1:0:walk\t\n", &error));
    QVERIFY(QString::fromStdString(error).contains("line 2"));
    QVERIFY(!v.parse("mm-vocabulary\t1\naction\twalk\t\tds1:x:walk\t\n", &error));
    QVERIFY(!v.parse("mm-vocabulary\t1\naction\twalk\t\t\t\naction\twalk\t\t\t\n", &error));
    QVERIFY(QString::fromStdString(error).contains("duplicate"));
    QVERIFY(v == MotionVocabulary::builtin());  // untouched by failures
    QVERIFY(v.parse("mm-vocabulary\t1\naction\tjump\tleft_leg,right_leg\tds9:0:jump\tleap|hop\n", &error));
    QCOMPARE(int(v.actions().size()), 1);
    QCOMPARE(v.action(0).aliases, (std::vector<std::string>{"leap", "hop"}));
    QCOMPARE(v.actionForLabel("ds9", 0), std::optional<int>(0));
  }

  void loadsLabelFolders() {
    const mm::text::VocabularyLoad r = mm::text::loadVocabularyFromLabelFolders(
        {data("labels/ds1").toStdString(), data("labels/ds2").toStdString()});
    QVERIFY2(r.ok(), r.error.c_str());
    const MotionVocabulary& v = r.vocabulary;
    // The indices come from the files, not from the built-in table.
    QCOMPARE(name(v, v.actionForLabel("ds1", 2), true), std::string("bow"));
    QCOMPARE(name(v, v.actionForLabel("ds2", 1), true), std::string("wave-right-hand"));
    QVERIFY(!v.actionForLabel("ds1", 6));
    QCOMPARE(name(v, v.styleForLabel("ds2", 0), false), std::string("tired"));  // exhausted
    QCOMPARE(name(v, v.styleForLabel("ds2", 1), false), std::string("old"));    // elderly
    QCOMPARE(v.styleForLabel("ds1", 2), v.styleForLabel("ds2", 2));             // masculinity = masculine
    // A label the built-in vocabulary lacks is added, whole body, and noted.
    QCOMPARE(name(v, v.actionForLabel("ds2", 2), true), std::string("jump"));
    QVERIFY(v.isWholeBody(v.findAction("jump")));
    bool noted = false;
    for (const std::string& n : r.notes) noted |= n.find("'jump'") != std::string::npos;
    QVERIFY(noted);
    // Built-in entries stay (without labels here), so prompts keep their words.
    QVERIFY(v.findAction("dance-long") >= 0);
    // And it survives the text form.
    MotionVocabulary back;
    std::string error;
    QVERIFY2(back.parse(v.serialize(), &error), error.c_str());
    QVERIFY(back == v);
  }

  // Only the long dance, whose takes the release lacks, has a stand-in, and it
  // names an action of the vocabulary.
  void standIns() {
    const MotionVocabulary& v = MotionVocabulary::builtin();
    QCOMPARE(mm::text::standInAction("dance-long"), std::string("dance-short"));
    QCOMPARE(mm::text::standInAction("Dance Long"), std::string("dance-short"));
    QVERIFY(v.findAction(mm::text::standInAction("dance-long")) >= 0);
    int withStandIn = 0;
    for (const mm::text::VocabularyEntry& e : v.actions()) withStandIn += !mm::text::standInAction(e.name).empty();
    QCOMPARE(withStandIn, 1);
    QVERIFY(mm::text::standInAction("walk-back").empty());
  }

  // Every built-in action's mirror label is itself, its other-side twin, or
  // none; twins are each other's, and only the sided names change.
  void mirrorActions() {
    const MotionVocabulary& v = MotionVocabulary::builtin();
    int same = 0, twins = 0, none = 0;
    for (const mm::text::VocabularyEntry& e : v.actions()) {
      const std::string m = mm::text::mirrorAction(e.name);
      if (m.empty()) {
        ++none;
        continue;
      }
      QVERIFY2(v.findAction(m) >= 0, m.c_str());
      QCOMPARE(mm::text::mirrorAction(m), e.name);
      if (m == e.name) {
        ++same;
        QVERIFY2(e.name.find("left") == std::string::npos && e.name.find("right") == std::string::npos, m.c_str());
      } else {
        ++twins;
      }
    }
    QCOMPARE(same, 8);
    QCOMPARE(twins, 8);
    QCOMPARE(none, 9);
    QCOMPARE(mm::text::mirrorAction("Walk Turn Left"), std::string("walk-turn-right"));
    QVERIFY(mm::text::mirrorAction("bye").empty());  // one hand, no left-hand label
  }

  void missingFolderIsAnError() {
    const mm::text::VocabularyLoad r = mm::text::loadVocabularyFromLabelFolders({"/nonexistent/ds1"});
    QVERIFY(!r.ok());
    QVERIFY(QString::fromStdString(r.error).contains("content_label.txt"));
  }

  // The real label files, when the development data is unpacked.
  void realLabelFiles() {
    const QString root = QDir::homePath() + "/.cache/motionmender-data/bandai";
    if (!QFile::exists(root + "/ds1/content_label.txt") || !QFile::exists(root + "/ds2/content_label.txt"))
      QSKIP("development data not unpacked (~/.cache/motionmender-data/bandai)");
    const mm::text::VocabularyLoad r =
        mm::text::loadVocabularyFromLabelFolders({(root + "/ds1").toStdString(), (root + "/ds2").toStdString()});
    QVERIFY2(r.ok(), r.error.c_str());
    // The built-in vocabulary is exactly the data's: no new entries, no moved labels.
    QVERIFY2(r.notes.empty(), r.notes.empty() ? "" : r.notes.front().c_str());
    QVERIFY(r.vocabulary == MotionVocabulary::builtin());
  }
};

QTEST_APPLESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
