// PromptParser: exact words, inflections, phrases, sequences, durations,
// style carry-over, part composition and unknown words; the WordNet cases
// skip when the build or the machine has no WordNet. Prints the parse time
// and the WordNet initialisation time (measured, not asserted).
#include "text/promptparser.h"
#include "text/wordnet.h"

#include <QElapsedTimer>
#include <QtTest>

using mm::BodyPart;
using mm::text::MotionVocabulary;
using mm::text::PromptParser;
using mm::text::PromptReading;
using mm::text::SegmentDuration;

namespace {
const MotionVocabulary& vocab() { return MotionVocabulary::builtin(); }

PromptReading readExact(const std::string& prompt) {
  mm::text::PromptParserOptions o;
  o.wordNet = false;
  return PromptParser(vocab(), o).parse(prompt);
}
PromptReading readWordNet(const std::string& prompt) { return PromptParser(vocab()).parse(prompt); }

// "walk/old walk-back/normal" with "+right_arm=wave-right-hand" for overrides.
QString summary(const PromptReading& r) {
  QStringList out;
  for (const mm::text::PromptSegment& s : r.segments) {
    QString seg = QString::fromStdString(s.action >= 0 ? vocab().action(s.action).name : "any") + "/" +
                  QString::fromStdString(vocab().style(s.style).name);
    for (const mm::text::PartOverride& p : s.parts)
      seg += "+" + QString(mm::bodyPartName(p.part)) + "=" + QString::fromStdString(vocab().action(p.action).name);
    out << seg;
  }
  return out.join(' ');
}
QStringList unplacedWords(const PromptReading& r) {
  QStringList out;
  for (const mm::text::UnplacedWord& u : r.unplaced) out << QString::fromStdString(u.word);
  return out;
}
bool wordNetOn() { return mm::text::wordnet::status().available; }
}  // namespace

class TestPromptParser : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void exactWords_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("expected");
    QTest::newRow("walk") << "walk" << "walk/normal";
    QTest::newRow("case and article") << "A Person Bows." << "bow/normal";
    QTest::newRow("style adjective") << "an old man walks" << "walk/old";
    QTest::newRow("dataset alias") << "an elderly man walks" << "walk/old";
    QTest::newRow("style adverb") << "she dances happily" << "dance-short/happy";
    QTest::newRow("own inflections") << "waved, kicking, punches" << "wave-right-hand/normal kick/normal punch/normal";
    QTest::newRow("irregular") << "he ran" << "run/normal";
    QTest::newRow("jogging") << "jogging" << "run/normal";
    QTest::newRow("label name") << "walk-back then raise-up-left-hand" << "walk-back/normal raise-up-left-hand/normal";
    QTest::newRow("side and limb") << "waves with his left hand" << "wave-left-hand/normal";
    QTest::newRow("both hands") << "raise both hands" << "raise-up-both-hands/normal";
    QTest::newRow("plural hands") << "wave your hands" << "wave-both-hands/normal";
    QTest::newRow("backwards") << "walk backwards" << "walk-back/normal";
    QTest::newRow("sideways left") << "walk to the left" << "walk-left/normal";
    QTest::newRow("turn") << "turn right" << "walk-turn-right/normal";
    QTest::newRow("walk turn left") << "walk turn left" << "walk-turn-left/normal";
    QTest::newRow("walks turning right") << "an old man walks turning right" << "walk-turn-right/old";
    QTest::newRow("walk then turn") << "walk, then turn left" << "walk/normal walk-turn-left/normal";
    QTest::newRow("goodbye") << "he waves goodbye" << "bye/normal";
    QTest::newRow("goodbye both hands") << "wave goodbye with both hands" << "byebye/normal";
    QTest::newRow("long dance") << "a long dance" << "dance-long/normal";
    QTest::newRow("sprint") << "sprint" << "dash/normal";
    QTest::newRow("not confident") << "a man who is not confident walks" << "walk/not-confident";
    QTest::newRow("thug") << "a thug walks" << "walk/chimpira";
    QTest::newRow("style alone") << "happily" << "any/happy";
  }
  void exactWords() {
    QFETCH(QString, prompt);
    QFETCH(QString, expected);
    const PromptReading r = readExact(prompt.toStdString());
    QCOMPARE(summary(r), expected);
    QVERIFY2(r.unplaced.empty(), r.unplacedMessage().c_str());
    QVERIFY(!r.wordNet);
    QVERIFY(QString::fromStdString(r.line()).endsWith("; exact words only (no WordNet)"));
  }

  void phrases_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("expected");
    QTest::newRow("hands up") << "hands up" << "raise-up-both-hands/normal";
    QTest::newRow("show the way") << "show the way" << "guide/normal";
    QTest::newRow("say goodbye") << "say goodbye" << "bye/normal";
    QTest::newRow("bye-bye") << "bye-bye" << "byebye/normal";
    QTest::newRow("swing a sword") << "swing a sword" << "slash/normal";
    QTest::newRow("worn out") << "a worn out man walks" << "walk/tired";
    QTest::newRow("step back") << "step back" << "walk-back/normal";
    QTest::newRow("wave with his right hand") << "wave with his right hand" << "wave-right-hand/normal";
  }
  void phrases() {
    QFETCH(QString, prompt);
    QFETCH(QString, expected);
    QCOMPARE(summary(readExact(prompt.toStdString())), expected);
    QCOMPARE(summary(readWordNet(prompt.toStdString())), expected);
  }

  void wordNetSynonyms_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("expected");
    QTest::newRow("strolls") << "a man strolls" << "walk/normal";
    QTest::newRow("strolling") << "strolling" << "walk/normal";
    QTest::newRow("trotting") << "trotting" << "run/normal";
    QTest::newRow("marches") << "he marches" << "walk/normal";
    QTest::newRow("ambles") << "she ambles" << "walk/normal";
    QTest::newRow("furious") << "a furious man kicks" << "kick/angry";
    QTest::newRow("furiously") << "he punches furiously" << "punch/angry";
    QTest::newRow("aged") << "an aged woman bows" << "bow/old";
    QTest::newRow("fatigued") << "a fatigued man walks" << "walk/tired";
    QTest::newRow("shows the way") << "she shows the way" << "guide/normal";
  }
  void wordNetSynonyms() {
    if (!wordNetOn()) QSKIP("no WordNet in this build or on this machine");
    QFETCH(QString, prompt);
    QFETCH(QString, expected);
    const PromptReading r = readWordNet(prompt.toStdString());
    QCOMPARE(summary(r), expected);
    QVERIFY2(r.unplaced.empty(), r.unplacedMessage().c_str());
    QVERIFY(!QString::fromStdString(r.line()).contains("no WordNet"));
    // The same words without WordNet are not understood: the test is about WordNet.
    QVERIFY(summary(readExact(prompt.toStdString())) != expected);
  }

  void sequences() {
    QCOMPARE(summary(readExact("walk, then run, then bow")), QString("walk/normal run/normal bow/normal"));
    QCOMPARE(summary(readExact("walk and then run; after that bow")), QString("walk/normal run/normal bow/normal"));
    QCOMPARE(summary(readExact("kick followed by a punch")), QString("kick/normal punch/normal"));
    QCOMPARE(summary(readExact("punch. kick! bow")), QString("punch/normal kick/normal bow/normal"));
    // "X after Y": Y first.
    QCOMPARE(summary(readExact("run after walking")), QString("walk/normal run/normal"));
    QCOMPARE(summary(readExact("walk -> run \u2192 bow")), QString("walk/normal run/normal bow/normal"));
    const PromptReading r = readExact("walk, then run, then bow");
    QCOMPARE(QString::fromStdString(r.line()).section(';', 0, 0),
             QString("3 segments: walk (normal, default 4.0 s) \u2192 run (normal, default 4.0 s) \u2192 bow "
                     "(normal, default 4.0 s)"));
  }

  void durations() {
    auto d = [](const char* prompt, int segment = 0) { return readExact(prompt).segments.at(segment).duration; };
    QCOMPARE(d("walk for 3 seconds").unit, SegmentDuration::Unit::Seconds);
    QCOMPARE(d("walk for 3 seconds").value, 3.0);
    QCOMPARE(d("walk for 2.5 s").value, 2.5);
    QCOMPARE(d("walk 2.5s").value, 2.5);
    QCOMPARE(d("walk for 90 frames").unit, SegmentDuration::Unit::Frames);
    QCOMPARE(d("walk for 90 frames").value, 90.0);
    QCOMPARE(d("walk for 90 frames").seconds(30.0), 3.0);
    QCOMPARE(d("walk for two seconds").value, 2.0);
    QCOMPARE(d("walk for a second").value, 1.0);
    QCOMPARE(d("walk for half a second").value, 0.5);
    QCOMPARE(d("walk for 1 minute").value, 60.0);
    QCOMPARE(d("walk for 3 seconds and run for 5", 1).value, 5.0);  // no unit: seconds
    QCOMPARE(d("bow briefly").value, mm::text::kBriefSeconds);
    QCOMPARE(d("dance for a while").value, mm::text::kWhileSeconds);
    QCOMPARE(d("walk").unit, SegmentDuration::Unit::Default);
    QCOMPARE(d("walk").value, mm::text::kDefaultSegmentSeconds);
    // Each segment its own; a duration alone after a comma belongs to the segment before.
    QCOMPARE(d("walk for 3 seconds, then run", 1).unit, SegmentDuration::Unit::Default);
    QCOMPARE(d("walk, for 3 seconds, then run", 0).value, 3.0);
    const PromptReading r = readExact("walk for 3 s then run for 90 frames");
    QVERIFY(QString::fromStdString(r.line()).startsWith("2 segments: walk (normal, 3.0 s) \u2192 run (normal, 90 frames)"));
    QVERIFY(r.unplaced.empty());
  }

  void styleCarriesOver() {
    const PromptReading r = readExact("an old man walks for 3 seconds, then waves with his right hand");
    QCOMPARE(summary(r), QString("walk/old wave-right-hand/old"));
    QVERIFY(r.segments[0].styleNamed && !r.segments[0].styleCarried);
    QVERIFY(r.segments[1].styleCarried);
    QCOMPARE(QString::fromStdString(r.line()).section(';', 0, 0),
             QString("2 segments: walk (old, 3.0 s) \u2192 wave-right-hand (old, default 4.0 s)"));
    // Until changed.
    QCOMPARE(summary(readExact("a sad woman walks, then runs, then happily bows, then kicks")),
             QString("walk/sad run/sad bow/happy kick/happy"));
    // A style named alone before an action applies forward, after the last action backward.
    QCOMPARE(summary(readExact("proudly, walk")), QString("walk/proud"));
    QCOMPARE(summary(readExact("walk, proudly")), QString("walk/proud"));
  }

  void partComposition() {
    QCOMPARE(summary(readExact("walk while waving the right hand")),
             QString("walk/normal+right_arm=wave-right-hand"));
    QCOMPARE(summary(readExact("an old man walks with both hands raised")),
             QString("walk/old+left_arm=raise-up-both-hands+right_arm=raise-up-both-hands"));
    // The whole-body action is the base whichever comes first.
    QCOMPARE(summary(readExact("wave the left hand while walking")), QString("walk/normal+left_arm=wave-left-hand"));
    QCOMPARE(summary(readExact("bow while raising the left hand")), QString("bow/normal+left_arm=raise-up-left-hand"));
    QCOMPARE(summary(readExact("run, at the same time waving both hands")),
             QString("run/normal+left_arm=wave-both-hands+right_arm=wave-both-hands"));
    // Two whole-body actions do not compose: the first stays, a note says why.
    const PromptReading r = readExact("walk while running");
    QCOMPARE(summary(r), QString("walk/normal"));
    QVERIFY(!r.notes.empty());
    QVERIFY(QString::fromStdString(r.line()).contains("walk (normal, default 4.0 s; right arm: ") ==
            false);
    QVERIFY(QString::fromStdString(readExact("walk while waving the right hand").line())
                .startsWith("1 segment: walk (normal, default 4.0 s; right arm: wave-right-hand)"));
  }

  void unknownWords() {
    // Misspellings get the closest known names.
    PromptReading r = readExact("an old man wlaks then dnaces");
    QVERIFY(!r.understood() || r.segments.size() <= 1);
    QCOMPARE(unplacedWords(r), QStringList({"wlaks", "dnaces"}));
    QVERIFY(r.unplaced[0].closest.size() >= 1);
    QCOMPARE(r.unplaced[0].closest.front(), std::string("walk"));
    QCOMPARE(r.unplaced[1].closest.front(), std::string("dance-short"));
    QVERIFY(QString::fromStdString(r.line()).contains("could not place 'wlaks' (closest: walk"));
    // Known words around an unknown one still make the segments.
    r = readExact("walk like a zombie, then bow");
    QCOMPARE(summary(r), QString("walk/normal bow/normal"));
    QCOMPARE(unplacedWords(r), QStringList({"zombie"}));
    // Function words, the performer and speed words make no noise.
    r = readExact("the man is slowly walking to the door");
    QCOMPARE(summary(r), QString("walk/normal"));
    QCOMPARE(unplacedWords(r), QStringList({"door"}));
    QCOMPARE(r.ignored, std::vector<std::string>{"slowly"});
    r = readExact("act like a child and dance, then kick with the left leg as if tired");
    QCOMPARE(summary(r), QString("dance-short/childish kick/tired"));
    QVERIFY2(r.unplaced.empty(), r.unplacedMessage().c_str());
    // Non-ASCII words are reported, not dropped.
    r = readExact("walk to the caf\u00e9");
    QCOMPARE(unplacedWords(r), QStringList({QString::fromUtf8("caf\u00e9")}));
    // Nothing placed at all.
    r = readExact("xyzzy plugh");
    QVERIFY(!r.understood());
    QCOMPARE(unplacedWords(r), QStringList({"xyzzy", "plugh"}));
    QVERIFY(QString::fromStdString(r.line()).startsWith("nothing understood"));
    QVERIFY(!readExact("").understood());
    QVERIFY(!readExact("the man is").understood());
  }

  void unknownWordsWithWordNet() {
    if (!wordNetOn()) QSKIP("no WordNet in this build or on this machine");
    // Unknown to the vocabulary but known to WordNet: no placement, no noise from its senses.
    const PromptReading r = readWordNet("a robot walks");
    QCOMPARE(summary(r), QString("walk/normal"));
    QCOMPARE(unplacedWords(r), QStringList({"robot"}));
    // Rare senses of our words do not count: "operate" is a sense of run,
    // "open" reaches turn, "sneak" shares a synset with lift (= steal).
    QVERIFY(!readWordNet("the man operates").understood());
    QCOMPARE(summary(readWordNet("he walks and opens it")), QString("walk/normal"));
    QCOMPARE(summary(readWordNet("a ninja sneaks")), QString("walk/normal"));  // sneak: a kind of walk
    // "lower" the verb is not "low" the mood.
    QCOMPARE(summary(readWordNet("raise your right hand, then lower it")), QString("raise-up-right-hand/normal"));
    QCOMPARE(summary(readWordNet("an older woman walks")), QString("walk/old"));
    // Spelling and meaning both suggest.
    const PromptReading o = readWordNet("he opens");
    QCOMPARE(unplacedWords(o), QStringList({"opens"}));
  }

  // Measured, not asserted: printed to the test log.
  void timing() {
    QElapsedTimer init;
    init.start();
    const mm::text::wordnet::Status& s = mm::text::wordnet::status();
    qInfo("WordNet: %s, initialisation %.2f ms (first call in this process: %.2f ms)",
          s.available ? "on" : s.message.c_str(), s.initSeconds * 1000.0, init.nsecsElapsed() / 1e6);
    // Words no other test of this process uses, so the first WordNet parse is a cold one.
    const std::string prompt = "a weary person saunters for 3 seconds, then waves with her right hand while "
                               "striding, after that an irate punch";
    for (bool wn : {false, true}) {
      if (wn && !s.available) continue;
      mm::text::PromptParserOptions o;
      o.wordNet = wn;
      const PromptParser parser(vocab(), o);
      QElapsedTimer t;
      t.start();
      const PromptReading first = parser.parse(prompt);
      const double firstMs = t.nsecsElapsed() / 1e6;  // WordNet answers not yet cached
      const int runs = 20;
      t.restart();
      for (int i = 0; i < runs; ++i) QVERIFY(parser.parse(prompt).understood());
      qInfo("parse (%s): first %.2f ms, then (cached look-ups) %.3f ms per prompt over %d runs; %s", wn ? "WordNet" : "exact words",
            firstMs, t.nsecsElapsed() / 1e6 / runs, runs, first.line().c_str());
    }
  }
};

QTEST_APPLESS_MAIN(TestPromptParser)
#include "tst_promptparser.moc"
