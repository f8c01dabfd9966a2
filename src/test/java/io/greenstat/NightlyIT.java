package io.greenstat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code jobs/nightly} as a process, the way cron does, on one small generated panel. The
 * steps share one output root and run in order; each Spark run costs a minute on a busy machine, so
 * there are only two successful runs: the first also exercises retention (two older run dates
 * planted beforehand, {@code --keep 2}), the second is the same date again, holds the lock while a
 * concurrent invocation is refused, and must reproduce the first run's bytes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyIT {
  private static final Path BASEDIR = Path.of(System.getProperty("greenstat.basedir", "."));
  private static final long TIMEOUT_SECONDS = 300;
  private static final String D1 = "run_date=2026-01-01";
  private static final String D2 = "run_date=2026-01-02";

  @TempDir static Path tmp;
  static Path input;
  static Path root;
  static Map<String, byte[]> firstRun;

  record Outcome(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
    }
  }

  /** A started process with its output files. */
  record Launched(Process process, Path out, Path err, List<String> command) {
    Outcome await() throws IOException, InterruptedException {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(command + " still running after " + TIMEOUT_SECONDS + " s");
      }
      return new Outcome(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  private static Launched start(String script, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(BASEDIR.resolve("jobs/" + script).toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "stdout", ".txt");
    Path err = Files.createTempFile(tmp, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(tmp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().remove("SPARK_HOME");
    pb.environment().remove("SPARK_CONF_DIR");
    return new Launched(pb.start(), out, err, command);
  }

  /** jobs/nightly on the shared input and root for one run date, small driver. */
  private static Launched nightly(String runDate, String... more) throws IOException {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--input",
            input.toString(),
            "--output-root",
            root.toString(),
            "--run-date",
            runDate,
            "--spark",
            "--driver-memory 1g"));
    args.addAll(List.of(more));
    return start("nightly", args.toArray(String[]::new));
  }

  @BeforeAll
  static void generateInput() throws Exception {
    input = tmp.resolve("in");
    root = tmp.resolve("root");
    Outcome o =
        start(
                "greenstat",
                "--driver-memory",
                "1g",
                "generate",
                "--firms",
                "300",
                "--years",
                "2021-2023",
                "--seed",
                "4",
                "--output",
                input.toString())
            .await();
    assertEquals(0, o.exitCode(), o::toString);
  }

  /** Every file of an output, by relative path, but the manifest and checksum files. */
  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString();
        // Not the manifest (wall-clock times), nor Hadoop's .crc checksum files (derived).
        if (!rel.equals("_MANIFEST.json") && !p.getFileName().toString().endsWith(".crc")) {
          files.put(rel, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  private static String latest() throws IOException {
    Path link = root.resolve("latest");
    assertTrue(Files.isSymbolicLink(link), "latest is not a symbolic link");
    return Files.readSymbolicLink(link).toString();
  }

  private static List<String> runDates() throws IOException {
    try (Stream<Path> list = Files.list(root)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("run_date="))
          .sorted()
          .toList();
    }
  }

  @Test
  @Order(1)
  void firstRunPublishesMovesLatestAndKeepsTheNewestTwo() throws Exception {
    // Two earlier run dates, as earlier nights left them.
    for (String old : List.of("run_date=2025-12-30", "run_date=2025-12-31")) {
      Files.createDirectories(root.resolve(old));
      Files.writeString(root.resolve(old).resolve("_SUCCESS"), "");
    }
    Outcome o = nightly("2026-01-01", "--keep", "2").await();
    assertEquals(0, o.exitCode(), o::toString);
    Path out = root.resolve(D1);
    assertTrue(Files.exists(out.resolve("_SUCCESS")), o::toString);
    assertTrue(Files.exists(out.resolve("tables/industry_year.csv")), o::toString);
    assertEquals(D1, latest());
    assertEquals(List.of("run_date=2025-12-31", D1), runDates(), o::toString);
    try (Stream<Path> logs = Files.list(root.resolve("logs").resolve(D1))) {
      assertEquals(1, logs.count());
    }
    firstRun = contents(out);
    assertTrue(firstRun.containsKey("summary.json") && firstRun.containsKey("report.html"));
    assertTrue(firstRun.keySet().stream().anyMatch(k -> k.endsWith(".parquet")), "no Parquet");
  }

  @Test
  @Order(2)
  void sameDateAgainGivesTheSameBytesAndAConcurrentRunIsRefused() throws Exception {
    Path lock = root.resolve(".nightly.lock");
    Launched first = nightly("2026-01-01");
    // The holder writes who it is into the lock file once it holds the lock (cleared at exit).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(lock) || Files.size(lock) == 0) {
      assertTrue(first.process().isAlive(), () -> "first run ended before taking the lock");
      assertTrue(System.nanoTime() < deadline, "lock not taken within 60 s");
      Thread.sleep(100);
    }
    Outcome refused = nightly("2026-01-02").await();
    assertEquals(75, refused.exitCode(), refused::toString);
    assertTrue(refused.stderr().contains("another nightly run holds"), refused::toString);
    assertTrue(first.process().isAlive(), "the first run finished too soon to test the lock");

    Outcome o = first.await();
    assertEquals(0, o.exitCode(), o::toString);
    assertFalse(Files.exists(root.resolve(D2)), "the refused run wrote output");
    assertEquals(D1, latest());
    Map<String, byte[]> again = contents(root.resolve(D1));
    assertEquals(firstRun.keySet(), again.keySet());
    for (var e : firstRun.entrySet()) {
      String name = e.getKey();
      if (name.endsWith(".parquet")) {
        assertSameParquetData(name, e.getValue(), again.get(name));
      } else {
        assertArrayEquals(e.getValue(), again.get(name), name + " differs");
      }
    }
  }

  /**
   * Parquet files: the same size, the same bytes up to the footer, and a footer of the same length.
   * The footer itself is not compared: parquet-mr writes each column chunk's list of encodings in
   * the iteration order of a HashSet of enum constants, which varies from one JVM to the next.
   */
  private static void assertSameParquetData(String name, byte[] a, byte[] b) {
    assertEquals(a.length, b.length, name + ": size differs");
    int footer = ByteBuffer.wrap(a, a.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int footerB = ByteBuffer.wrap(b, b.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    assertEquals(footer, footerB, name + ": footer length differs");
    int data = a.length - 8 - footer;
    assertArrayEquals(
        Arrays.copyOfRange(a, 0, data), Arrays.copyOfRange(b, 0, data), name + ": data differs");
  }

  @Test
  @Order(3)
  void failingRunPassesItsExitCodeThroughAndLeavesLatest() throws Exception {
    Outcome o =
        start(
                "nightly",
                "--input",
                tmp.resolve("missing").toString(),
                "--output-root",
                root.toString(),
                "--run-date",
                "2026-01-02",
                "--spark",
                "--driver-memory 1g")
            .await();
    assertEquals(3, o.exitCode(), o::toString);
    assertTrue(o.stderr().contains("failed with exit code 3"), o::toString);
    assertEquals(D1, latest());
    assertFalse(Files.exists(root.resolve(D2).resolve("_SUCCESS")), o::toString);
    assertEquals(List.of("run_date=2025-12-31", D1), runDates(), o::toString);

    // A configuration error of the job (exit 2, before Spark starts) passes through too.
    Outcome bad = nightly("2026-01-02", "--", "--set", "spark.greenstat.no.such=1").await();
    assertEquals(2, bad.exitCode(), bad::toString);
    assertEquals(D1, latest());
  }

  @Test
  @Order(4)
  void usageErrorsOfTheScriptItself() throws Exception {
    Outcome o = nightly("2026-02-30").await();
    assertEquals(2, o.exitCode(), o::toString);
    assertTrue(o.stderr().contains("--run-date"), o::toString);
  }
}
