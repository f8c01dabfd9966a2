package io.greenstat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small firm-year dataset the integration tests share, and the output of a plain local run of
 * it that the cluster and S3 runs must reproduce. Made once per test JVM under {@code
 * target/it-data/}: about 2 000 firms x 2019-2022 with 1 % defective rows.
 *
 * <p>The dataset comes from {@code jobs/greenstat generate} when the generator is there; while it
 * is not written yet ({@code UnsupportedOperationException}), from {@link WriteFirmYears}, the
 * differential tests' random batch, written by a Spark process of its own.
 */
public final class ItDatasets {
  private ItDatasets() {}

  private static final Path ROOT = ItEnv.target().resolve("it-data");
  private static final Duration TIMEOUT = Duration.ofSeconds(300);

  private static Path input;
  private static Path localOutput;
  private static String inputSource = "";
  private static Duration inputWall = Duration.ZERO;
  private static Duration localWall = Duration.ZERO;

  /** The input dataset directory (Parquet partitioned by year). */
  public static synchronized Path input() throws IOException, InterruptedException {
    if (input != null) {
      return input;
    }
    ItEnv.deleteTree(ROOT);
    Path dir = ROOT.resolve("firm_year");
    Path logs = ROOT.resolve("logs");
    long start = System.nanoTime();
    ItEnv.Outcome gen =
        ItEnv.greenstat(
            "generate",
            List.of(
                "--driver-memory",
                "1g",
                "generate",
                "--firms",
                "2000",
                "--years",
                "2019-2022",
                "--seed",
                "3",
                "--defects",
                "0.01",
                "--output",
                dir.toString()),
            Map.of(),
            logs,
            TIMEOUT);
    if (gen.exitCode() == 0) {
      inputSource = "jobs/greenstat generate";
    } else if (gen.stderr().contains("UnsupportedOperationException")) {
      ItEnv.deleteTree(dir);
      List<String> cmd = new ArrayList<>();
      cmd.add(ItEnv.java());
      cmd.addAll(ItEnv.jvmFlags());
      cmd.add("-Xmx1g");
      cmd.add(
          "-Dlog4j2.configurationFile="
              + ItEnv.BASEDIR.resolve("conf/log4j2-test.properties").toUri());
      cmd.add("-cp");
      cmd.add(ItEnv.target().resolve("test-classes") + ":" + ItEnv.sparkClasspath());
      cmd.add(WriteFirmYears.class.getName());
      cmd.addAll(List.of(dir.toString(), "3", "2000", "2019", "2022", "0.01"));
      ChildProcess w = ChildProcess.start("write-firm-years", cmd, Map.of(), ROOT, logs);
      int code = w.waitFor(TIMEOUT);
      assertEquals(0, code, () -> "writing the test dataset failed" + w.tail());
      inputSource = "WriteFirmYears (generator not available)";
    } else {
      throw new AssertionError("jobs/greenstat generate failed:\n" + gen);
    }
    inputWall = Duration.ofNanos(System.nanoTime() - start);
    input = dir;
    return input;
  }

  /** The output of {@code jobs/greenstat --master local[2] run} on {@link #input()}. */
  public static synchronized Path localReference() throws IOException, InterruptedException {
    if (localOutput != null) {
      return localOutput;
    }
    Path in = input();
    Path out = ROOT.resolve("local-out");
    ItEnv.Outcome o =
        ItEnv.greenstat(
            "local-run",
            List.of(
                "--master",
                "local[2]",
                "--driver-memory",
                "1g",
                "run",
                "--input",
                in.toString(),
                "--output",
                out.toString()),
            Map.of(),
            ROOT.resolve("logs"),
            TIMEOUT);
    assertEquals(0, o.exitCode(), () -> "the local reference run failed:\n" + o);
    if (!Files.exists(out.resolve("_SUCCESS"))) {
      throw new AssertionError("local reference run left no _SUCCESS:\n" + o);
    }
    localWall = o.wall();
    localOutput = out;
    return localOutput;
  }

  /** One line on how the shared data was made and what it cost, for the test log. */
  public static synchronized String timings() {
    return String.format(
        "input from %s: %.1f s; local reference run: %.1f s",
        inputSource, inputWall.toMillis() / 1000.0, localWall.toMillis() / 1000.0);
  }
}
