package io.greenstat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code report.html} in a real browser: Debian's headless Chromium ({@code
 * /usr/bin/chromium}, or the system property {@code greenstat.chromium}). The sample report is
 * written to {@code target/report-it/report.html}; the browser parses it ({@code --dump-dom}),
 * takes a screenshot ({@code report.png}, 1366 × 2400) and prints it ({@code report.pdf}). Each run
 * fails on any console message in the browser log: the page has no scripts, so a console line can
 * only be a Content-Security-Policy violation (something the page tried to load) or another error.
 *
 * <p>Chromium prints console messages with {@code --enable-logging=stderr --log-level=0} as {@code
 * INFO:CONSOLE:<line>] "message", source: file:///…} (older versions {@code INFO:CONSOLE(<line>)}).
 * A canary page that breaks the policy checks first that such lines do appear, so that the test
 * cannot pass because the log format changed.
 *
 * <p>Skipped when Chromium is not installed, except under CI ({@code CI=true}), where {@code
 * .ci/run} installs it and its absence is a failure.
 */
class ReportBrowserIT {
  private static final Path BASEDIR = Path.of(System.getProperty("greenstat.basedir", "."));
  private static final Path OUT = BASEDIR.resolve("target/report-it");
  private static final Path CHROMIUM =
      Path.of(System.getProperty("greenstat.chromium", "/usr/bin/chromium"));
  private static final long TIMEOUT_SECONDS = 120;

  /** A browser log line about the page: a console message, a CSP report, a blocked load. */
  private static final Pattern PAGE_PROBLEM =
      Pattern.compile(
          ":CONSOLE[:(]|Refused to|Content Security Policy|Uncaught|net::ERR_",
          Pattern.CASE_INSENSITIVE);

  /** Elements whose count must survive parsing: the browser built the page we wrote. */
  private static final List<String> ELEMENTS =
      List.of(
          "section",
          "figure",
          "svg",
          "table",
          "tr",
          "td",
          "th",
          "p",
          "div",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "polyline",
          "circle",
          "rect",
          "text",
          "title",
          "h2",
          "h3");

  private static final List<String> SECTIONS =
      List.of(
          "headline",
          "trend",
          "divisions",
          "ei6",
          "decomposition",
          "provinces",
          "quality",
          "notes",
          "tables");

  @TempDir Path tmp;

  private int profiles;

  @BeforeAll
  static void chromiumInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM);
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(CHROMIUM + " is missing under CI: .ci/run installs Debian's chromium package");
    }
    assumeTrue(installed, CHROMIUM + " is not installed: skipping the browser test");
  }

  /** What one browser run printed. */
  record Run(int exitCode, String stdout, String stderr) {
    List<String> pageProblems() {
      return stderr.lines().filter(l -> PAGE_PROBLEM.matcher(l).find()).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stderr:\n" + stderr;
    }
  }

  @Test
  void canaryShowsThatConsoleMessagesAreCaught() throws Exception {
    Path canary = OUT.resolve("canary.html");
    Files.createDirectories(OUT);
    // Same policy as the report; the image and the stylesheet break it (nothing is fetched).
    Files.writeString(
        canary,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'\"><title>canary</title>"
            + "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/x.css\"></head>"
            + "<body><p>canary</p><img alt=\"\" src=\"http://127.0.0.1:9/x.png\"></body></html>\n",
        StandardCharsets.UTF_8);
    Run run = chromium("--dump-dom", canary.toUri().toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("<p>canary</p>"), run::toString);
    assertFalse(
        run.pageProblems().isEmpty(),
        () ->
            "the browser log shows no console message for a page that breaks its policy:\n" + run);
  }

  @Test
  void sampleReportParsesCleanly() throws Exception {
    String html = HtmlReport.render(ReportFixtures.sample());
    Path page = write("report.html", html);
    Run run = chromium("--dump-dom", page.toUri().toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertNoPageProblems(run);
    String dom = run.stdout();
    assertTrue(dom.contains("</html>"), "no DOM dumped:\n" + run);
    for (String id : SECTIONS) {
      assertTrue(dom.contains("<section id=\"" + id + "\">"), "section " + id + " not in the DOM");
    }
    for (String element : ELEMENTS) {
      assertEquals(
          count(html, element),
          count(dom, element),
          "<" + element + "> elements: the page as written and as parsed differ");
    }
    assertEquals(0, count(dom, "script"));
  }

  @Test
  void hostileNamesStayText() throws Exception {
    Path page = write("report-hostile.html", HtmlReport.render(ReportFixtures.hostile()));
    Run run = chromium("--dump-dom", page.toUri().toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertNoPageProblems(run);
    assertEquals(0, count(run.stdout(), "script"), "a data string became a script element");
    assertTrue(run.stdout().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void screenshotOnALaptopScreen() throws Exception {
    Path page = write("report.html", HtmlReport.render(ReportFixtures.sample()));
    Path png = OUT.resolve("report.png");
    Files.deleteIfExists(png);
    Run run =
        chromium(
            "--screenshot=" + png,
            "--window-size=1366,2400",
            "--hide-scrollbars",
            page.toUri().toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertNoPageProblems(run);
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1366, image.getWidth());
    assertEquals(2400, image.getHeight());
    // Not blank: text, charts and cards give many colours.
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 50, "the screenshot has " + colours.size() + " colours");
  }

  @Test
  void printsToSeveralPages() throws Exception {
    Path page = write("report.html", HtmlReport.render(ReportFixtures.sample()));
    Path pdf = OUT.resolve("report.pdf");
    Files.deleteIfExists(pdf);
    Run run = chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertNoPageProblems(run);
    byte[] bytes = Files.readAllBytes(pdf);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("%PDF-"), "not a PDF");
    int pages = 0;
    Matcher m = Pattern.compile("/Count (\\d+)").matcher(text);
    while (m.find()) {
      pages = Math.max(pages, Integer.parseInt(m.group(1)));
    }
    assertTrue(pages > 3, "the printed report has " + pages + " pages");
  }

  // ---- helpers ----

  private static Path write(String name, String html) throws IOException {
    Files.createDirectories(OUT);
    Path page = OUT.resolve(name);
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return page;
  }

  private static void assertNoPageProblems(Run run) {
    List<String> problems = run.pageProblems();
    assertTrue(
        problems.isEmpty(),
        () -> "the browser reported problems with the page:\n" + String.join("\n", problems));
  }

  /** Runs headless Chromium with a fresh profile and a private home, then waits for it. */
  private Run chromium(String... args) throws IOException, InterruptedException {
    Path profile = tmp.resolve("profile-" + (++profiles));
    Files.createDirectories(profile);
    List<String> command = new ArrayList<>();
    command.add(CHROMIUM.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile,
            "--enable-logging=stderr",
            "--log-level=0"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "stdout", ".txt");
    Path err = Files.createTempFile(tmp, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(tmp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    Process process = pb.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(
          "chromium " + String.join(" ", args) + " still running after " + TIMEOUT_SECONDS + " s");
    }
    // Chromium's helper processes outlive the browser now and then; they are ours to end.
    process.descendants().forEach(ProcessHandle::destroy);
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Opening tags {@code <name>} or {@code <name …>} in {@code html}, case-insensitive. */
  private static int count(String html, String element) {
    Matcher m = Pattern.compile("<" + element + "[\\s>/]").matcher(html.toLowerCase(Locale.ROOT));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
