// motionmender-cli train: trains the motion model on a folder of clips (every
// 10th file by sorted path is held out for evaluation and never trained on).
#include "cli.h"
#include "app/eval/datasetfiles.h"

#ifdef MM_HAVE_TORCH
#include "inference/trainer.h"
#include "inference/trainingdata.h"
#include "text/motionvocabulary.h"
#include "text/takelabels.h"
#endif

#include <cstdio>
#include <cstdlib>

namespace mm::cli {

int runTrain(Args args) {
#ifndef MM_HAVE_TORCH
  (void)args;
  return fail(kError, "this build has no LibTorch: training is not available");
#else
  const char* usage =
      "usage: train --data DIR --config small|medium|base --device cpu|cuda --steps N --out FILE [--seed S] "
      "[--resume FILE] [--residual] [--text] [--mirror] [--drift-loss W] [--text-lr-scale X] [--label-balance B] [--generate-share X] [--init-from FILE] [--log-every N] [--checkpoint-every N] [--batch B] [--clips N] [--variants V] [--threads T]";
  inference::TrainOptions o;
  std::string data, steps, seed, logEvery, batch, clips = "0", variants, threads, lr;
  if (!args.takeOption("--data", &data) || !args.takeOption("--steps", &steps) || !args.takeOption("--out", &o.out))
    return fail(kUsage, usage);
  args.takeOption("--config", &o.config);
  args.takeOption("--device", &o.device);
  args.takeOption("--resume", &o.resume);
  o.residual = args.takeFlag("--residual");
  // Condition on each take's action and style (the .json beside it, through
  // the built-in vocabulary, which the weights keep).
  const bool text = args.takeFlag("--text");
  const bool mirror = args.takeFlag("--mirror");
  std::string textLr;
  if (args.takeOption("--text-lr-scale", &textLr)) o.textLearningRateScale = std::atof(textLr.c_str());
  std::string balance, generateShare;
  if (args.takeOption("--label-balance", &balance) && !parseNumber(balance, 0, 1, &o.labelBalance))
    return fail(kUsage, "--label-balance '" + balance + "': expected a number from 0 to 1");
  std::string drift;
  if (args.takeOption("--drift-loss", &drift) && !parseNumber(drift, 0, 100, &o.driftLoss))
    return fail(kUsage, "--drift-loss '" + drift + "': expected a weight from 0 to 100");
  if (args.takeOption("--generate-share", &generateShare) && !parseNumber(generateShare, 0, 1, &o.generateShare))
    return fail(kUsage, "--generate-share '" + generateShare + "': expected a number from 0 to 1");
  args.takeOption("--init-from", &o.initFrom);
  if (args.takeOption("--seed", &seed)) o.seed = std::strtoull(seed.c_str(), nullptr, 10);
  if (args.takeOption("--log-every", &logEvery)) o.logEvery = std::atoi(logEvery.c_str());
  if (args.takeOption("--batch", &batch)) o.batch = std::atoi(batch.c_str());
  if (args.takeOption("--variants", &variants)) o.corruptedVariants = std::atoi(variants.c_str());
  if (args.takeOption("--threads", &threads)) o.threads = std::atoi(threads.c_str());
  if (args.takeOption("--lr", &lr)) o.learningRate = std::atof(lr.c_str());
  std::string checkpointEvery;
  if (args.takeOption("--checkpoint-every", &checkpointEvery)) o.checkpointEvery = std::atoi(checkpointEvery.c_str());
  args.takeOption("--clips", &clips);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (!pos.empty()) return fail(kUsage, usage);
  o.steps = std::atoll(steps.c_str());
  if (o.steps <= 0) return fail(kUsage, "--steps must be a positive number");

  const std::vector<std::string> files = eval::listMotionFiles(data);
  if (files.empty()) return fail(kError, data + ": no motion files found");
  int heldOut = 0;
  const int limit = std::atoi(clips.c_str());
  for (size_t i = 0; i < files.size(); ++i) {
    if (inference::isHeldOut(static_cast<int>(i))) {
      ++heldOut;
      continue;
    }
    if (limit <= 0 || static_cast<int>(o.files.size()) < limit) o.files.push_back(files[i]);
  }
  if (text) {
    const text::MotionVocabulary& vocabulary = text::MotionVocabulary::builtin();
    o.textActions = static_cast<int>(vocabulary.actions().size());
    o.textStyles = static_cast<int>(vocabulary.styles().size());
    o.vocabulary = vocabulary.serialize();
    int labelled = 0;
    for (const std::string& f : o.files) {
      text::TakeLabels l;
      if (!text::readTakeLabels(vocabulary, f, &l, &error)) return fail(kError, error);
      o.fileLabels.emplace_back(l.action, l.style);
      labelled += l.labelled();
    }
    std::printf("train: text conditioning on %d actions x %d styles; %d of %zu clips labelled\n", o.textActions,
                o.textStyles, labelled, o.files.size());
    if (mirror) {
      // Each take whose action has a mirror label also trains as its mirror image.
      std::string list;
      for (const text::VocabularyEntry& e : vocabulary.actions()) {
        const std::string m = text::mirrorAction(e.name);
        o.mirrorActions.push_back(m.empty() ? -1 : vocabulary.findAction(m));
        if (!m.empty()) list += (list.empty() ? "" : ", ") + (m == e.name ? e.name : e.name + " -> " + m);
      }
      std::printf("train: mirror images of %s\n", list.c_str());
    }
  } else if (mirror) {
    return fail(kUsage, "--mirror needs --text (a mirror image is labelled with its mirrored action)");
  }
  std::printf("train: %zu clips, %d held out (every 10th), config %s, %lld steps, seed %llu\n", o.files.size(),
              heldOut, !o.resume.empty() ? "(from the resumed file)" : !o.initFrom.empty() ? "(from --init-from)" : o.config.c_str(), static_cast<long long>(o.steps),
              static_cast<unsigned long long>(o.seed));
  std::fflush(stdout);
  o.log = [](const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
  };
  const inference::TrainReport r = inference::trainModel(o);
  if (!r.ok) return fail(kError, r.error);
  std::printf("wrote %s (%lld steps)\n", o.out.c_str(), static_cast<long long>(r.stepsDone));
  return kOk;
#endif
}

}  // namespace mm::cli
