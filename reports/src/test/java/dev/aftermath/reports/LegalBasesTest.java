package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftermath.scenario.BundledScenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegalBasesTest {
  private final LegalBases bundled = Facts.of(bundledFacts()).legalBases();
  private final Formats en = new Formats(Locale.UK, "CNY");
  private final Formats zh = new Formats(Locale.SIMPLIFIED_CHINESE, "CNY");

  private static CaseFiles bundledFacts() {
    String text = BundledScenario.factsText();
    return new CaseFiles() {
      @Override
      public List<InputFile> files() {
        return List.of();
      }

      @Override
      public java.util.Optional<String> text(String name) {
        return "facts.yaml".equals(name) ? java.util.Optional.of(text) : java.util.Optional.empty();
      }
    };
  }

  @Test
  void aBreachIn2020IsJudgedUnderTheContractLawAndOneIn2021UnderTheCivilCode() {
    LegalBases.Basis in2020 =
        bundled.applying("foreseeable_loss", LocalDate.of(2020, 2, 23)).orElseThrow();
    assertThat(in2020.law().en()).startsWith("Contract Law").contains("art. 113");
    assertThat(in2020.law().zh()).contains("合同法").contains("第一百一十三条");
    LegalBases.Basis in2021 =
        bundled.applying("foreseeable_loss", LocalDate.of(2021, 1, 1)).orElseThrow();
    assertThat(in2021.law().en()).startsWith("Civil Code").contains("art. 584");
    // the last day of the Contract Law, and every regime has a basis on both days
    assertThat(bundled.applying("foreseeable_loss", LocalDate.of(2020, 12, 31)).orElseThrow())
        .isEqualTo(in2020);
    for (String regime : LegalReport.REGIMES) {
      assertThat(bundled.applying(regime, LocalDate.of(2020, 2, 23))).as(regime).isPresent();
      assertThat(bundled.applying(regime, LocalDate.of(2022, 6, 1))).as(regime).isPresent();
    }
    assertThat(bundled.applying("full_loss", LocalDate.of(2020, 2, 23)).orElseThrow().law().en())
        .contains("Tort Liability Law");
  }

  @Test
  void theRowsNameTheLawInForceInTheReportsLanguageAndSayWhenThereIsNone() {
    Map<String, String> msgEn = ReportRenderer.messages(Locale.UK);
    List<List<String>> rows =
        bundled.rows(List.of("foreseeable_loss"), LocalDate.of(2020, 2, 23), en, msgEn);
    assertThat(rows.get(0).get(1)).contains("Contract Law");
    assertThat(rows.get(0).get(2)).isEqualTo("1 Oct 1999 – 31 Dec 2020");
    List<List<String>> rowsZh =
        bundled.rows(
            List.of("foreseeable_loss"),
            LocalDate.of(2021, 3, 1),
            zh,
            ReportRenderer.messages(Locale.SIMPLIFIED_CHINESE));
    assertThat(rowsZh.get(0).get(1)).contains("民法典").doesNotContain("Civil");
    List<List<String>> before =
        bundled.rows(List.of("foreseeable_loss"), LocalDate.of(1990, 1, 1), en, msgEn);
    assertThat(before.get(0).get(1)).isEqualTo(msgEn.get("legal.no_basis"));
  }

  @Test
  void aBasisWithoutItsFirstDayIsRefusedNamingIt() {
    assertThatThrownBy(() -> LegalBases.read(List.of(Map.of("regime", "full_loss")), "facts.yaml"))
        .hasMessageContaining("facts.yaml: legal_bases[0]: from is missing");
  }
}
