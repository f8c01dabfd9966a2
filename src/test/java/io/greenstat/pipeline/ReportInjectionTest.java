package io.greenstat.pipeline;

import static io.greenstat.FirmYearFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenstat.FirmYearFixture;
import io.greenstat.TestSpark;
import io.greenstat.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markup in the data and in paths never becomes markup in report.html: an input directory named
 * {@code <script>alert(1)</script>} (the report shows the input path) and firm ids, industry and
 * province codes carrying a script tag (the quarantine keeps them as data; the plausibility flags
 * list a firm id).
 */
class ReportInjectionTest {
  private static final String SCRIPT = "<script>alert(1)</script>";

  @TempDir Path tmp;

  @Test
  void scriptTagsInPathsAndDataAreEscapedOrAbsent() throws IOException {
    // "</script>" holds a slash, so the tag spans two directory levels: <script>alert(1)< / script>
    Path in = tmp.resolve("in").resolve(SCRIPT + "\"'&");
    new FirmYearFixture()
        .add(
            // 1 000 times the others' energy: listed among the plausibility flags by its id
            row().firm(SCRIPT).energy(500_000.0),
            row().firm("F2").code(SCRIPT),
            row().firm("F3").province(SCRIPT),
            row().firm("F4"),
            row().firm("F5"),
            row().firm("F6"),
            row().firm("F7"),
            row().firm("F8"),
            row().firm("F9"),
            row().firm("F10"))
        .writeTo(in);
    Path out = tmp.resolve("out");
    RunResult r =
        new IntensityPipeline(
                TestSpark.get(),
                new RunRequest(
                    in.toString(),
                    out.toString(),
                    SettingsLoader.resolve(
                        Map.of(),
                        Map.of(),
                        Map.of("spark.greenstat.quality.maxQuarantinedShare", "0.5"))))
            .run();
    assertEquals(2, r.accounting().rowsQuarantined());

    String html = Files.readString(out.resolve("report.html"));
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;"), "the input path is shown, escaped");
    assertTrue(html.contains("&quot;&#39;&amp;"), "quotes and ampersands are escaped too");
    assertTrue(
        html.contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"),
        "the flagged firm's id is listed, escaped");

    // summary.json and the manifest stay valid JSON with the path as plain data.
    ObjectMapper json = new ObjectMapper();
    json.readTree(out.resolve("summary.json").toFile());
    assertEquals(
        in.toString(),
        json.readTree(out.resolve("_MANIFEST.json").toFile()).get("input_path").asText());
  }
}
