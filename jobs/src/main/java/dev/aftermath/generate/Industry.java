package dev.aftermath.generate;

import java.time.DayOfWeek;

/**
 * The industries of the demo case and how their merchants and customers behave. The COVID-19 curves
 * follow ../shared/INCIDENT.md: travel halted by state order from 02-14, catering and physical
 * retail deeply down from the lockdown (01-23), community e-commerce and fresh food up. Tickets,
 * purchase intervals and shares are calibration assumptions documented in notebooks-data/README.md.
 */
public enum Industry {
  RETAIL(
      "retail",
      0.25,
      120,
      0.13,
      30,
      1.0,
      0.95,
      0.25,
      0.20,
      200,
      0.02,
      365,
      true,
      Profiles.RETAIL_WEEK,
      Profiles.RETAIL_HOURS,
      ShockCurve.of(
          "2019-12-20",
          1.0,
          "2020-01-12",
          1.15,
          "2020-01-23",
          1.1,
          "2020-02-01",
          0.4,
          "2020-02-20",
          0.45,
          "2020-03-15",
          0.7,
          "2020-04-30",
          0.9)),
  CATERING(
      "catering",
      0.18,
      65,
      0.06,
      20,
      1.5,
      0.95,
      0.35,
      0.40,
      300,
      0.02,
      365,
      true,
      Profiles.CATERING_WEEK,
      Profiles.CATERING_HOURS,
      ShockCurve.of(
          "2019-12-20",
          1.0,
          "2020-01-12",
          1.1,
          "2020-01-23",
          1.0,
          "2020-01-30",
          0.2,
          "2020-02-20",
          0.25,
          "2020-03-15",
          0.5,
          "2020-04-30",
          0.8)),
  TRAVEL(
      "travel",
      0.04,
      900,
      0.06,
      150,
      0.25,
      0.10,
      0.10,
      0.05,
      500,
      0.0,
      730,
      true,
      Profiles.FLAT_WEEK,
      Profiles.RETAIL_HOURS,
      ShockCurve.of(
          "2020-01-20",
          1.0,
          "2020-01-27",
          0.25,
          "2020-02-13",
          0.2,
          "2020-02-14",
          0.02,
          "2020-03-20",
          0.03,
          "2020-04-01",
          0.15,
          "2020-04-30",
          0.3)),
  COMMUNITY_ECOMMERCE(
      "community_ecommerce",
      0.12,
      70,
      0.09,
      8,
      1.4,
      0.90,
      0.45,
      0.30,
      100,
      0.06,
      240,
      true,
      Profiles.FLAT_WEEK,
      Profiles.RETAIL_HOURS,
      ShockCurve.of(
          "2020-01-23",
          1.0,
          "2020-02-05",
          1.8,
          "2020-02-20",
          2.4,
          "2020-03-15",
          2.2,
          "2020-04-30",
          1.7)),
  WHOLESALE(
      "wholesale",
      0.08,
      1500,
      0.13,
      12,
      0.4,
      0.70,
      0.30,
      0.10,
      2000,
      0.0,
      365,
      true,
      Profiles.WHOLESALE_WEEK,
      Profiles.OFFICE_HOURS,
      ShockCurve.of(
          "2020-01-15",
          1.0,
          "2020-01-25",
          0.3,
          "2020-02-10",
          0.4,
          "2020-02-25",
          0.6,
          "2020-03-20",
          0.85,
          "2020-04-30",
          0.95)),
  IMPORT_EXPORT(
      "import_export",
      0.04,
      600,
      0.13,
      45,
      0.3,
      0.20,
      0.10,
      0.05,
      500,
      0.0,
      365,
      true,
      Profiles.WHOLESALE_WEEK,
      Profiles.OFFICE_HOURS,
      ShockCurve.of(
          "2020-01-20",
          1.0,
          "2020-02-01",
          0.4,
          "2020-02-25",
          0.5,
          "2020-03-31",
          0.7,
          "2020-04-30",
          0.75)),
  FRESH_FOOD(
      "fresh_food",
      0.10,
      110,
      0.09,
      10,
      1.2,
      0.90,
      0.35,
      0.30,
      200,
      0.05,
      300,
      true,
      Profiles.FLAT_WEEK,
      Profiles.RETAIL_HOURS,
      ShockCurve.of(
          "2020-01-23",
          1.1,
          "2020-02-03",
          1.7,
          "2020-02-20",
          1.8,
          "2020-03-20",
          1.5,
          "2020-04-30",
          1.25)),
  BEAUTY(
      "beauty",
      0.14,
      220,
      0.06,
      35,
      0.6,
      0.60,
      0.55,
      0.60,
      1500,
      0.03,
      365,
      true,
      Profiles.RETAIL_WEEK,
      Profiles.RETAIL_HOURS,
      ShockCurve.of(
          "2020-01-23",
          1.0,
          "2020-01-30",
          0.3,
          "2020-02-20",
          0.3,
          "2020-03-15",
          0.6,
          "2020-04-30",
          0.85)),
  /** No outside demand index exists for gift cards: exercises the peer fallback. */
  PREPAID_CARDS(
      "prepaid_cards",
      0.05,
      450,
      0.06,
      30,
      0.3,
      0.05,
      0.70,
      0.90,
      1200,
      0.0,
      365,
      false,
      Profiles.FLAT_WEEK,
      Profiles.RETAIL_HOURS,
      ShockCurve.of(
          "2020-01-05",
          1.5,
          "2020-01-22",
          1.6,
          "2020-01-28",
          0.5,
          "2020-02-20",
          0.5,
          "2020-03-31",
          0.7,
          "2020-04-30",
          0.8));

  final String code;
  final double share;
  final double ticket;
  final double vatRate;
  final double purchaseIntervalDays;
  final double sizeFactor;
  final double adEligibleShare;
  final double memberShare;
  final double storedValueShare;
  final double storedValueMean;
  final double defectionExtra;
  final double lifetimeDays;
  final boolean hasIndex;
  final double[] week;
  final double[] hours;
  final ShockCurve covid;

  Industry(
      String code,
      double share,
      double ticket,
      double vatRate,
      double purchaseIntervalDays,
      double sizeFactor,
      double adEligibleShare,
      double memberShare,
      double storedValueShare,
      double storedValueMean,
      double defectionExtra,
      double lifetimeDays,
      boolean hasIndex,
      double[] week,
      double[] hours,
      ShockCurve covid) {
    this.code = code;
    this.share = share;
    this.ticket = ticket;
    this.vatRate = vatRate;
    this.purchaseIntervalDays = purchaseIntervalDays;
    this.sizeFactor = sizeFactor;
    this.adEligibleShare = adEligibleShare;
    this.memberShare = memberShare;
    this.storedValueShare = storedValueShare;
    this.storedValueMean = storedValueMean;
    this.defectionExtra = defectionExtra;
    this.lifetimeDays = lifetimeDays;
    this.hasIndex = hasIndex;
    this.week = Profiles.normalise(week);
    this.hours = Profiles.normalise(hours);
    this.covid = covid;
  }

  /** The industry code used in merchants.industry and scenario.yaml. */
  public String code() {
    return code;
  }

  /** Whether the demo case has an industry_index series for it. */
  public boolean hasIndex() {
    return hasIndex;
  }

  /** The COVID-19 demand multiplier curve. */
  public ShockCurve covid() {
    return covid;
  }

  /** Day-of-week demand factor (mean 1 over the week). */
  public double weekday(DayOfWeek d) {
    return week[d.getValue() - 1];
  }

  /** Share of a day's demand in each hour, summing to 1. */
  double hourShare(int hour) {
    return hours[hour] / 24.0;
  }

  /** The industry with this code. */
  public static Industry of(String code) {
    for (Industry i : values()) {
      if (i.code.equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown industry " + code);
  }

  /** Shapes of demand within a week and a day. */
  static final class Profiles {
    private Profiles() {}

    static final double[] FLAT_WEEK = {0.97, 0.97, 0.98, 0.99, 1.02, 1.05, 1.02};
    static final double[] RETAIL_WEEK = {0.92, 0.92, 0.93, 0.95, 1.02, 1.15, 1.11};
    static final double[] CATERING_WEEK = {0.9, 0.9, 0.92, 0.95, 1.08, 1.18, 1.07};
    static final double[] WHOLESALE_WEEK = {1.1, 1.1, 1.1, 1.08, 1.05, 0.85, 0.72};
    static final double[] RETAIL_HOURS = {
      0.15, 0.08, 0.05, 0.03, 0.03, 0.05, 0.2, 0.5, 0.8, 1.1, 1.3, 1.4,
      1.4, 1.3, 1.3, 1.3, 1.4, 1.5, 1.6, 1.9, 2.1, 1.9, 1.2, 0.5
    };
    static final double[] CATERING_HOURS = {
      0.1, 0.05, 0.03, 0.02, 0.02, 0.05, 0.3, 0.8, 0.8, 0.7, 1.2, 3.0,
      3.2, 1.6, 0.6, 0.5, 0.8, 2.2, 3.0, 2.4, 1.2, 0.7, 0.4, 0.2
    };
    static final double[] OFFICE_HOURS = {
      0.02, 0.01, 0.01, 0.01, 0.01, 0.05, 0.3, 1.2, 2.4, 2.6, 2.5, 2.0,
      1.3, 2.2, 2.5, 2.4, 2.0, 1.2, 0.5, 0.3, 0.2, 0.15, 0.1, 0.05
    };

    /** Scales weights so that they average 1. */
    static double[] normalise(double[] w) {
      double sum = 0;
      for (double x : w) {
        sum += x;
      }
      double[] out = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        out[i] = w[i] * w.length / sum;
      }
      return out;
    }
  }
}
