package dev.aftermath.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * METHODS.md (carried inside the jar) as a self-contained HTML page beside the reports, so that a
 * reader of a report can open the methods and assumptions it cites. Raw HTML in the Markdown is
 * escaped, not passed through.
 */
final class MethodsPage {
  private MethodsPage() {}

  static final String FILE = "methods.html";

  /** The Markdown of METHODS.md as built into the jar. */
  static String markdown() {
    try (InputStream in = MethodsPage.class.getResourceAsStream("METHODS.md")) {
      if (in == null) {
        throw new IllegalStateException("METHODS.md is missing from the reports jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read METHODS.md from the jar", e);
    }
  }

  /** The page: the Markdown rendered to HTML, inside a minimal printable layout. */
  static String html(String markdown) {
    List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build();
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
        + "<title>aftermath: methods and assumptions</title><style>"
        + "body{font-family:Arial,sans-serif;max-width:190mm;margin:0 auto;font-size:10.5pt;"
        + "line-height:1.45;color:#1b1f24}table{border-collapse:collapse;font-size:9pt}"
        + "th,td{border-bottom:1px solid #e3e8ee;padding:1mm 2mm;text-align:left}"
        + "code{font-size:9pt}h1,h2,h3{color:#1f3a5f;font-weight:normal}"
        + "</style></head><body><p><a href=\"index.html\">index</a></p>\n"
        + renderer.render(parser.parse(markdown))
        + "</body></html>\n";
  }
}
