package dev.aftermath.reports;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, money and dates for one report language: Chinese in 万 and 亿 with the unit after, English
 * with thousands separators, M and B, and the currency code.
 */
public final class Formats {
  private final boolean chinese;
  private final String currency;

  public Formats(Locale locale, String currency) {
    this.chinese = "zh".equals(locale.getLanguage());
    this.currency = currency;
  }

  /** The currency's code, e.g. CNY. */
  public String currency() {
    return currency;
  }

  public boolean chinese() {
    return chinese;
  }

  /** A whole count with separators. */
  public String count(double v) {
    return NumberFormat.getIntegerInstance(Locale.US).format(Math.round(v));
  }

  /** Money in another currency (e.g. the share's), abbreviated the same way. */
  public String moneyIn(double v, String otherCurrency) {
    return new Formats(chinese ? Locale.CHINA : Locale.UK, otherCurrency).money(v);
  }

  /**
   * Money, abbreviated. Chinese: the unit after the number (元, 港元, 美元, else the code), 万 below 1亿
   * and 亿 above, with separators: 1,234元 / 12.35万元 / 7,300万元 / 1.23亿元 / 120.60亿港元. English: CNY
   * 1,234 / CNY 12.35 M / CNY 1.23 B.
   */
  public String money(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    String sign = v < 0 ? "−" : "";
    double a = Math.abs(v);
    if (chinese) {
      String unit = chineseUnit(currency);
      if (a >= 1e8) {
        return sign + grouped(a / 1e8, 2) + "亿" + unit;
      }
      if (a >= 1e7) {
        return sign + grouped(a / 1e4, 0) + "万" + unit;
      }
      if (a >= 1e4) {
        return sign + grouped(a / 1e4, 2) + "万" + unit;
      }
      return sign + count(a) + unit;
    }
    if (a >= 1e9) {
      return sign + currency + " " + String.format(Locale.ROOT, "%.2f B", a / 1e9);
    }
    if (a >= 1e6) {
      return sign + currency + " " + String.format(Locale.ROOT, "%.2f M", a / 1e6);
    }
    return sign + currency + " " + count(a);
  }

  /**
   * What a chart's money axis is divided by: millions in English, 万 (ten thousands) in Chinese,
   * each the unit {@link #moneyAxis} names.
   */
  public double axisScale() {
    return chinese ? 1e4 : 1e6;
  }

  /** An axis of amounts in the currency itself: "Daily revenue (CNY)", "日营业额（元）". */
  public String currencyAxis(String label) {
    return chinese
        ? label + "（" + chineseUnit(currency).strip() + "）"
        : label + " (" + currency + ")";
  }

  /** A money axis' label with its unit: "Lost revenue (CNY M)", "损失收入（万元）". */
  public String moneyAxis(String label) {
    return chinese
        ? label + "（万" + chineseUnit(currency).strip() + "）"
        : label + " (" + currency + " M)";
  }

  /** The unit written after a Chinese amount: 元, 港元, 美元, else the currency's code. */
  static String chineseUnit(String currency) {
    return switch (currency) {
      case "CNY", "RMB" -> "元";
      case "HKD" -> "港元";
      case "USD" -> "美元";
      default -> " " + currency;
    };
  }

  /** A number with thousands separators and the given decimals. */
  static String grouped(double v, int digits) {
    NumberFormat n = NumberFormat.getNumberInstance(Locale.US);
    n.setMinimumFractionDigits(digits);
    n.setMaximumFractionDigits(digits);
    n.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
    return n.format(v);
  }

  /** A 90% interval of money: low – high. */
  public String moneyRange(double low, double high) {
    return money(low) + " – " + money(high);
  }

  /** A 90% interval of counts: low – high. */
  public String countRange(double low, double high) {
    return count(low) + " – " + count(high);
  }

  /** A share as a percentage with one decimal. */
  public String percent(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** A decimal number with the given digits. */
  public String number(double v, int digits) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  /** A local date-time as written in a table (ISO), shown as 2020-02-23 19:00. */
  public String dateTime(String iso) {
    return iso.length() >= 16 ? iso.substring(0, 10) + " " + iso.substring(11, 16) : iso;
  }

  /** A date: 2020年2月23日 or 23 Feb 2020. */
  public String date(LocalDate d) {
    return chinese
        ? d.format(DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA))
        : d.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK));
  }
}
