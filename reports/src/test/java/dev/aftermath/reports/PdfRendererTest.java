package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PdfRendererTest {
  private static final String PAGE =
      "<html><head><style>body { font-family: WQY; }</style></head><body><p>损失 loss</p></body></html>";

  @Test
  void aChinesePdfWithoutACjkFontFailsWithAMessageSayingWhatToInstall() {
    PdfRenderer none = new PdfRenderer(null);
    assertThat(none.hasCjkFont()).isFalse();
    assertThatThrownBy(() -> none.render(PAGE, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no CJK font")
        .hasMessageContaining("fonts-wqy-microhei")
        .hasMessageContaining("AFTERMATH_CJK_FONT");
    // an English PDF needs no CJK font
    assertThat(none.render(PAGE.replace("损失 ", ""), false)).startsWith("%PDF".getBytes());
  }
}
