// The network itself (inference/motionnet.h, internal to inference/, so this
// test links LibTorch directly): a window whose tokens all carry one text
// condition is run with one condition row per window (modeltasks.cpp, for
// speed), which must give the prediction of that row repeated per token.
#include "inference/diffusion.h"
#include "inference/motionnet.h"
#include "inference/tokenlayout.h"

#include <QtTest>

#include <algorithm>

using namespace mm;
using namespace mm::inference;

class TestMotionNet : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // Random weights (the modulations far from their zero initialisation), a
  // batch of three rows as the guidance batch holds: two conditions and none.
  // Both text paths: the adaptive norms only, and with the condition also
  // projected into the tokens (textTokens).
  void oneConditionPerWindowIsThePerTokenResult_data() {
    QTest::addColumn<bool>("textTokens");
    QTest::newRow("norms") << false;
    QTest::newRow("norms and tokens") << true;
  }
  void oneConditionPerWindowIsThePerTokenResult() {
    QFETCH(bool, textTokens);
    torch::NoGradGuard noGrad;
    torch::manual_seed(5);
    ModelConfig c;
    QVERIFY(modelConfigByName("tiny", &c));
    c.textActions = 3;
    c.textStyles = 2;
    c.textTokens = textTokens;
    MotionNet net(c);
    for (auto& p : net->parameters()) p.normal_(0.0, 0.3);
    net->eval();
    constexpr int64_t P = kBodyPartCount;
    const int64_t B = 3, T = c.window;
    const auto x = torch::randn({B, T, P, kTokenChannels});
    const auto flags = (torch::rand({B, T, P, kFlagChannels}) > 0.5).to(torch::kFloat32);
    const auto t = torch::tensor({10, 400, 900}, torch::kLong);
    auto actions = torch::empty({B, T, P}, torch::kLong), styles = torch::empty({B, T, P}, torch::kLong);
    actions[0].fill_(2);
    styles[0].fill_(1);
    actions[1].fill_(0);
    styles[1].fill_(0);
    actions[2].fill_(-1);  // none: the text-free branch
    styles[2].fill_(-1);
    const auto perToken = net->textCondition(actions, styles);
    const auto perWindow = perToken.flatten(1, 2).select(1, 0).contiguous();
    QCOMPARE(perWindow.dim(), int64_t(2));
    const auto a = net->forward(x, flags, t, perToken), b = net->forward(x, flags, t, perWindow);
    const double scale = a.abs().max().item<double>(), diff = (a - b).abs().max().item<double>();
    qInfo("largest |prediction| %.3g, largest difference %.3g", scale, diff);
    QVERIFY(scale > 0.1);
    QVERIFY2(diff <= 1e-5 * std::max(1.0, scale), qPrintable(QString::number(diff)));
    // Another action on the last frames is not one condition per window.
    actions[0].narrow(0, T - 5, 5).fill_(1);
    const auto mixed = net->forward(x, flags, t, net->textCondition(actions, styles));
    QVERIFY((mixed - b).abs().max().item<double>() > 1e-3);
  }

  // The named sizes exist, grow in that order, and each one's network runs a
  // window of its own length; an unknown name is refused.
  // The training loss's drift term sees a steady error of the root path's
  // channels (a slow turn), not an error that alternates frame by frame (the
  // stride's sway) nor errors of other channels or of known frames.
  void pathDriftSeesSteadyTurning() {
    const Diffusion d(100, torch::kCPU);
    const int64_t T = 48;
    const auto& layout = tokenFeatureIndices();
    const int64_t yaw = std::find(layout[0].begin(), layout[0].end(), kYawRateFeature) - layout[0].begin();
    const int64_t other = std::find(layout[0].begin(), layout[0].end(), kRootHeightFeature) - layout[0].begin();
    QVERIFY(yaw < static_cast<int64_t>(layout[0].size()) && other < static_cast<int64_t>(layout[0].size()));
    auto gen = torch::zeros({1, T, kBodyPartCount, kTokenChannels});
    gen.narrow(3, 0, kTokenWidth).fill_(1.0);
    auto error = [&](int64_t channel, bool alternate) {
      auto e = torch::zeros({1, T, kBodyPartCount, kTokenChannels});
      for (int64_t t = 0; t < T; ++t) e[0][t][0][channel] = alternate && t % 2 ? -0.5 : 0.5;
      return e;
    };
    const double steady = d.pathDrift(error(yaw, false), gen).item<double>();
    const double sway = d.pathDrift(error(yaw, true), gen).item<double>();
    QVERIFY2(steady > 100 * sway, qPrintable(QString("steady %1, sway %2").arg(steady).arg(sway)));
    QCOMPARE(d.pathDrift(error(other, false), gen).item<double>(), 0.0);
    auto known = gen.clone();
    known.narrow(1, 0, T).zero_();
    QCOMPARE(d.pathDrift(error(yaw, false), known).item<double>(), 0.0);
  }

  void namedConfigsGrow() {
    torch::NoGradGuard noGrad;
    int64_t previous = 0;
    for (const char* name : {"tiny", "small", "medium", "base"}) {
      ModelConfig c;
      QVERIFY2(modelConfigByName(name, &c), name);
      QCOMPARE(QString::fromStdString(c.name), QString(name));
      QCOMPARE(c.width % c.heads, 0);
      MotionNet net(c);
      int64_t count = 0;
      for (const auto& p : net->parameters()) count += p.numel();
      qInfo("%s: %lld parameters", name, static_cast<long long>(count));
      QVERIFY2(count > previous, name);
      previous = count;
      net->eval();
      const int64_t T = c.window;
      const auto x = torch::randn({1, T, kBodyPartCount, kTokenChannels});
      const auto flags = torch::zeros({1, T, kBodyPartCount, kFlagChannels});
      const auto out = net->forward(x, flags, torch::tensor({500}, torch::kLong), torch::zeros({1, c.condWidth}));
      QCOMPARE(out.size(1), T);
    }
    QVERIFY(!modelConfigByName("huge", nullptr));
  }
};

QTEST_APPLESS_MAIN(TestMotionNet)
#include "tst_motionnet.moc"
