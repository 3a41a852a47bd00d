package dev.aftermath.casedata;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outside control series ({@code industry_index}: date, industry, index) as one value per
 * industry and day from {@code origin} to {@code lastDay}, the last known value carried over gaps
 * (and the first one back to the origin).
 */
public final class ControlSeries {
  private ControlSeries() {}

  public static Map<String, double[]> daily(Dataset<Row> index, LocalDate origin, int lastDay) {
    Map<String, TreeMap<Integer, Double>> points = new HashMap<>();
    for (Row r : index.select("date", "industry", "index").collectAsList()) {
      points
          .computeIfAbsent(r.getString(1), k -> new TreeMap<>())
          .put((int) ChronoUnit.DAYS.between(origin, r.<LocalDate>getAs(0)), r.getDouble(2));
    }
    Map<String, double[]> control = new HashMap<>();
    points.forEach(
        (industry, byDay) -> {
          double[] series = new double[lastDay + 1];
          for (int d = 0; d <= lastDay; d++) {
            var at = byDay.floorEntry(d);
            series[d] = (at != null ? at : byDay.firstEntry()).getValue();
          }
          control.put(industry, series);
        });
    return control;
  }
}
