package dev.aftermath.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The payout schemes built into the tool, the one list of them: the scenario's validation takes
 * their names from here (a scenario may offer them, and its custom schemes build on them), and the
 * schemes stage their columns in {@code merchant_payout} and their rows in {@code scheme_summary}
 * and {@code scheme_fairness}, in this order. Adding one is a constant here and its class in the
 * schemes stage ({@code dev.aftermath.schemes.BuiltInSchemes}, whose switch over these constants
 * the compiler requires to be complete).
 */
public enum BuiltInScheme {
  /** The platform's cash plan as published. */
  CASH("cash", "cash_payout"),
  /** The platform's traffic plan in money, and its two parts: ad impressions and free months. */
  TRAFFIC(
      "traffic",
      "traffic_payout",
      BuiltInScheme.TRAFFIC_IMPRESSIONS_VALUE,
      BuiltInScheme.TRAFFIC_EXTENSION_VALUE),
  /** What a cloud-style service-credit policy would pay, for comparison. */
  SLA_CREDIT("sla_credit", "sla_credit_payout"),
  /** The loss a court could award: the yardstick every other scheme is measured against. */
  ACTUAL_LOSS("actual_loss", "actual_loss");

  /** The traffic plan's ad impressions at their market price, a part reported apart. */
  public static final String TRAFFIC_IMPRESSIONS_VALUE = "traffic_impressions_value";

  /** The traffic plan's free months at the merchant's fee, a part reported apart. */
  public static final String TRAFFIC_EXTENSION_VALUE = "traffic_extension_value";

  private final String schemeName;
  private final List<PayoutColumn> columns;

  BuiltInScheme(String schemeName, String payoutColumn, String... parts) {
    this.schemeName = schemeName;
    List<PayoutColumn> c = new ArrayList<>();
    c.add(new PayoutColumn(payoutColumn, schemeName));
    for (String part : parts) {
      c.add(new PayoutColumn(part, part));
    }
    this.columns = List.copyOf(c);
  }

  /** The name the scenario and the output tables use, e.g. {@code sla_credit}. */
  public String schemeName() {
    return schemeName;
  }

  /**
   * The scheme's columns in {@code merchant_payout}: its payout (valued under {@link #schemeName})
   * first, then the parts reported apart (valued under the column's own name).
   */
  public List<PayoutColumn> columns() {
    return columns;
  }

  /** The names of all built-in schemes, in order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(BuiltInScheme::schemeName).toList();
  }
}
