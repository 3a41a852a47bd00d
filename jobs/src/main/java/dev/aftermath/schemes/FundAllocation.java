package dev.aftermath.schemes;

import dev.aftermath.scenario.Fund;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payouts merchants would choose against the compensation fund: if their total exceeds it,
 * every payout is reduced by the same factor (pro rata), and the amount paid is split between the
 * company and management in proportion to their contributions (INCIDENT.md: "paid pro rata within
 * those limits").
 */
public record FundAllocation(
    double totalChosen,
    Double fundTotal,
    double proRataFactor,
    double paid,
    Double paidByCompany,
    Double paidByManagement) {

  public static FundAllocation of(double totalChosen, Optional<Fund> fund) {
    if (fund.isEmpty()) {
      return new FundAllocation(totalChosen, null, 1, totalChosen, null, null);
    }
    Fund f = fund.get();
    double factor = totalChosen > f.total() ? f.total() / totalChosen : 1;
    double paid = totalChosen * factor;
    Double company = null;
    Double management = null;
    if (f.company().isPresent() && f.management().isPresent()) {
      double sum = f.company().getAsDouble() + f.management().getAsDouble();
      company = sum > 0 ? paid * f.company().getAsDouble() / sum : null;
      management = sum > 0 ? paid * f.management().getAsDouble() / sum : null;
    }
    return new FundAllocation(totalChosen, f.total(), factor, paid, company, management);
  }

  /** As metric rows (metric, value, note) for the {@code fund_allocation} table. */
  public List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"total_payout_under_choice", totalChosen, "sum of chosen_payout"});
    rows.add(new Object[] {"fund_total", fundTotal, "fund.total in scenario.yaml"});
    rows.add(
        new Object[] {
          "fund_remaining", fundTotal == null ? null : fundTotal - paid, "fund left after payouts"
        });
    rows.add(new Object[] {"pro_rata_factor", proRataFactor, "1 = every payout in full"});
    rows.add(new Object[] {"paid", paid, "after the pro-rata reduction"});
    rows.add(new Object[] {"paid_by_company", paidByCompany, "in proportion to fund.company"});
    rows.add(
        new Object[] {"paid_by_management", paidByManagement, "in proportion to fund.management"});
    return rows;
  }
}
