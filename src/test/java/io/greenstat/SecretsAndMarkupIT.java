package io.greenstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run through {@code jobs/greenstat} with planted secrets (S3 keys as Spark properties, AWS
 * variables in the environment) and markup in the input path: the secrets appear nowhere (stdout,
 * stderr, _MANIFEST.json, report.html, summary.json, any file the run leaves in its working or
 * output directory), even with spark-submit's and the job's --verbose, and report.html carries no
 * script element.
 */
class SecretsAndMarkupIT {
  private static final List<String> SECRETS =
      List.of("PLANTED-SECRET-123", "PLANTED-ACCESS-456", "PLANTED-ENV-789", "PLANTED-ENV-ID-0");

  @TempDir Path tmp;

  @Test
  void plantedSecretsLeakNowhere_andTheReportEscapesMarkupInPaths() throws Exception {
    // "</script>" holds a slash, so the tag spans two directory levels.
    Path input = tmp.resolve("in").resolve("<script>alert(1)</script>");
    RawRowParquet.writeFile(
        input.resolve("part-0.parquet"), RandomFirmYears.batch(9, 60, 2020, 2021, 0.0));
    Path out = tmp.resolve("out");

    Launcher.Outcome o =
        Launcher.run(
            tmp,
            Map.of(
                "AWS_SECRET_ACCESS_KEY", "PLANTED-ENV-789",
                "AWS_ACCESS_KEY_ID", "PLANTED-ENV-ID-0"),
            "--verbose",
            "--driver-memory",
            "1g",
            "--conf",
            "spark.hadoop.fs.s3a.secret.key=PLANTED-SECRET-123",
            "--conf",
            "spark.hadoop.fs.s3a.access.key=PLANTED-ACCESS-456",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.local.dir=" + tmp.resolve("spark-local"),
            "run",
            "--verbose",
            "--input",
            input.toString(),
            "--output",
            out.toString());
    assertEquals(0, o.exitCode(), o::toString);
    for (String file : List.of("_MANIFEST.json", "report.html", "summary.json", "_SUCCESS")) {
      assertTrue(Files.exists(out.resolve(file)), file);
    }

    List<String> leaks = new ArrayList<>();
    for (String secret : SECRETS) {
      if (o.stdout().contains(secret)) {
        leaks.add(secret + " in stdout");
      }
      if (o.stderr().contains(secret)) {
        leaks.add(secret + " in stderr");
      }
    }
    // Every file the run left anywhere under the test directory: output, logs, Spark scratch.
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String secret : SECRETS) {
          if (text.contains(secret)) {
            leaks.add(secret + " in " + tmp.relativize(f));
          }
        }
      }
    }
    assertEquals(List.of(), leaks, o::toString);
    assertTrue(
        o.stderr().contains("spark.hadoop.fs.s3a.secret.key"),
        () -> "spark-submit --verbose lists the property, with its value redacted:\n" + o);

    String html = Files.readString(out.resolve("report.html"));
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;"), "the input path, escaped");
  }
}
