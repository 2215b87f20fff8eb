#pragma once
// The text-to-motion dock: a prompt with completion of the words the
// vocabulary knows and, live under it, how the prompt is understood (or
// which words could not be placed and the closest known ones); where the
// motion goes (inserted at the play head, replacing the selection, a new
// take), its length and the number of samples; Generate runs in the task
// runner (progress and Cancel in the status bar and here); the samples are
// listed, the chosen one drawn as the ghost; Apply makes it one undo step.

#include <QDockWidget>

class QComboBox;
class QCompleter;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace mm::editor {
class Document;
class GenerationController;
}  // namespace mm::editor

namespace mm::app {

class PromptDock : public QDockWidget {
  Q_OBJECT
 public:
  PromptDock(editor::Document* doc, editor::GenerationController* generation, QWidget* parent = nullptr);

  QLineEdit* prompt() const { return mPrompt; }
  QLabel* reading() const { return mReading; }
  QComboBox* placement() const { return mPlacement; }
  QDoubleSpinBox* seconds() const { return mSeconds; }
  QSpinBox* samples() const { return mSamples; }
  QPushButton* generateButton() const { return mGenerate; }
  QPushButton* cancelButton() const { return mCancel; }
  QListWidget* candidates() const { return mCandidates; }
  QPushButton* applyButton() const { return mApply; }
  QPushButton* discardButton() const { return mDiscard; }

 Q_SIGNALS:
  // New take chosen and Apply pressed: the window asks where to write it.
  void newTakeRequested();

 private:
  void updateReading();
  void updateButtons();
  void startGeneration();
  void showCandidates(int count);
  void completeWord(const QString& word);

  editor::Document* mDoc;
  editor::GenerationController* mGeneration;
  QLineEdit* mPrompt;
  QCompleter* mCompleter;
  QLabel* mReading;
  QComboBox* mPlacement;
  QDoubleSpinBox* mSeconds;
  QSpinBox* mSamples;
  QPushButton* mGenerate;
  QPushButton* mCancel;
  QListWidget* mCandidates;
  QPushButton* mApply;
  QPushButton* mDiscard;
  QLabel* mStatus;
  bool mUnderstood = false;
};

}  // namespace mm::app
