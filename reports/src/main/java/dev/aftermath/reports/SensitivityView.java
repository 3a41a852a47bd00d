package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The investor report's sensitivity section: which assumptions move the totals most. The margin
 * rates, the grace days and the value horizon come from {@code assumption_sensitivity} (a run with
 * {@code --with-sensitivity}: the stages that read them run again); the claim weights, which move
 * only the exposure, from {@code exposure_sensitivity}. Each change is measured against its own
 * base (the run's totals; for the claim weights the same draws at the scenario's weights), so the
 * charts show changes in percent around zero: one tornado for the merchants' total loss, one for
 * the P90 of the exposure.
 */
public record SensitivityView(
    List<List<String>> rows, String lossChart, String exposureChart, boolean complete) {

  /** How many claim weights the exposure tornado shows (largest swing first). */
  static final int CLAIM_WEIGHTS_SHOWN = 4;

  /** One setting varied, its changes against its base (NaN: the setting does not move it). */
  record Entry(
      String label,
      String setting,
      String lowHigh,
      List<String> loss,
      List<String> payout,
      List<String> exposure,
      double lossLow,
      double lossHigh,
      double p90Low,
      double p90High) {
    double p90Swing() {
      return Math.abs(p90High - p90Low);
    }
  }

  static SensitivityView of(
      Table assumptions, Table claimWeights, Formats f, Map<String, String> msg) {
    List<Entry> entries = new ArrayList<>();
    if (assumptions != null) {
      for (int i = 0; i < assumptions.rowCount(); i++) {
        String p = Rows.text(assumptions, i, "parameter");
        boolean factor = "cash_plan.margin_rates".equals(p);
        entries.add(
            new Entry(
                msg.getOrDefault("sens." + p, p),
                factor
                    ? "×" + f.number(Rows.num(assumptions, i, "value"), 1)
                    : f.number(Rows.num(assumptions, i, "value"), 0),
                factor
                    ? "×"
                        + f.number(Rows.num(assumptions, i, "value_low"), 1)
                        + " / ×"
                        + f.number(Rows.num(assumptions, i, "value_high"), 1)
                    : f.number(Rows.num(assumptions, i, "value_low"), 0)
                        + " / "
                        + f.number(Rows.num(assumptions, i, "value_high"), 0),
                pair(f, assumptions, i, "loss_low", "loss_high"),
                pair(f, assumptions, i, "payout_low", "payout_high"),
                pair(f, assumptions, i, "exposure_p90_low", "exposure_p90_high"),
                change(assumptions, i, "loss_low", "loss_base"),
                change(assumptions, i, "loss_high", "loss_base"),
                change(assumptions, i, "exposure_p90_low", "exposure_p90_base"),
                change(assumptions, i, "exposure_p90_high", "exposure_p90_base")));
      }
    }
    List<Entry> weights = new ArrayList<>();
    if (claimWeights != null) {
      for (int i = 0; i < claimWeights.rowCount(); i++) {
        String p = Rows.text(claimWeights, i, "parameter");
        weights.add(
            new Entry(
                // a code: it may break after each dot
                p.replace(".", ".\u200B"),
                f.number(Rows.num(claimWeights, i, "value"), 2),
                f.number(Rows.num(claimWeights, i, "value_low"), 2)
                    + " / "
                    + f.number(Rows.num(claimWeights, i, "value_high"), 2),
                UNMOVED,
                UNMOVED,
                pair(f, claimWeights, i, "p90_low", "p90_high"),
                Double.NaN,
                Double.NaN,
                change(claimWeights, i, "p90_low", "p90_base"),
                change(claimWeights, i, "p90_high", "p90_base")));
      }
    }
    weights.sort(Comparator.comparingDouble(Entry::p90Swing).reversed());
    entries.addAll(weights.subList(0, Math.min(CLAIM_WEIGHTS_SHOWN, weights.size())));
    entries.sort(Comparator.comparingDouble(Entry::p90Swing).reversed());
    List<List<String>> rows = new ArrayList<>();
    for (Entry e : entries) {
      rows.add(
          List.of(
              e.label(),
              e.setting(),
              e.lowHigh(),
              e.loss().get(0),
              e.loss().get(1),
              e.payout().get(0),
              e.payout().get(1),
              e.exposure().get(0),
              e.exposure().get(1),
              f.percent(e.p90High() - e.p90Low())));
    }
    List<Entry> moveLoss =
        entries.stream()
            .filter(e -> Double.isFinite(e.lossLow()))
            .sorted(
                Comparator.comparingDouble((Entry e) -> Math.abs(e.lossHigh() - e.lossLow()))
                    .reversed())
            .toList();
    String lossChart =
        moveLoss.isEmpty()
            ? null
            : Charts.tornado(
                "tornado-loss",
                msg.get("sens.axis.loss"),
                moveLoss.stream().map(Entry::label).toList(),
                0,
                moveLoss.stream().map(e -> 100 * e.lossLow()).toList(),
                moveLoss.stream().map(e -> 100 * e.lossHigh()).toList(),
                msg.get("sens.low"),
                msg.get("sens.high"));
    String exposureChart =
        entries.isEmpty()
            ? null
            : Charts.tornado(
                "tornado-exposure",
                msg.get("sens.axis.exposure"),
                entries.stream().map(Entry::label).toList(),
                0,
                entries.stream().map(e -> 100 * e.p90Low()).toList(),
                entries.stream().map(e -> 100 * e.p90High()).toList(),
                msg.get("sens.low"),
                msg.get("sens.high"));
    return new SensitivityView(rows, lossChart, exposureChart, assumptions != null);
  }

  /** Money at the low and the high setting, shown one above the other. */
  private static List<String> pair(Formats f, Table t, int i, String low, String high) {
    return List.of(f.money(Rows.num(t, i, low)), f.money(Rows.num(t, i, high)));
  }

  private static final List<String> UNMOVED = List.of("–", "–");

  /** The relative change of {@code column} against {@code base}; NaN where the base is 0. */
  static double change(Table t, int i, String column, String base) {
    double b = Rows.num(t, i, base);
    return b != 0 ? Rows.num(t, i, column) / b - 1 : Double.NaN;
  }
}
