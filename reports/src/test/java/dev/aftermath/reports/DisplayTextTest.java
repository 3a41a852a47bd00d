package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {
  @Test
  void showsCharactersThatReorderOrHideTextByTheirCode() {
    assertThat(DisplayText.inert("invoice\u202Efdp.exe")).isEqualTo("invoice[U+202E]fdp.exe");
    assertThat(DisplayText.inert("a\u200Bb\u2066c\u0007")).isEqualTo("a[U+200B]b[U+2066]c[U+0007]");
    assertThat(DisplayText.inert("上海悦便利店 & <b>")).isEqualTo("上海悦便利店 & <b>");
  }

  @Test
  void cutsLongNamesAndSaysHowLongTheyWere() {
    String name = "店".repeat(500);
    assertThat(DisplayText.of(name)).isEqualTo("店".repeat(120) + "… (500 characters)");
    assertThat(DisplayText.of("店".repeat(120))).isEqualTo("店".repeat(120));
  }
}
