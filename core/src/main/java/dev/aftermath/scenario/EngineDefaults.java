package dev.aftermath.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings a scenario may leave out, with the values the run used: the scenario's own where it
 * sets them, the engine's defaults otherwise. {@link ScenarioAssumptions#of(String, Scenario)}
 * keeps those the scenario does not write, so that the legal report lists every value the run used
 * (METHODS.md names the method each one belongs to). Each carries its meaning in English and
 * Chinese.
 */
final class EngineDefaults {
  private EngineDefaults() {}

  /** The merchant signals' names in Chinese. */
  private static final Map<String, String> SIGNALS_ZH =
      Map.of(
          "complaint", "投诉",
          "data_export", "数据导出",
          "competitor_migration", "迁往竞争对手",
          "contract_cancel", "解约");

  static List<ScenarioAssumptions.Entry> of(Scenario s) {
    List<ScenarioAssumptions.Entry> out = new ArrayList<>();
    DefectionTerms d = s.defection();
    add(
        out,
        "defection.lookback_days",
        d.lookbackDays(),
        "days before the outage that define a merchant's active customers",
        "界定商家活跃顾客的故障前天数");
    add(
        out,
        "defection.grace_days",
        d.graceDays(),
        "days after restoration before a customer's return is looked for",
        "恢复后开始观察顾客是否回流的宽限天数");
    add(
        out,
        "defection.value_horizon_months",
        d.valueHorizonMonths(),
        "months of a lost customer's future margin counted",
        "计入流失顾客未来毛利的月数");
    add(
        out,
        "defection.annual_discount_rate",
        d.annualDiscountRate(),
        "discount rate of a lost customer's future margin",
        "流失顾客未来毛利的年折现率");
    LiabilityTerms l = s.liability();
    add(
        out,
        "liability.contract_cap_months",
        l.contractCapMonths(),
        "the service agreement's cap on liability, in months of fees",
        "服务协议的责任上限（以月服务费计）");
    add(
        out,
        "liability.primary_regime",
        l.primaryRegime(),
        "the regime expected_exposure uses",
        "expected_exposure 采用的责任口径");
    add(
        out,
        "liability.margin_rate_sd",
        l.marginRateSd(),
        "relative uncertainty of each industry's margin rate",
        "各行业毛利率的相对不确定性");
    add(
        out,
        "liability.claims.intercept",
        l.claimIntercept(),
        "claim propensity: intercept",
        "索赔倾向：截距");
    add(
        out,
        "liability.claims.per_log_shortfall",
        l.claimPerLogShortfall(),
        "claim propensity: weight of ln(1 + shortfall / 1000)",
        "索赔倾向：ln(1 + 差额 / 1000) 的权重");
    add(
        out,
        "liability.claims.per_log_size",
        l.claimPerLogSize(),
        "claim propensity: weight of ln(1 + pre-outage daily revenue / 1000)",
        "索赔倾向：ln(1 + 故障前日均营业额 / 1000) 的权重");
    for (Map.Entry<String, Double> w : l.signalWeights().entrySet()) {
      add(
          out,
          "liability.claims.signals." + w.getKey(),
          w.getValue(),
          "claim propensity: weight of a " + w.getKey() + " signal",
          "索赔倾向：" + SIGNALS_ZH.getOrDefault(w.getKey(), w.getKey()) + "信号的权重");
    }
    add(out, "liability.draws", l.draws(), "Monte Carlo draws of the exposure", "敞口蒙特卡洛模拟次数");
    add(out, "liability.seed", l.seed(), "seed of the Monte Carlo", "蒙特卡洛随机种子");
    add(
        out,
        "liability.top_n",
        l.topN(),
        "merchants listed in top_exposures",
        "top_exposures 列出的商家数");
    add(
        out,
        "liability.subscription_horizon_months",
        l.subscriptionHorizonMonths(),
        "months of fees at risk of a merchant who left",
        "流失商家面临风险的服务费月数");
    add(
        out,
        "liability.impression_cost_cpm",
        l.impressionCostCpm(),
        "the company's cost of 1,000 impressions",
        "公司每千次曝光的成本");
    add(
        out,
        "liability.payout_releases_claims",
        l.payoutReleasesClaims(),
        "whether accepting a payout gives up further claims",
        "接受赔付是否即放弃进一步索赔");
    EventStudyTerms e = s.eventStudy();
    add(
        out,
        "event_study.estimation_days",
        e.estimationDays(),
        "trading days of the estimation window",
        "估计窗口的交易日数");
    add(
        out,
        "event_study.gap_days",
        e.gapDays(),
        "trading days between the estimation window and the event",
        "估计窗口与事件之间相隔的交易日数");
    List<String> windows = new ArrayList<>();
    for (int[] w : e.windows()) {
      windows.add("[" + w[0] + ", " + w[1] + "]");
    }
    add(
        out,
        "event_study.windows",
        String.join(", ", windows),
        "event windows, trading days",
        "事件窗口（交易日）");
    return out;
  }

  private static void add(
      List<ScenarioAssumptions.Entry> out, String key, Object value, String meaning, String zh) {
    String text =
        value instanceof Double v && v == Math.rint(v) && Math.abs(v) < 1e15
            ? String.valueOf(v.longValue())
            : String.valueOf(value);
    out.add(
        new ScenarioAssumptions.Entry(
            key,
            text,
            "ASSUMPTION (" + ScenarioAssumptions.ENGINE_DEFAULT + "): " + meaning,
            "假设（引擎默认值）：" + zh,
            true,
            ScenarioAssumptions.ENGINE_DEFAULT));
  }
}
