package dev.aftermath.reports;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PDF from a report's HTML (which the templates keep well-formed XHTML), with a TrueType CJK font
 * embedded so Chinese renders: WenQuanYi Micro Hei, installed by {@code bin/ensure-tools} (Debian
 * package {@code fonts-wqy-microhei}); {@code AFTERMATH_CJK_FONT} points elsewhere. Only the glyphs
 * used are embedded.
 */
public final class PdfRenderer {
  static final List<String> FONT_PLACES =
      List.of(
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc");

  private final File font;

  public PdfRenderer() {
    this(findFont());
  }

  /** A renderer embedding {@code font} (null: none, as on a machine without a CJK font). */
  PdfRenderer(File font) {
    PdfLogging.install();
    this.font = font;
  }

  /** The CJK font file, or null when none is installed. */
  static File findFont() {
    String env = System.getenv("AFTERMATH_CJK_FONT");
    if (env != null && Files.isRegularFile(Path.of(env))) {
      return new File(env);
    }
    for (String p : FONT_PLACES) {
      if (Files.isRegularFile(Path.of(p))) {
        return new File(p);
      }
    }
    return null;
  }

  public boolean hasCjkFont() {
    return font != null;
  }

  /** Renders {@code xhtml}; Chinese text needs the CJK font (a clear error without it). */
  public byte[] render(String xhtml, boolean needsCjk) {
    if (needsCjk && font == null) {
      throw new IllegalStateException(
          "no CJK font for the Chinese PDF: install fonts-wqy-microhei (bin/ensure-tools does) or"
              + " set AFTERMATH_CJK_FONT to a TrueType .ttf/.ttc file");
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      b.useSVGDrawer(new BatikSVGDrawer());
      if (font != null) {
        b.useFont(font, "WQY");
      }
      b.withHtmlContent(xhtml, null);
      b.toStream(out);
      b.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render PDF", e);
    }
  }
}
