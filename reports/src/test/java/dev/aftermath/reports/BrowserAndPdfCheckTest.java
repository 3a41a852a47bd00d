package dev.aftermath.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every HTML report loaded from disk in headless Chromium: no console message, no network request
 * from the page (its network log, all hosts unresolvable), a screenshot that is not blank; every
 * PDF page turned into PNG with poppler and not blank; Chinese text in the Chinese PDFs. Chromium
 * and poppler-utils are installed by {@code bin/test} ({@code bin/ensure-tools --test}); elsewhere
 * the test is skipped with a message. Screenshots are kept in {@code target/report-screenshots/}.
 */
class BrowserAndPdfCheckTest {
  static final Path SHOTS = Path.of("target", "report-screenshots");

  /** Chromium's own service hosts: its background requests, not the page's. */
  static final Pattern BROWSER_SERVICE =
      Pattern.compile("^https?://[^/]*(google\\.com|googleapis\\.com|gstatic\\.com)(/|$)");

  @TempDir static Path out;
  static Path reports;

  @BeforeAll
  static void render() throws Exception {
    ReportFixture.render(out);
    // one statement with its PDF, as the statement command writes it
    new Reports()
        .statement(
            out, new RunInfo("test-case", null, "CNY", "2020-03-03 09:00:00 +08:00", "test"), "M1");
    reports = out.resolve("reports");
    Files.createDirectories(SHOTS);
  }

  static boolean installed(String command) {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  static List<Path> files(String suffix) throws IOException {
    // the reports and the statements under statements/
    try (Stream<Path> s = Files.walk(reports, 2)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  static String run(List<String> command, Path log) throws Exception {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished in time", command.get(0)).isTrue();
    assertThat(p.exitValue()).as("%s exit code", command).isZero();
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Share of pixels that are not (near) white. */
  static double ink(Path png) throws IOException {
    BufferedImage img = ImageIO.read(png.toFile());
    long dark = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r + g + b < 600) {
          dark++;
        }
      }
    }
    return dark / ((img.getHeight() / 2.0) * (img.getWidth() / 2.0));
  }

  @Test
  void everyHtmlReportLoadsInChromiumWithoutErrorsOrRequests() throws Exception {
    assumeTrue(installed("chromium"), "chromium is not installed (bin/test installs it)");
    List<Path> pages = files(".html");
    assertThat(pages).hasSizeGreaterThanOrEqualTo(7);
    for (Path page : pages) {
      String name = page.getFileName().toString();
      Path shot = SHOTS.resolve(name + ".png");
      Path netlog = out.resolve(name + ".netlog.json");
      String log =
          run(
              List.of(
                  "chromium",
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--user-data-dir=" + out.resolve("profile-" + name),
                  "--host-resolver-rules=MAP * ~NOTFOUND",
                  "--log-net-log=" + netlog,
                  "--enable-logging=stderr",
                  "--v=0",
                  "--window-size=1280,2400",
                  "--screenshot=" + shot.toAbsolutePath(),
                  page.toUri().toString()),
              out.resolve(name + ".chromium.log"));
      assertThat(log).as("console messages of %s", name).doesNotContain(":CONSOLE");
      List<String> requests = new ArrayList<>();
      Matcher m =
          Pattern.compile("\"url\":\"([^\"]+)\"")
              .matcher(Files.readString(netlog, StandardCharsets.UTF_8));
      while (m.find()) {
        String url = m.group(1);
        if (!url.startsWith("file:")
            && !url.startsWith("data:")
            && !BROWSER_SERVICE.matcher(url).find()) {
          requests.add(url);
        }
      }
      assertThat(requests).as("network requests of %s", name).isEmpty();
      assertThat(ink(shot)).as("ink in the screenshot of %s", name).isGreaterThan(0.001);
    }
  }

  /**
   * Appended to a copy of each page: lists every table wider than the body's content box, after
   * layout, in an element the dumped DOM carries.
   */
  static final String MEASURE =
      "<script>window.addEventListener('load',function(){var w=document.body.clientWidth;"
          + "var bad=[];document.querySelectorAll('table').forEach(function(t,i){"
          + "if(t.scrollWidth>t.parentElement.clientWidth+1||t.getBoundingClientRect().right>"
          + "document.body.getBoundingClientRect().right+1){bad.push(i+':'+t.scrollWidth+'>'+w);}"
          + "});var d=document.createElement('div');d.id='overflow-check';"
          + "d.textContent='['+bad.join(',')+']';document.body.appendChild(d);});</script>";

  @Test
  void noTableIsWiderThanItsColumnInChromium() throws Exception {
    assumeTrue(installed("chromium"), "chromium is not installed (bin/test installs it)");
    for (Path page : files(".html")) {
      String name = page.getFileName().toString();
      Path copy = out.resolve("measure-" + name);
      Files.writeString(copy, Files.readString(page).replace("</body>", MEASURE + "</body>"));
      for (String width : List.of("800")) {
        String dom =
            run(
                List.of(
                    "chromium",
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--user-data-dir=" + out.resolve("profile-measure-" + name),
                    "--host-resolver-rules=MAP * ~NOTFOUND",
                    "--window-size=" + width + ",2400",
                    "--virtual-time-budget=2000",
                    "--dump-dom",
                    copy.toUri().toString()),
                out.resolve(name + ".dom.html"));
        Matcher m = Pattern.compile("id=\"overflow-check\">([^<]*)<").matcher(dom);
        assertThat(m.find()).as("the measurement ran on %s", name).isTrue();
        assertThat(m.group(1))
            .as("tables wider than their column in %s at %s px", name, width)
            .isEqualTo("[]");
      }
    }
  }

  /** A glyph of a PDF page: where it is, and the text run it belongs to. */
  record Glyph(float x, float y, float width, float height, String text) {}

  /** The glyphs of each page of {@code pdf}, by page number from 1. */
  static Map<Integer, List<Glyph>> glyphs(Path pdf) throws IOException {
    Map<Integer, List<Glyph>> pages = new TreeMap<>();
    try (org.apache.pdfbox.pdmodel.PDDocument doc =
        org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        List<Glyph> glyphs = new ArrayList<>();
        org.apache.pdfbox.text.PDFTextStripper strip =
            new org.apache.pdfbox.text.PDFTextStripper() {
              @Override
              protected void writeString(
                  String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                for (org.apache.pdfbox.text.TextPosition t : positions) {
                  if (!t.getUnicode().isBlank()) {
                    glyphs.add(
                        new Glyph(
                            t.getXDirAdj(),
                            t.getYDirAdj(),
                            t.getWidthDirAdj(),
                            t.getHeightDir(),
                            text));
                  }
                }
              }
            };
        strip.setStartPage(p);
        strip.setEndPage(p);
        strip.getText(doc);
        pages.put(p, glyphs);
      }
    }
    return pages;
  }

  @Test
  void noTextRunsOffAPdfPage() throws Exception {
    for (Path pdf : files(".pdf")) {
      float width;
      try (org.apache.pdfbox.pdmodel.PDDocument doc =
          org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
        width = doc.getPage(0).getMediaBox().getWidth();
      }
      Set<String> outside = new LinkedHashSet<>();
      glyphs(pdf)
          .forEach(
              (page, glyphs) -> {
                for (Glyph g : glyphs) {
                  // the page's right margin is 14 mm (39.7 pt): text past it by more than 2 pt
                  if (g.x() + g.width() > width - 37.7) {
                    outside.add("page " + page + ": " + g.text());
                  }
                }
              });
      assertThat(outside).as("text past the right margin of %s", pdf.getFileName()).isEmpty();
    }
  }

  @Test
  void noTextOverprintsOtherTextInAPdf() throws Exception {
    for (Path pdf : files(".pdf")) {
      List<String> overprinted = new ArrayList<>();
      glyphs(pdf)
          .forEach(
              (page, glyphs) -> {
                String found = overprint(glyphs);
                if (found != null) {
                  overprinted.add("page " + page + ": " + found);
                }
              });
      assertThat(overprinted).as("text printed over other text in %s", pdf.getFileName()).isEmpty();
    }
  }

  /**
   * The first pair of glyphs (x, baseline y, width, height) that cover each other by more than half
   * the narrower one's width on the same line, as the texts they belong to; null when none do.
   */
  static String overprint(List<Glyph> glyphs) {
    List<Glyph> byLine = new ArrayList<>(glyphs);
    byLine.sort(java.util.Comparator.comparingDouble(Glyph::y));
    for (int a = 0; a < byLine.size(); a++) {
      Glyph g = byLine.get(a);
      for (int b = a + 1; b < byLine.size(); b++) {
        Glyph h = byLine.get(b);
        if (h.y() - g.y() > 0.5f * Math.min(g.height(), h.height())) {
          break;
        }
        float overlap = Math.min(g.x() + g.width(), h.x() + h.width()) - Math.max(g.x(), h.x());
        if (overlap > 0.5f * Math.min(g.width(), h.width())) {
          return "'" + g.text() + "' over '" + h.text() + "'";
        }
      }
    }
    return null;
  }

  @Test
  void everyPdfPageHasInkAndTheChinesePdfsChineseText() throws Exception {
    assumeTrue(installed("pdftoppm"), "poppler-utils is not installed (bin/test installs it)");
    for (Path pdf : files(".pdf")) {
      String name = pdf.getFileName().toString();
      Path prefix = SHOTS.resolve(name);
      run(
          List.of("pdftoppm", "-png", "-r", "40", pdf.toString(), prefix.toString()),
          out.resolve(name + ".pdftoppm.log"));
      List<Path> pngs;
      try (Stream<Path> s = Files.list(SHOTS)) {
        pngs = s.filter(p -> p.getFileName().toString().startsWith(name + "-")).sorted().toList();
      }
      assertThat(pngs).as("pages of %s", name).isNotEmpty();
      assertThat(ink(pngs.get(0))).as("ink on the first page of %s", name).isGreaterThan(0.001);
      if (name.contains(".zh-CN.")) {
        String text =
            run(List.of("pdftotext", pdf.toString(), "-"), out.resolve(name + ".pdftotext.log"));
        assertThat(Pattern.compile("\\p{IsHan}{4,}").matcher(text).find())
            .as("Chinese text in %s", name)
            .isTrue();
      }
    }
  }
}
