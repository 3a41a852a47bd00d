package dev.aftermath.scenario;

import java.util.List;

/**
 * The schemes beyond the cash and traffic plans' own terms: which schemes merchants could choose
 * between ({@code schemes.offered}, default cash and traffic), the service-credit policy and the
 * user-defined schemes, in the order given.
 */
public record PayoutSchemes(List<String> offered, SlaCreditTerms sla, List<CustomScheme> custom) {
  /** The built-in schemes, which custom schemes may refer to. */
  public static final List<String> BUILT_IN =
      List.of("cash", "traffic", "sla_credit", "actual_loss");

  public static PayoutSchemes defaults() {
    return new PayoutSchemes(List.of("cash", "traffic"), SlaCreditTerms.defaults(), List.of());
  }

  public PayoutSchemes {
    offered = List.copyOf(offered);
    custom = List.copyOf(custom);
  }
}
