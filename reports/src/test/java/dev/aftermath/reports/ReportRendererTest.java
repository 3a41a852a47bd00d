package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportRendererTest {
  private final ReportRenderer renderer = new ReportRenderer();

  @Test
  void aBrokenTemplateFailsNamingTheTemplateAndLine() {
    assertThatThrownBy(() -> renderer.render("broken.ftlh", Locale.UK, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broken.ftlh")
        .hasMessageContaining("line 3");
  }

  @Test
  void templatesCannotInstantiateClasses() {
    assertThatThrownBy(() -> renderer.render("instantiates.ftlh", Locale.UK, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("instantiates.ftlh");
  }

  @Test
  void textFromDataIsEscapedButTheEnginesOwnSvgIsNot() {
    String html =
        renderer.render(
            "layout-probe.ftlh",
            Locale.UK,
            Map.of("name", "<b>x</b> & ${y}", "svg", "<svg width=\"1\" height=\"1\"></svg>"));
    assertThat(html).contains("&lt;b&gt;x&lt;/b&gt; &amp; ${y}").contains("<svg width=\"1\"");
  }
}
