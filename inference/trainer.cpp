#include "inference/trainer.h"

#include "inference/checkpoint.h"
#include "inference/device.h"
#include "inference/diffusion.h"
#include "inference/netstate.h"
#include "inference/residualsamples.h"
#include "inference/trainingdata.h"
#include "io/motionfile.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <tuple>

namespace mm::inference {

namespace {

constexpr int kP = kBodyPartCount;
constexpr int kC = kTokenChannels;

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t x = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  return x ^ (x >> 29);
}

std::string format(const char* fmt, double a, double b = 0, double c = 0, double d = 0) {
  char buf[256];
  std::snprintf(buf, sizeof(buf), fmt, a, b, c, d);
  return buf;
}

// Masks of one sample, StableMotion's mix: some detection samples (motion
// known, indicator generated), the rest inpainting with the indicator
// known (or dropped for guidance) and motion generated on random tokens,
// a frame gap, a part over a span, or the tokens labelled bad.
void drawMasks(std::mt19937_64& rng, const ModelConfig& c, int T, const std::uint8_t* bad, bool text,
               std::uint8_t* motion, std::uint8_t* labelGen, std::uint8_t* labelDrop) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const int n = T * kP;
  std::fill(motion, motion + n, 0);
  std::fill(labelGen, labelGen + n, 0);
  std::fill(labelDrop, labelDrop + n, 0);
  if (u(rng) < c.detectShare) {
    std::fill(labelGen, labelGen + n, 1);
    return;
  }
  if (u(rng) < c.promptDropout) std::fill(labelDrop, labelDrop + n, 1);
  auto span = [&](int minLen, int maxLen, int* s, int* e) {
    const int len = std::uniform_int_distribution<int>(std::max(1, minLen), std::max(1, std::min(T, maxLen)))(rng);
    *s = std::uniform_int_distribution<int>(0, T - len)(rng);
    *e = *s + len;
  };
  const double kind = u(rng);
  int any = 0;
  if (text && u(rng) < c.generateShare) {
    // What text-to-motion asks: a whole window (a new take), a continuation
    // from a few known frames, or a long in-between. Only here must the
    // condition carry the motion: the repair mix leaves most of it known.
    const double g = u(rng);
    const int head = g < 0.4 ? 0 : std::uniform_int_distribution<int>(1, std::max(1, T / 3))(rng);
    const int tail = g < 0.8 ? 0 : std::uniform_int_distribution<int>(1, std::max(1, T / 4))(rng);
    for (int f = head; f < std::max(head + 1, T - tail); ++f)
      for (int p = 0; p < kP; ++p) any += motion[f * kP + p] = 1;
  } else if (kind < 0.35) {
    // MaskGIT-style ratio: cos(pi/2 u) spends more samples on heavy masking.
    const double ratio = std::cos(M_PI / 2 * u(rng));
    for (int i = 0; i < n; ++i) any += motion[i] = u(rng) < ratio;
  } else if (kind < 0.6) {
    int s, e;
    span(1, T / 2, &s, &e);
    for (int i = s * kP; i < e * kP; ++i) any += motion[i] = 1;
  } else if (kind < 0.85) {
    int s, e;
    span(T / 8, T, &s, &e);
    const int parts = u(rng) < 0.7 ? 1 : 2;
    for (int k = 0; k < parts; ++k) {
      const int p = std::uniform_int_distribution<int>(0, kP - 1)(rng);
      for (int f = s; f < e; ++f) any += motion[f * kP + p] = 1;
    }
  } else {
    for (int i = 0; i < n; ++i) any += motion[i] = bad[i];
  }
  if (!any) motion[std::uniform_int_distribution<int>(0, n - 1)(rng)] = 1;
}

// The text condition of one sample, per part: the take's action and style,
// all dropped in textDropout of the samples (guidance, and the label-free
// tasks' unconditional branch), the action or the style alone dropped now
// and then (prompts that name only one), and in some samples a random set of
// parts left unconditioned, so parts may carry different conditions
// (composition, RoPAR).
void drawTextCondition(std::uint64_t seed, const ModelConfig& c, const TrainingSample& s, std::int64_t* action,
                       std::int64_t* style) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::fill(action, action + kP, -1);
  std::fill(style, style + kP, -1);
  if (u(rng) < c.textDropout) return;
  const bool dropAction = u(rng) < 0.05, dropStyle = u(rng) < 0.05;
  const bool someParts = u(rng) < 0.1;
  for (int p = 0; p < kP; ++p) {
    if (someParts && u(rng) < 0.5) continue;
    action[p] = dropAction ? -1 : s.action;
    style[p] = dropStyle ? -1 : s.style;
  }
}

struct AdamW {
  std::vector<torch::Tensor> params, m, v, ema;
};

}  // namespace

TrainReport trainModel(const TrainOptions& o) {
  TrainReport report;
  auto log = [&](const std::string& line) {
    if (o.log) o.log(line);
  };
  auto fail = [&](const std::string& message) {
    report.ok = false;
    report.error = message;
    return report;
  };
  try {
    torch::set_num_threads(std::max(1, o.threads));
    DeviceInfo info;
    std::string error;
    if (!chooseDevice(o.device, &info, &error)) return fail(error);
    const torch::Device device = info.kind == DeviceKind::Cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);

    Checkpoint resume;
    const bool resuming = !o.resume.empty();
    ModelConfig config;
    Checkpoint init;
    const bool initialising = !resuming && !o.initFrom.empty();
    if (resuming) {
      if (!loadCheckpoint(o.resume, &resume, &error)) return fail(error);
      config = resume.config;
    } else if (initialising) {
      if (!loadCheckpoint(o.initFrom, &init, &error)) return fail(error);
      config = init.config;
      config.residual = config.residual || o.residual;
    } else if (!modelConfigByName(o.config, &config)) {
      return fail("unknown model config '" + o.config + "' (expected tiny, small or base)");
    } else {
      config.residual = o.residual;
    }
    if (!resuming && o.textActions > 0 && o.textStyles > 0) {
      config.textActions = o.textActions;
      config.textStyles = o.textStyles;
    }
    // New and fine-tuned text runs take the token path (resumed ones keep theirs).
    if (!resuming && config.textActions > 0 && config.textStyles > 0) config.textTokens = true;
    const bool text = config.textActions > 0 && config.textStyles > 0;
    // Residual windows build their prior from the clip, which a mirror image does not keep.
    if (!o.mirrorActions.empty() && config.residual) return fail("mirror images need a model without the residual prior");
    const std::string vocabulary = resuming ? resume.vocabulary : !o.vocabulary.empty() ? o.vocabulary : init.vocabulary;
    if (!resuming && o.generateShare >= 0) config.generateShare = std::min(1.0, o.generateShare);
    if (o.batch > 0) config.batch = o.batch;
    if (o.learningRate > 0) config.learningRate = o.learningRate;

    // Data: every clip as recorded plus corrupted variants, labelled.
    std::vector<TrainingSample> pool;
    int skipped = 0, mirrored = 0;
    auto addClip = [&](const Clip& clip, std::uint64_t index, const std::string& name, std::pair<int, int> label) {
      std::string why;
      const size_t first = pool.size();
      if (!makeTrainingSamples(clip, mix(o.seed, index), o.corruptedVariants, &pool, &why, config.residual)) {
        ++skipped;
        log("skipped " + name + ": " + why);
      }
      for (size_t k = first; k < pool.size(); ++k) std::tie(pool[k].action, pool[k].style) = label;
      const int mirror = label.first >= 0 && static_cast<size_t>(label.first) < o.mirrorActions.size()
                             ? o.mirrorActions[static_cast<size_t>(label.first)]
                             : -1;
      if (mirror < 0 || pool.size() == first) return;
      if (!makeMirroredSample(clip, &pool, &why)) {
        log("skipped the mirror image of " + name + ": " + why);
        return;
      }
      ++mirrored;
      pool.back().action = mirror;
      pool.back().style = label.second;
    };
    auto labelOf = [](const std::vector<std::pair<int, int>>& labels, size_t i) {
      return i < labels.size() ? labels[i] : std::make_pair(-1, -1);
    };
    const auto dataStart = std::chrono::steady_clock::now();
    for (size_t i = 0; i < o.clips.size(); ++i) addClip(o.clips[i], i, "clip " + std::to_string(i), labelOf(o.clipLabels, i));
    for (size_t i = 0; i < o.files.size(); ++i) {
      if (o.cancelled && o.cancelled()) return fail("cancelled");
      LoadResult in = loadMotion(o.files[i]);
      if (!in.ok()) {
        ++skipped;
        log("skipped " + in.error.toString());
        continue;
      }
      addClip(*in.clip, o.clips.size() + i, o.files[i], labelOf(o.fileLabels, i));
      if ((i + 1) % 200 == 0) log("data: " + std::to_string(i + 1) + " / " + std::to_string(o.files.size()) + " files");
    }
    int window = config.window;
    if (o.singleWindow && !pool.empty()) {
      pool.resize(1);
      window = std::min(window, pool[0].frames);
      if (config.residual) {  // the residual windows draw their own start: keep only the first window
        TrainingSample& s = pool[0];
        s.frames = window;
        s.features.resize(static_cast<size_t>(window) * kFeatureCount);
        s.bad.resize(static_cast<size_t>(window) * kP);
        s.clip = std::make_shared<const Clip>(s.clip->subClip(0, window));
        s.repaired = std::make_shared<const Clip>(s.repaired->subClip(0, window));
      }
    }
    std::vector<TrainingSample> usable;
    for (TrainingSample& s : pool)
      if (s.frames >= window) usable.push_back(std::move(s));
    pool.clear();
    if (usable.empty()) return fail("no training clip has " + std::to_string(window) + " frames or more");
    for (const TrainingSample& s : usable) report.frames += s.frames;
    report.samples = static_cast<int>(usable.size());
    log(format("data: %.0f samples, %.0f frames, %.0f clips skipped, %.1f s", usable.size(), double(report.frames),
               skipped, std::chrono::duration<double>(std::chrono::steady_clock::now() - dataStart).count()) +
        (mirrored ? format(" (%.0f mirror images)", mirrored) : std::string()));

    FeatureStats stats = initialising ? init.stats : resume.stats;
    if (!resuming && !initialising) {
      std::vector<const std::vector<float>*> all;
      for (const TrainingSample& s : usable) all.push_back(&s.features);
      stats = computeFeatureStats(all);
    }
    for (TrainingSample& s : usable) normalizeFeatures(stats, s.features.data(), s.frames);
    std::vector<double> cumulative;
    double total = 0;
    for (double w : sampleWeights(usable, window, text ? o.labelBalance : 0.0)) cumulative.push_back(total += w);

    torch::manual_seed(o.seed);
    MotionNet net(config);
    const auto named = namedParameters(*net);
    AdamW opt;
    for (const auto& [name, p] : named) {
      opt.params.push_back(p);
      opt.m.push_back(torch::zeros_like(p));
      opt.v.push_back(torch::zeros_like(p));
      opt.ema.push_back(p.detach().clone());
    }
    auto emaNamed = named, mNamed = named, vNamed = named;
    for (size_t i = 0; i < named.size(); ++i) {
      emaNamed[i].second = opt.ema[i];
      mNamed[i].second = opt.m[i];
      vNamed[i].second = opt.v[i];
    }
    std::int64_t step = 0;
    if (resuming) {
      if (!importTensors(resume, "model", named, &error) || !importTensors(resume, "ema", emaNamed, &error) ||
          !importTensors(resume, "adam_m", mNamed, &error) || !importTensors(resume, "adam_v", vNamed, &error))
        return fail(o.resume + ": " + error + " (a model file without training state cannot be resumed)");
      step = resume.step;
      resume.arrays.clear();
    } else if (initialising) {
      // Every parameter the file has (its EMA weights); new ones keep their
      // zero initialisation.
      torch::NoGradGuard guard;
      int copied = 0;
      for (size_t i = 0; i < named.size(); ++i) {
        const NamedArray* a = init.find("ema." + named[i].first);
        if (!a) continue;
        if (std::vector<std::int64_t>(named[i].second.sizes().begin(), named[i].second.sizes().end()) != a->shape)
          return fail(o.initFrom + ": '" + a->name + "' has the wrong shape for this config");
        auto source = torch::from_blob(const_cast<float*>(a->data.data()), named[i].second.sizes(), torch::kFloat32);
        named[i].second.copy_(source);
        opt.ema[i].copy_(source);
        ++copied;
      }
      log(format("initialised %.0f of %.0f parameter tensors from ", copied, double(named.size())) + o.initFrom);
      init.arrays.clear();
    }
    net->to(device);
    for (auto* list : {&opt.m, &opt.v, &opt.ema})
      for (auto& t : *list) t = t.to(device);
    opt.params.clear();
    for (const auto& p : net->parameters()) opt.params.push_back(p);
    std::vector<double> lrScale(named.size(), 1.0);
    for (size_t i = 0; i < named.size(); ++i)
      if (named[i].first.rfind("text_", 0) == 0 || named[i].first.rfind("cond.", 0) == 0 ||
          named[i].first.rfind("cond_in.", 0) == 0)
        lrScale[i] = o.textLearningRateScale;
    net->train();
    Diffusion diffusion(config.trainTimesteps, device);

    auto save = [&](std::int64_t doneSteps) {
      Checkpoint ck;
      ck.config = config;
      ck.stats = stats;
      ck.step = doneSteps;
      ck.seed = o.seed;
      ck.vocabulary = text ? vocabulary : std::string();
      ck.note = "trained " + std::to_string(doneSteps) + " steps on " + std::to_string(report.samples) +
                " clip variants (" + std::to_string(report.frames) + " frames)";
      auto names = namedParameters(*net);
      auto withTensors = [&](const std::vector<torch::Tensor>& ts) {
        auto n = names;
        for (size_t i = 0; i < n.size(); ++i) n[i].second = ts[i];
        return n;
      };
      for (auto* group : {&opt.ema, &opt.params, &opt.m, &opt.v}) {
        const char* prefix = group == &opt.ema ? "ema" : group == &opt.params ? "model" : group == &opt.m ? "adam_m" : "adam_v";
        auto arrays = exportTensors(withTensors(*group), prefix);
        ck.arrays.insert(ck.arrays.end(), std::make_move_iterator(arrays.begin()), std::make_move_iterator(arrays.end()));
      }
      std::string why;
      if (!saveCheckpoint(ck, o.out, &why)) throw std::runtime_error(why);
    };

    const int B = config.batch, T = window;
    std::vector<float> x0(static_cast<size_t>(B) * T * kP * kC);
    std::vector<std::uint8_t> motion(static_cast<size_t>(B) * T * kP), labelGen(motion.size()), labelDrop(motion.size());
    std::vector<std::int64_t> textAction(static_cast<size_t>(B) * kP, -1), textStyle(textAction.size(), -1);
    std::vector<float> priorTokens(config.residual ? x0.size() : 0);
    std::vector<std::uint8_t> hasPrior(config.residual ? motion.size() : 0);
    ResidualWindow rw;
    const std::int64_t warmup = std::max<std::int64_t>(1, std::min<std::int64_t>(200, o.steps / 10));
    double intervalLoss = 0;
    int intervalCount = 0;
    const auto trainStart = std::chrono::steady_clock::now();
    const std::int64_t firstStep = step;
    while (step < o.steps) {
      if (o.cancelled && o.cancelled()) return fail("cancelled");
      ++step;
      std::mt19937_64 rng(mix(o.seed, static_cast<std::uint64_t>(step)));
      std::uniform_real_distribution<double> u(0.0, total);
      for (int b = 0; b < B; ++b) {
        const double r = o.singleWindow ? 0.0 : u(rng);
        const size_t si = std::min(usable.size() - 1, size_t(std::upper_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin()));
        const TrainingSample& s = usable[si];
        if (text) drawTextCondition(mix(o.seed ^ 0x7E47ULL, static_cast<std::uint64_t>(step) * 4096 + b), config, s,
                                    textAction.data() + b * kP, textStyle.data() + b * kP);
        float* tok = x0.data() + static_cast<size_t>(b) * T * kP * kC;
        if (config.residual) {
          if (!drawResidualWindow(s, stats, config, T, ResidualMix{}, rng, &rw, &error)) return fail(error);
          const size_t mo = static_cast<size_t>(b) * T * kP;
          std::copy(rw.tokens.begin(), rw.tokens.end(), tok);
          std::copy(rw.prior.begin(), rw.prior.end(), priorTokens.data() + mo * kC);
          std::copy(rw.motion.begin(), rw.motion.end(), motion.data() + mo);
          std::copy(rw.labelGenerate.begin(), rw.labelGenerate.end(), labelGen.data() + mo);
          std::copy(rw.labelDropped.begin(), rw.labelDropped.end(), labelDrop.data() + mo);
          std::copy(rw.hasPrior.begin(), rw.hasPrior.end(), hasPrior.data() + mo);
          continue;
        }
        const int start = o.singleWindow ? 0 : std::uniform_int_distribution<int>(0, s.frames - T)(rng);
        splitTokens(s.features.data() + static_cast<size_t>(start) * kFeatureCount, T, tok);
        const std::uint8_t* bad = s.bad.data() + static_cast<size_t>(start) * kP;
        for (int i = 0; i < T * kP; ++i) tok[static_cast<size_t>(i) * kC + kLabelChannel] = bad[i] ? kLabelBad : kLabelGood;
        const size_t mo = static_cast<size_t>(b) * T * kP;
        drawMasks(rng, config, T, bad, text, motion.data() + mo, labelGen.data() + mo, labelDrop.data() + mo);
      }
      auto bool3 = [&](std::vector<std::uint8_t>& v) {
        return torch::from_blob(v.data(), {B, T, kP}, torch::kUInt8).to(torch::kBool).to(device);
      };
      TokenMasks masks{bool3(motion), bool3(labelGen), bool3(labelDrop), {}, {}};
      if (config.residual) {
        masks.prior = torch::from_blob(priorTokens.data(), {B, T, kP, kC}, torch::kFloat32).to(device);
        masks.hasPrior = bool3(hasPrior);
      }
      auto x = torch::from_blob(x0.data(), {B, T, kP, kC}, torch::kFloat32).to(device);
      // One condition per part of each sample (Tc = 1): a take has one label.
      auto cond = text ? net->textCondition(torch::from_blob(textAction.data(), {B, 1, kP}, torch::kLong).to(device),
                                            torch::from_blob(textStyle.data(), {B, 1, kP}, torch::kLong).to(device))
                       : torch::zeros({B, config.condWidth}, torch::TensorOptions().device(device));
      auto generator = at::make_generator<at::CPUGeneratorImpl>(mix(o.seed ^ 0xD1B54A32D192ED03ULL, step));
      LossTerms loss = diffusion.loss(net, x, masks, cond, generator, o.driftLoss);
      net->zero_grad();
      loss.total.backward();
      torch::nn::utils::clip_grad_norm_(net->parameters(), 1.0);

      // AdamW with linear warm-up and cosine decay to a tenth.
      const double progress = double(step) / double(std::max<std::int64_t>(1, o.steps));
      const double lr = config.learningRate * std::min(1.0, double(step) / warmup) *
                        (0.1 + 0.9 * 0.5 * (1 + std::cos(M_PI * std::min(1.0, progress))));
      const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
      const double c1 = 1 - std::pow(b1, double(step)), c2 = 1 - std::pow(b2, double(step));
      const double emaDecay = std::min(config.emaDecay, (1.0 + step) / (10.0 + step));
      {
        torch::NoGradGuard guard;
        for (size_t i = 0; i < opt.params.size(); ++i) {
          auto& p = opt.params[i];
          if (!p.grad().defined()) continue;
          const auto& g = p.grad();
          opt.m[i].mul_(b1).add_(g, 1 - b1);
          opt.v[i].mul_(b2).addcmul_(g, g, 1 - b2);
          const double lri = lr * lrScale[i];
          if (p.dim() >= 2) p.mul_(1 - lr * config.weightDecay);
          p.addcdiv_(opt.m[i] / c1, (opt.v[i] / c2).sqrt_().add_(eps), -lri);
          opt.ema[i].mul_(emaDecay).add_(p.detach(), 1 - emaDecay);
        }
      }
      intervalLoss += loss.total.item<double>();
      ++intervalCount;
      if (step % std::max(1, o.logEvery) == 0 || step == o.steps) {
        const double mean = intervalLoss / intervalCount;
        report.losses.emplace_back(step, mean);
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - trainStart).count();
        report.secondsPerStep = elapsed / double(step - firstStep);
        log(format("step %.0f loss %.5f (last batch: motion %.5f, indicator %.5f", double(step), mean, loss.motion,
                   loss.label) +
            (o.driftLoss > 0 ? format(", drift %.5f", loss.drift) : std::string()) +
            format(") lr %.2e, %.3f s/step", lr, report.secondsPerStep));
        intervalLoss = 0;
        intervalCount = 0;
      }
      const int every = o.checkpointEvery > 0 ? o.checkpointEvery : 10 * std::max(1, o.logEvery);
      if (!o.out.empty() && step % every == 0 && step != o.steps) save(step);
    }
    report.stepsDone = step;
    if (!o.out.empty()) save(step);
    report.ok = true;
    return report;
  } catch (const std::exception& e) {
    return fail(std::string("training failed: ") + e.what());
  }
}

}  // namespace mm::inference
