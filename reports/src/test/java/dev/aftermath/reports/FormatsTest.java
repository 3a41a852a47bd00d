package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {
  private final Formats zh = new Formats(Locale.SIMPLIFIED_CHINESE, "CNY");
  private final Formats en = new Formats(Locale.UK, "CNY");

  @Test
  void chineseMoneyInWanAndYi() {
    assertThat(zh.money(9_999)).isEqualTo("9,999元");
    assertThat(zh.money(123_456)).isEqualTo("12.35万元");
    assertThat(zh.money(73_000_000)).isEqualTo("7,300万元");
    assertThat(zh.money(150_000_000)).isEqualTo("1.50亿元");
    assertThat(zh.money(-28_668.33)).isEqualTo("−2.87万元");
    assertThat(zh.moneyIn(12_060_000_000.0, "HKD")).isEqualTo("120.60亿港元");
    assertThat(zh.date(LocalDate.of(2020, 2, 23))).isEqualTo("2020年2月23日");
  }

  @Test
  void englishMoneyWithSeparatorsMillionsAndBillions() {
    assertThat(en.money(28_668.33)).isEqualTo("CNY 28,668");
    assertThat(en.money(12_264_819)).isEqualTo("CNY 12.26 M");
    assertThat(en.money(3_142_012_041.0)).isEqualTo("CNY 3.14 B");
    assertThat(en.moneyIn(-3_142_012_041.0, "HKD")).isEqualTo("−HKD 3.14 B");
    assertThat(en.percent(0.1234)).isEqualTo("12.3%");
    assertThat(en.date(LocalDate.of(2020, 2, 23))).isEqualTo("23 Feb 2020");
  }
}
