#include "app/gui/promptdock.h"

#include "editor/document.h"
#include "editor/generationcontroller.h"
#include "text/promptreading.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QVBoxLayout>

namespace mm::app {

namespace {

using Placement = editor::GenerationController::Placement;

QString html(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

// The word being typed: from the last space (or the start) to the cursor.
QString currentWord(const QLineEdit* edit) {
  const QString before = edit->text().left(edit->cursorPosition());
  const int space = before.lastIndexOf(QLatin1Char(' '));
  const int comma = before.lastIndexOf(QLatin1Char(','));
  return before.mid(std::max(space, comma) + 1);
}

}  // namespace

PromptDock::PromptDock(editor::Document* doc, editor::GenerationController* generation, QWidget* parent)
    : QDockWidget(tr("Generate"), parent), mDoc(doc), mGeneration(generation) {
  setObjectName(QStringLiteral("promptDock"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(4, 4, 4, 4);

  mPrompt = new QLineEdit(body);
  mPrompt->setObjectName(QStringLiteral("prompt"));
  mPrompt->setPlaceholderText(tr("e.g. an old man walks, then waves with his right hand"));
  mPrompt->setClearButtonEnabled(true);
  // Completion of the word under the cursor (not the whole line): the
  // prefix is set on every key and a chosen word replaces it.
  mCompleter = new QCompleter(new QStringListModel(mGeneration->vocabularyWords(), this), this);
  mCompleter->setCaseSensitivity(Qt::CaseInsensitive);
  mCompleter->setWidget(mPrompt);
  mCompleter->setCompletionMode(QCompleter::PopupCompletion);
  connect(mCompleter, qOverload<const QString&>(&QCompleter::activated), this, &PromptDock::completeWord);
  layout->addWidget(mPrompt);

  mReading = new QLabel(body);
  mReading->setObjectName(QStringLiteral("reading"));
  mReading->setWordWrap(true);
  mReading->setTextFormat(Qt::RichText);
  mReading->setMinimumHeight(mReading->fontMetrics().height() * 3);
  mReading->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  layout->addWidget(mReading);

  auto* form = new QFormLayout;
  mPlacement = new QComboBox(body);
  mPlacement->setObjectName(QStringLiteral("placement"));
  mPlacement->addItem(tr("Insert at the play head"), static_cast<int>(Placement::InsertAtPlayHead));
  mPlacement->addItem(tr("Replace the selection"), static_cast<int>(Placement::ReplaceSelection));
  mPlacement->addItem(tr("New take"), static_cast<int>(Placement::NewTake));
  form->addRow(tr("Place:"), mPlacement);
  mSeconds = new QDoubleSpinBox(body);
  mSeconds->setObjectName(QStringLiteral("seconds"));
  mSeconds->setRange(0.0, 120.0);
  mSeconds->setDecimals(1);
  mSeconds->setSingleStep(0.5);
  mSeconds->setSuffix(tr(" s"));
  mSeconds->setSpecialValueText(tr("from the prompt"));
  mSeconds->setToolTip(tr("Length of the generated motion; \"from the prompt\" uses the durations it names "
                          "(4 s per segment otherwise). Replacing the selection keeps its length."));
  form->addRow(tr("Length:"), mSeconds);
  mSamples = new QSpinBox(body);
  mSamples->setObjectName(QStringLiteral("samples"));
  mSamples->setRange(1, 8);
  mSamples->setValue(3);
  mSamples->setToolTip(tr("Candidates to choose from, each drawn as the ghost"));
  form->addRow(tr("Samples:"), mSamples);
  layout->addLayout(form);

  auto* run = new QHBoxLayout;
  mGenerate = new QPushButton(tr("&Generate"), body);
  mGenerate->setObjectName(QStringLiteral("generate"));
  mCancel = new QPushButton(tr("Cancel"), body);
  mCancel->setObjectName(QStringLiteral("cancelGenerate"));
  run->addWidget(mGenerate, 1);
  run->addWidget(mCancel);
  layout->addLayout(run);

  mCandidates = new QListWidget(body);
  mCandidates->setObjectName(QStringLiteral("candidates"));
  mCandidates->setSelectionMode(QAbstractItemView::SingleSelection);
  mCandidates->setMaximumHeight(mCandidates->fontMetrics().height() * 6);
  layout->addWidget(mCandidates);

  auto* decide = new QHBoxLayout;
  mApply = new QPushButton(tr("&Apply"), body);
  mApply->setObjectName(QStringLiteral("applyGenerated"));
  mDiscard = new QPushButton(tr("&Discard"), body);
  mDiscard->setObjectName(QStringLiteral("discardGenerated"));
  decide->addWidget(mApply, 1);
  decide->addWidget(mDiscard);
  layout->addLayout(decide);

  mStatus = new QLabel(body);
  mStatus->setObjectName(QStringLiteral("generateStatus"));
  mStatus->setWordWrap(true);
  layout->addWidget(mStatus);
  layout->addStretch(1);
  setWidget(body);

  connect(mPrompt, &QLineEdit::textEdited, this, [this] {
    const QString word = currentWord(mPrompt);
    if (word.size() < 2) {
      mCompleter->popup()->hide();
      return;
    }
    mCompleter->setCompletionPrefix(word);
    if (mCompleter->completionCount() > 0 &&
        mCompleter->currentCompletion().compare(word, Qt::CaseInsensitive) != 0)
      mCompleter->complete();
    else
      mCompleter->popup()->hide();
  });
  connect(mPrompt, &QLineEdit::textChanged, this, &PromptDock::updateReading);
  connect(mPrompt, &QLineEdit::returnPressed, this, [this] {
    if (!mCompleter->popup()->isVisible()) startGeneration();
  });
  connect(mGenerate, &QPushButton::clicked, this, &PromptDock::startGeneration);
  connect(mCancel, &QPushButton::clicked, this, [this] {
    mGeneration->cancel();
    mStatus->setText(tr("Cancelled."));
    updateButtons();
  });
  connect(mPlacement, qOverload<int>(&QComboBox::currentIndexChanged), this, &PromptDock::updateButtons);
  connect(mCandidates, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0 && row != mGeneration->chosen()) mGeneration->choose(row);
  });
  connect(mApply, &QPushButton::clicked, this, [this] {
    if (mGeneration->placement() == Placement::NewTake) {
      Q_EMIT newTakeRequested();
      return;
    }
    QString error;
    if (!mGeneration->apply(&error)) mStatus->setText(error);
  });
  connect(mDiscard, &QPushButton::clicked, mGeneration, &editor::GenerationController::discard);
  connect(mGeneration, &editor::GenerationController::candidatesReady, this, &PromptDock::showCandidates);
  connect(mGeneration, &editor::GenerationController::chosenChanged, this, [this](int k) {
    if (k < 0) {
      mCandidates->clear();
    } else if (mCandidates->currentRow() != k) {
      mCandidates->setCurrentRow(k);
    }
    updateButtons();
  });
  connect(mGeneration, &editor::GenerationController::applied, this, [this] {
    mStatus->setText(tr("Applied: Edit > Undo takes it back. The new frames are analysed like any other."));
    updateButtons();
  });
  connect(mGeneration, &editor::GenerationController::failed, this, [this](const QString& m) {
    mStatus->setText(tr("Generation failed: %1").arg(m));
    updateButtons();
  });
  connect(mDoc, &editor::Document::selectionChanged, this, &PromptDock::updateButtons);
  connect(mDoc, &editor::Document::clipChanged, this, &PromptDock::updateButtons);
  updateReading();
}

void PromptDock::updateReading() {
  const text::PromptReading r = mGeneration->read(mPrompt->text());
  mUnderstood = r.understood();
  const text::MotionVocabulary& v = r.vocabulary ? *r.vocabulary : text::MotionVocabulary::builtin();
  QStringList lines;
  if (mPrompt->text().trimmed().isEmpty()) {
    lines << tr("Describe the motion with the actions and styles the model knows (walk, run, wave, bow, "
                "old, happy, ...), in a sequence (\"walk, then run\"), for a duration (\"for 3 seconds\") "
                "or per body part (\"walk while waving the right hand\").");
  } else if (r.segments.empty()) {
    lines << QStringLiteral("<b>%1</b>").arg(tr("Nothing understood yet."));
  }
  for (size_t i = 0; i < r.segments.size(); ++i) {
    const text::PromptSegment& s = r.segments[i];
    QString line = QStringLiteral("%1. <b>%2</b>, %3")
                       .arg(i + 1)
                       .arg(s.action >= 0 ? html(v.action(s.action).name) : tr("any action"))
                       .arg(s.style >= 0 ? html(v.style(s.style).name) : tr("any style"));
    line += s.duration.unit == text::SegmentDuration::Unit::Default
                ? tr(", %1 s (default)").arg(s.duration.value, 0, 'f', 1)
            : s.duration.unit == text::SegmentDuration::Unit::Frames
                ? tr(", %n frame(s)", nullptr, static_cast<int>(s.duration.value))
                : tr(", %1 s").arg(s.duration.value, 0, 'f', 1);
    for (const text::PartOverride& p : s.parts)
      line += QStringLiteral("; %1: <b>%2</b>").arg(html(text::bodyPartDisplay(p.part)), html(v.action(p.action).name));
    lines << line;
  }
  if (!r.unplaced.empty()) {
    QStringList words;
    for (const text::UnplacedWord& u : r.unplaced) {
      QStringList closest;
      for (const std::string& c : u.closest) closest << html(c);
      words << (closest.isEmpty() ? QStringLiteral("'%1'").arg(html(u.word))
                                  : tr("'%1' (closest: %2)").arg(html(u.word), closest.join(QStringLiteral(", "))));
    }
    lines << QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(tr("Could not place %1").arg(words.join(QStringLiteral(", "))));
  }
  if (!r.ignored.empty()) {
    QStringList words;
    for (const std::string& w : r.ignored) words << html(w);
    lines << QStringLiteral("<span style='color:gray'>%1</span>").arg(tr("Ignored: %1").arg(words.join(QStringLiteral(", "))));
  }
  if (!r.wordNet && !mPrompt->text().trimmed().isEmpty())
    lines << QStringLiteral("<span style='color:gray'>%1</span>").arg(tr("Exact words only (WordNet is not available)."));
  mReading->setText(lines.join(QStringLiteral("<br>")));
  updateButtons();
}

void PromptDock::updateButtons() {
  const bool running = mGeneration->runningTask() != 0;
  const auto placement = static_cast<Placement>(mPlacement->currentData().toInt());
  const bool target = placement == Placement::NewTake || (mDoc->hasClip() && (placement != Placement::ReplaceSelection ||
                                                                               !mDoc->selection().empty()));
  mGenerate->setEnabled(mUnderstood && target && !running);
  mCancel->setEnabled(running);
  mSeconds->setEnabled(placement != Placement::ReplaceSelection);
  const bool chosen = mGeneration->chosen() >= 0;
  mApply->setEnabled(chosen && !running);
  mApply->setText(chosen && mGeneration->placement() == Placement::NewTake ? tr("&Save as New Take...") : tr("&Apply"));
  mDiscard->setEnabled(chosen);
}

void PromptDock::startGeneration() {
  if (!mGenerate->isEnabled()) return;
  QString error;
  const auto placement = static_cast<Placement>(mPlacement->currentData().toInt());
  if (!mGeneration->generate(mPrompt->text(), placement, mSeconds->value(), mSamples->value(), &error)) {
    mStatus->setText(error);
    return;
  }
  mCandidates->clear();
  mStatus->setText(tr("Generating %n sample(s)...", nullptr, mSamples->value()));
  updateButtons();
}

void PromptDock::showCandidates(int count) {
  mCandidates->clear();
  for (int k = 0; k < count; ++k) mCandidates->addItem(tr("Sample %1").arg(k + 1));
  QString status = count > 1 ? tr("%n sample(s): pick one to see it as the ghost (press Space to play), then Apply.",
                                  nullptr, count)
                             : tr("Shown as the ghost (press Space to play); Apply keeps it.");
  if (!mGeneration->notes().isEmpty()) status += QLatin1Char('\n') + tr("Note: %1").arg(mGeneration->notes());
  mStatus->setText(status);
  updateButtons();
}

void PromptDock::completeWord(const QString& word) {
  const QString text = mPrompt->text();
  const int cursor = mPrompt->cursorPosition();
  const int start = cursor - static_cast<int>(currentWord(mPrompt).size());
  mPrompt->setText(text.left(start) + word + text.mid(cursor));
  mPrompt->setCursorPosition(start + static_cast<int>(word.size()));
}

}  // namespace mm::app
