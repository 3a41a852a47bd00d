package dev.aftermath.schemes;

import java.util.Locale;

/**
 * A payout rule of one of the readable families the frontier search tries: what it pays a merchant
 * (its value to the merchant, compared with the merchant's loss) and what that costs whoever pays
 * it (cash at its amount, ad impressions at the platform's own cost per thousand, free months at
 * the fee forgone).
 */
public sealed interface FrontierRule {
  /** The family: {@code cash_days}, {@code margin_share}, {@code traffic}, {@code sla_credit}, … */
  String family();

  /** The parameters, readable, e.g. {@code days=7} or {@code share=0.5 floor=300 cap=none}. */
  String parameters();

  /** What it pays {@code m}, valued as the merchant values it. */
  double payout(FrontierMerchant m);

  /** True if it pays money only (no impressions, free months or credits): the cash frontier. */
  default boolean paysCash() {
    return false;
  }

  /** What paying {@code m} costs the payer: by default the payout, as for cash. */
  default double cost(FrontierMerchant m) {
    return payout(m);
  }

  /** The cash formula with another number of outage days: days × the merchant's cash per day. */
  record CashDays(double days) implements FrontierRule {
    @Override
    public boolean paysCash() {
      return true;
    }

    @Override
    public String family() {
      return "cash_days";
    }

    @Override
    public String parameters() {
      return "days=" + number(days);
    }

    @Override
    public double payout(FrontierMerchant m) {
      return days * m.cashPerDay();
    }
  }

  /** A share of the estimated lost margin, at least {@code floor}, at most {@code cap}. */
  record MarginShare(double share, double floor, double cap) implements FrontierRule {
    @Override
    public boolean paysCash() {
      return true;
    }

    @Override
    public String family() {
      return "margin_share";
    }

    @Override
    public String parameters() {
      return "share="
          + number(share)
          + " floor="
          + number(floor)
          + " cap="
          + (Double.isInfinite(cap) ? "none" : number(cap));
    }

    @Override
    public double payout(FrontierMerchant m) {
      return Math.min(cap, Math.max(floor, share * Math.max(0, m.lostMargin())));
    }
  }

  /**
   * The traffic plan at another volume: {@code impressions} ad impressions (to merchants on the ad
   * network) valued at {@code cpm} per thousand and costing {@code costCpm}, plus {@code months}
   * free months at the merchant's fee.
   */
  record Traffic(double impressions, double cpm, double costCpm, double months)
      implements FrontierRule {
    @Override
    public String family() {
      return "traffic";
    }

    @Override
    public String parameters() {
      return "impressions=" + number(impressions) + " months=" + number(months);
    }

    @Override
    public double payout(FrontierMerchant m) {
      return (m.adEligible() ? impressions / 1000 * cpm : 0) + months * m.monthlyFee();
    }

    @Override
    public double cost(FrontierMerchant m) {
      return (m.adEligible() ? impressions / 1000 * costCpm : 0) + months * m.monthlyFee();
    }
  }

  /** A service credit of {@code months} months of fees (the SLA-credit tiers' form). */
  record SlaMonths(double months) implements FrontierRule {
    @Override
    public String family() {
      return "sla_credit";
    }

    @Override
    public String parameters() {
      return "months=" + number(months);
    }

    @Override
    public double payout(FrontierMerchant m) {
      return months * m.monthlyFee();
    }
  }

  /** The merchant's choice between two rules: it takes the one paying more (the first on a tie). */
  record Choice(FrontierRule first, FrontierRule second) implements FrontierRule {
    @Override
    public boolean paysCash() {
      return first.paysCash() && second.paysCash();
    }

    @Override
    public String family() {
      return "choice";
    }

    @Override
    public String parameters() {
      return first.family()
          + "("
          + first.parameters()
          + ") | "
          + second.family()
          + "("
          + second.parameters()
          + ")";
    }

    private FrontierRule taken(FrontierMerchant m) {
      return second.payout(m) > first.payout(m) ? second : first;
    }

    @Override
    public double payout(FrontierMerchant m) {
      return taken(m).payout(m);
    }

    @Override
    public double cost(FrontierMerchant m) {
      return taken(m).cost(m);
    }
  }

  /** An offered scheme as the schemes stage valued it for each merchant. */
  record Offered(int index, String scheme) implements FrontierRule {
    @Override
    public String family() {
      return "offered";
    }

    @Override
    public String parameters() {
      return scheme;
    }

    @Override
    public double payout(FrontierMerchant m) {
      return m.offeredPayout()[index];
    }

    @Override
    public double cost(FrontierMerchant m) {
      return m.offeredCost()[index];
    }
  }

  /**
   * The merchants' choice among the offered schemes, as the schemes stage makes it: the one paying
   * most, the first listed on a tie.
   */
  record OfferedChoice(java.util.List<String> schemes) implements FrontierRule {
    @Override
    public String family() {
      return "offered";
    }

    @Override
    public String parameters() {
      return "choice of " + String.join(", ", schemes);
    }

    private int taken(FrontierMerchant m) {
      int best = 0;
      for (int i = 1; i < schemes.size(); i++) {
        if (m.offeredPayout()[i] > m.offeredPayout()[best]) {
          best = i;
        }
      }
      return best;
    }

    @Override
    public double payout(FrontierMerchant m) {
      return m.offeredPayout()[taken(m)];
    }

    @Override
    public double cost(FrontierMerchant m) {
      return m.offeredCost()[taken(m)];
    }
  }

  /** A parameter as written: no trailing zeros. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
