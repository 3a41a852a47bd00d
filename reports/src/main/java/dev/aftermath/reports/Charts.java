package dev.aftermath.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts drawn server-side with JFreeChart into inline SVG (text stays text). Labels come from the
 * caller already localised; data labels are category names from the tables (industries), which the
 * SVG writer escapes.
 */
public final class Charts {
  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  static final Color INK = new Color(0x1f, 0x3a, 0x5f);
  static final Color ACCENT = new Color(0xb2, 0x3a, 0x48);

  private Charts() {}

  /** One bar per category. */
  public static String bars(
      String id, String valueAxis, List<String> categories, List<Double> values) {
    List<Double> none = java.util.Collections.nCopies(categories.size(), Double.NaN);
    return barsWithIntervals(id, valueAxis, categories, values, none, none);
  }

  /**
   * One bar per category with its 90% interval drawn over it as a thin dark bar from {@code lows}
   * to {@code highs} (a category without an interval, NaN, has none).
   */
  public static String barsWithIntervals(
      String id,
      String valueAxis,
      List<String> categories,
      List<Double> values,
      List<Double> lows,
      List<Double> highs) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < categories.size(); i++) {
      data.addValue(values.get(i), "v", categories.get(i));
    }
    Number[][] starts = new Number[1][categories.size()];
    Number[][] ends = new Number[1][categories.size()];
    for (int i = 0; i < categories.size(); i++) {
      boolean has = Double.isFinite(lows.get(i)) && Double.isFinite(highs.get(i));
      starts[0][i] = has ? lows.get(i) : null;
      ends[0][i] = has ? highs.get(i) : null;
    }
    org.jfree.data.category.DefaultIntervalCategoryDataset intervals =
        new org.jfree.data.category.DefaultIntervalCategoryDataset(
            new String[] {"interval"}, categories.toArray(new String[0]), starts, ends);
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, null, valueAxis, data, PlotOrientation.HORIZONTAL, false, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setSeriesPaint(0, new Color(0x8f, 0xa8, 0xc8));
    r.setShadowVisible(false);
    r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    org.jfree.chart.renderer.category.IntervalBarRenderer whisker =
        new org.jfree.chart.renderer.category.IntervalBarRenderer();
    whisker.setSeriesPaint(0, INK);
    whisker.setShadowVisible(false);
    whisker.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    whisker.setMaximumBarWidth(0.015);
    plot.setDataset(1, intervals);
    plot.setRenderer(1, whisker);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
    style(chart);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return svg(id, chart, HEIGHT);
  }

  /**
   * A tornado: for each setting (largest swing first, as given), a bar from the base value to the
   * value at the low setting and one to the value at the high setting, with a line at the base.
   */
  public static String tornado(
      String id,
      String valueAxis,
      List<String> settings,
      double base,
      List<Double> atLow,
      List<Double> atHigh,
      String lowName,
      String highName) {
    int n = settings.size();
    Number[][] starts = new Number[2][n];
    Number[][] ends = new Number[2][n];
    for (int i = 0; i < n; i++) {
      starts[0][i] = base;
      ends[0][i] = atLow.get(i);
      starts[1][i] = base;
      ends[1][i] = atHigh.get(i);
    }
    org.jfree.data.category.DefaultIntervalCategoryDataset data =
        new org.jfree.data.category.DefaultIntervalCategoryDataset(
            new String[] {lowName, highName}, settings.toArray(new String[0]), starts, ends);
    org.jfree.chart.renderer.category.IntervalBarRenderer r =
        new org.jfree.chart.renderer.category.IntervalBarRenderer();
    r.setSeriesPaint(0, new Color(0x8f, 0xa8, 0xc8));
    r.setSeriesPaint(1, ACCENT);
    r.setShadowVisible(false);
    r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    r.setItemMargin(0);
    r.setDefaultLegendTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    org.jfree.chart.axis.CategoryAxis axis = new org.jfree.chart.axis.CategoryAxis(null);
    axis.setMaximumCategoryLabelWidthRatio(0.45f);
    org.jfree.chart.axis.NumberAxis values = new org.jfree.chart.axis.NumberAxis(valueAxis);
    // the renderer's own range reads only the ends of the bars' one side: set it from both
    double lo = base;
    double hi = base;
    for (int i = 0; i < n; i++) {
      for (double v : new double[] {atLow.get(i), atHigh.get(i)}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double pad = hi > lo ? 0.08 * (hi - lo) : 1;
    values.setRange(lo - pad, hi + pad);
    CategoryPlot plot = new CategoryPlot(data, axis, values, r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(base, INK, new BasicStroke(1.5f)));
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    style(chart);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return svg(id, chart, 80 + 34 * Math.max(2, n));
  }

  /** A day marked on a dated chart: an event, with its label. */
  public record Event(java.time.LocalDate day, String label) {}

  /**
   * Daily series over real dates ({@code days}, one value of each series per day; NaN leaves a
   * gap), the days from {@code shadeFrom} to {@code shadeTo} shaded and labelled (the outage; none
   * when null), and a dashed line at each event.
   */
  public static String daily(
      String id,
      String yAxis,
      List<java.time.LocalDate> days,
      List<String> names,
      List<double[]> series,
      java.time.LocalDate shadeFrom,
      java.time.LocalDate shadeTo,
      String shadeLabel,
      List<Event> events,
      int height) {
    org.jfree.data.time.TimeSeriesCollection data =
        new org.jfree.data.time.TimeSeriesCollection(UTC);
    for (int s = 0; s < names.size(); s++) {
      org.jfree.data.time.TimeSeries ts = new org.jfree.data.time.TimeSeries(names.get(s));
      double[] v = series.get(s);
      for (int d = 0; d < days.size(); d++) {
        java.time.LocalDate day = days.get(d);
        ts.add(
            new org.jfree.data.time.Day(
                new java.util.Date(millis(day)), UTC, java.util.Locale.ROOT),
            Double.isFinite(v[d]) ? v[d] : null);
      }
      data.addSeries(ts);
    }
    JFreeChart chart =
        ChartFactory.createTimeSeriesChart(null, null, yAxis, data, names.size() > 1, false, false);
    XYPlot plot = chart.getXYPlot();
    org.jfree.chart.axis.DateAxis time = (org.jfree.chart.axis.DateAxis) plot.getDomainAxis();
    time.setTimeZone(UTC);
    java.text.SimpleDateFormat format =
        new java.text.SimpleDateFormat("yyyy-MM-dd", java.util.Locale.ROOT);
    format.setTimeZone(UTC);
    time.setDateFormatOverride(format);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    Color[] palette = {INK, ACCENT, new Color(0x6b, 0x8f, 0x47), Color.GRAY};
    for (int s = 0; s < names.size(); s++) {
      r.setSeriesPaint(s, palette[s % palette.length]);
      r.setSeriesStroke(s, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    if (shadeFrom != null && shadeTo != null) {
      org.jfree.chart.plot.IntervalMarker shade =
          new org.jfree.chart.plot.IntervalMarker(
              millis(shadeFrom), millis(shadeTo.plusDays(1)), new Color(0xb2, 0x3a, 0x48, 0x30));
      shade.setLabel(shadeLabel);
      shade.setLabelFont(small);
      shade.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
      shade.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
      plot.addDomainMarker(shade, org.jfree.chart.ui.Layer.BACKGROUND);
    }
    int k = 0;
    for (Event e : events) {
      org.jfree.chart.plot.ValueMarker m =
          new org.jfree.chart.plot.ValueMarker(millis(e.day()) + 43_200_000L);
      m.setPaint(Color.DARK_GRAY);
      m.setStroke(
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f}, 0f));
      m.setLabel(e.label());
      m.setLabelFont(small);
      // labels stepped down so that events days apart do not overprint
      m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(14 + 12 * (k++ % 3), 2, 2, 2));
      m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
      plot.addDomainMarker(m);
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 16));
    style(chart);
    return svg(id, chart, height);
  }

  private static final java.util.TimeZone UTC = java.util.TimeZone.getTimeZone("UTC");

  /** The start of {@code day}, as epoch milliseconds of the UTC axis the dated charts use. */
  private static long millis(java.time.LocalDate day) {
    return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /**
   * Lines over x with a shaded band around each, one per named series; each point is {x, y, low,
   * high}, and a horizontal line marks 0.
   */
  public static String linesWithBands(
      String id, String xAxis, String yAxis, List<String> names, List<double[][]> series) {
    org.jfree.data.xy.YIntervalSeriesCollection data =
        new org.jfree.data.xy.YIntervalSeriesCollection();
    for (int s = 0; s < names.size(); s++) {
      org.jfree.data.xy.YIntervalSeries xy = new org.jfree.data.xy.YIntervalSeries(names.get(s));
      for (double[] p : series.get(s)) {
        xy.add(p[0], p[1], p[2], p[3]);
      }
      data.addSeries(xy);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            null, xAxis, yAxis, data, PlotOrientation.VERTICAL, names.size() > 1, false, false);
    XYPlot plot = chart.getXYPlot();
    org.jfree.chart.renderer.xy.DeviationRenderer r =
        new org.jfree.chart.renderer.xy.DeviationRenderer(true, false);
    r.setAlpha(0.15f);
    Color[] palette = {INK, ACCENT, new Color(0x6b, 0x8f, 0x47), Color.GRAY};
    for (int s = 0; s < names.size(); s++) {
      r.setSeriesPaint(s, palette[s % palette.length]);
      r.setSeriesFillPaint(s, palette[s % palette.length]);
      r.setSeriesStroke(s, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    style(chart);
    return svg(id, chart, HEIGHT);
  }

  /** Lines over x, one per named series; {@code zero} draws a horizontal line at 0. */
  public static String lines(
      String id, String xAxis, String yAxis, List<String> names, List<double[][]> series) {
    return lines(id, xAxis, yAxis, names, series, HEIGHT);
  }

  /** The same at another height (a one-page statement uses a lower chart). */
  public static String lines(
      String id,
      String xAxis,
      String yAxis,
      List<String> names,
      List<double[][]> series,
      int height) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (int s = 0; s < names.size(); s++) {
      XYSeries xy = new XYSeries(names.get(s), false, true);
      for (double[] p : series.get(s)) {
        xy.add(p[0], p[1]);
      }
      data.addSeries(xy);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            null, xAxis, yAxis, data, PlotOrientation.VERTICAL, names.size() > 1, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    Color[] palette = {INK, ACCENT, new Color(0x6b, 0x8f, 0x47), Color.GRAY};
    for (int s = 0; s < names.size(); s++) {
      r.setSeriesPaint(s, palette[s % palette.length]);
      r.setSeriesStroke(s, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    style(chart);
    return svg(id, chart, height);
  }

  /** A histogram of {@code values} in {@code bins} equal bins. */
  public static String histogram(
      String id, String valueAxis, String countAxis, double[] values, int bins) {
    org.jfree.data.statistics.HistogramDataset data =
        new org.jfree.data.statistics.HistogramDataset();
    data.addSeries("v", values, bins);
    JFreeChart chart =
        ChartFactory.createHistogram(
            null, valueAxis, countAxis, data, PlotOrientation.VERTICAL, false, false, false);
    XYPlot plot = chart.getXYPlot();
    org.jfree.chart.renderer.xy.XYBarRenderer r =
        (org.jfree.chart.renderer.xy.XYBarRenderer) plot.getRenderer();
    r.setSeriesPaint(0, INK);
    r.setShadowVisible(false);
    r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    style(chart);
    return svg(id, chart, HEIGHT);
  }

  /** A timeline: one bar per phase from its start to its end (epoch milliseconds). */
  public static String timeline(String id, List<String> phases, List<long[]> spans) {
    org.jfree.data.gantt.TaskSeries series = new org.jfree.data.gantt.TaskSeries("phases");
    for (int i = 0; i < phases.size(); i++) {
      series.add(
          new org.jfree.data.gantt.Task(
              phases.get(i),
              new java.util.Date(spans.get(i)[0]),
              new java.util.Date(spans.get(i)[1])));
    }
    org.jfree.data.gantt.TaskSeriesCollection data =
        new org.jfree.data.gantt.TaskSeriesCollection();
    data.add(series);
    JFreeChart chart = ChartFactory.createGanttChart(null, null, null, data, false, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getRenderer().setSeriesPaint(0, ACCENT);
    ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
    ((BarRenderer) plot.getRenderer())
        .setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    org.jfree.chart.axis.DateAxis time = (org.jfree.chart.axis.DateAxis) plot.getRangeAxis();
    time.setTimeZone(java.util.TimeZone.getTimeZone("UTC")); // spans are local times, given as UTC
    time.setDateFormatOverride(
        new java.text.SimpleDateFormat("MM-dd HH:mm", java.util.Locale.ROOT));
    ((java.text.SimpleDateFormat) time.getDateFormatOverride())
        .setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    plot.setBackgroundPaint(Color.WHITE);
    style(chart);
    return svg(id, chart, 60 + 40 * phases.size());
  }

  /**
   * The compensation frontier: every rule tried as a grey dot, the frontier and the cash frontier
   * as steps, and labelled points (the offered schemes), cost on x and merchants made whole on y; a
   * vertical line at {@code marker} (the fund) when it is not null.
   */
  public static String frontier(
      String id,
      String xAxis,
      String yAxis,
      double[][] tried,
      List<String> lineNames,
      List<double[][]> lines,
      List<String> pointNames,
      double[][] points,
      Double marker,
      String markerLabel) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries dots = new XYSeries(" ", false, true);
    for (double[] p : tried) {
      dots.add(p[0], p[1]);
    }
    data.addSeries(dots);
    for (int s = 0; s < lines.size(); s++) {
      XYSeries xy = new XYSeries(lineNames.get(s), false, true);
      for (double[] p : lines.get(s)) {
        xy.add(p[0], p[1]);
      }
      data.addSeries(xy);
    }
    for (int s = 0; s < points.length; s++) {
      XYSeries xy = new XYSeries(pointNames.get(s), false, true);
      xy.add(points[s][0], points[s][1]);
      data.addSeries(xy);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            null, xAxis, yAxis, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    r.setSeriesLinesVisible(0, false);
    r.setSeriesShapesVisible(0, true);
    r.setSeriesPaint(0, new Color(0xbb, 0xbb, 0xbb));
    r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
    r.setSeriesVisibleInLegend(0, false);
    Color[] lineColours = {INK, new Color(0x6b, 0x8f, 0x47)};
    for (int s = 0; s < lines.size(); s++) {
      int k = 1 + s;
      r.setSeriesLinesVisible(k, true);
      r.setSeriesShapesVisible(k, false);
      r.setSeriesPaint(k, lineColours[s % lineColours.length]);
      r.setSeriesStroke(k, new BasicStroke(2f));
    }
    java.awt.Shape[] shapes = {
      new java.awt.Rectangle(-5, -5, 10, 10),
      new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10),
      new java.awt.Polygon(new int[] {0, 6, -6}, new int[] {-6, 5, 5}, 3)
    };
    for (int s = 0; s < points.length; s++) {
      int k = 1 + lines.size() + s;
      r.setSeriesLinesVisible(k, false);
      r.setSeriesShapesVisible(k, true);
      r.setSeriesPaint(k, ACCENT);
      r.setSeriesShape(k, shapes[s % shapes.length]);
    }
    plot.setRenderer(r);
    if (marker != null) {
      org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(marker);
      m.setPaint(Color.GRAY);
      m.setStroke(
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f}, 0f));
      m.setLabel(markerLabel);
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
      m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
      plot.addDomainMarker(m);
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    // room on the right for the last cost label
    chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 28));
    style(chart);
    return svg(id, chart, HEIGHT);
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    }
  }

  /**
   * The chart as an SVG element; {@code id} prefixes its internal references (clip paths), so that
   * several charts in one page do not collide and the same chart renders to the same bytes.
   */
  private static String svg(String id, JFreeChart chart, int height) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, WIDTH, height));
    // whole-number sizes (the PDF renderer reads "640.0" as no size at all) and a viewBox so that
    // the chart scales with the page
    return g.getSVGElement()
        .replaceFirst("width=['\"]" + WIDTH + "(\\.0)?['\"]", "width=\"" + WIDTH + "\"")
        .replaceFirst(
            "height=['\"]" + height + "(\\.0)?['\"]",
            "height=\"" + height + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\"");
  }
}
