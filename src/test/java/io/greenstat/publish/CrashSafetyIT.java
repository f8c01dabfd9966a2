package io.greenstat.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.Launcher;
import io.greenstat.RandomFirmYears;
import io.greenstat.RawRowParquet;
import io.greenstat.reference.RawRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with kill -9 at any point never damages the output of an earlier successful run
 * (CONTRACT §5), and the next run succeeds.
 *
 * <p>One run of {@code jobs/greenstat} publishes a small input; its files are recorded byte by
 * byte. Then runs of a larger input, slowed down (one core, many shuffle partitions), into the same
 * output are killed, process tree and all, at points found by watching the file system: while the
 * input is scanned (the staging directory has appeared), while the quarantine is written ({@code
 * quarantine/} has appeared in it), and while the tables are written (the quarantine is complete).
 * After each kill the output is byte for byte what it was, {@code _SUCCESS} included (its time
 * too). A last run of the small input succeeds, removes the killed runs' staging directories, and
 * publishes the same bytes as the first (all but {@code _MANIFEST.json}).
 *
 * <p>The instants inside the commit itself (between its renames) are too short to hit from outside;
 * OutputPublisherTest sets up the states a kill there leaves.
 */
class CrashSafetyIT {
  private static final Pattern STAGING = Pattern.compile("\\.out\\.staging-[0-9a-f]{8}");
  private static final long POLL_MILLIS = 5;

  @TempDir Path tmp;

  /** Spark options of every run here: scratch space inside the test's directory. */
  private List<String> sparkOptions() {
    return List.of(
        "--driver-memory",
        "1g",
        "--conf",
        "spark.local.dir=" + tmp.resolve("spark-local"),
        "--conf",
        "spark.ui.enabled=false");
  }

  /** The slowed-down run: one core and many small shuffle partitions. */
  private List<String> slowOptions() {
    List<String> o = new ArrayList<>(List.of("--master", "local[1]"));
    o.addAll(sparkOptions());
    o.addAll(List.of("--conf", "spark.sql.shuffle.partitions=24"));
    o.addAll(List.of("--conf", "spark.sql.adaptive.enabled=false"));
    return o;
  }

  private List<String> args(List<String> spark, Path input, Path output) {
    List<String> a = new ArrayList<>(spark);
    a.addAll(List.of("run", "--input", input.toString(), "--output", output.toString()));
    return a;
  }

  @Test
  void killedRunsLeaveTheEarlierOutputByteIdentical_andTheNextRunSucceeds() throws Exception {
    Path small = tmp.resolve("small");
    writeDataset(small, RandomFirmYears.batch(1, 300, 2019, 2022, 0.02), 2);
    Path large = tmp.resolve("large");
    writeDataset(large, RandomFirmYears.batch(2, 2_000, 2015, 2024, 0.02), 6);
    Path out = tmp.resolve("out");

    log("datasets written");
    Launcher.Outcome first =
        Launcher.run(tmp, Map.of(), args(sparkOptions(), small, out).toArray(String[]::new));
    assertEquals(0, first.exitCode(), first::toString);
    log("first run published");
    Map<String, String> before = digests(out);
    FileTime successTime = Files.getLastModifiedTime(out.resolve("_SUCCESS"));
    assertTrue(
        before.containsKey("_SUCCESS") && before.containsKey("report.html"), before::toString);

    Map<String, Predicate<Path>> killPoints = new java.util.LinkedHashMap<>();
    killPoints.put("while scanning the input (staging directory created)", staging -> true);
    killPoints.put(
        "while writing the quarantine (quarantine/ created)",
        staging -> Files.isDirectory(staging.resolve("quarantine")));
    killPoints.put(
        "while writing the tables (quarantine complete)",
        staging -> Files.exists(staging.resolve("quarantine/part-00000.snappy.parquet")));

    for (Map.Entry<String, Predicate<Path>> point : killPoints.entrySet()) {
      List<String> staleBefore = stagingDirs();
      Launcher.Started run = Launcher.start(tmp, Map.of(), args(slowOptions(), large, out));
      Path staging = awaitNewStaging(run, staleBefore, point.getKey());
      awaitCondition(run, () -> point.getValue().test(staging), point.getKey());
      Launcher.killTree(run.process());
      log("killed " + point.getKey());

      assertEquals(before, digests(out), "output changed by a run killed " + point.getKey());
      assertEquals(successTime, Files.getLastModifiedTime(out.resolve("_SUCCESS")), point.getKey());
      assertTrue(Files.isDirectory(staging), "the killed run left its staging directory behind");
      assertFalse(run.outcome().stdout().contains("Report:"), "the run did not finish");
    }
    // Each killed run removed the staging directory of the one killed before it.
    assertEquals(1, stagingDirs().size(), "only the last killed run's staging dir is left");

    Launcher.Outcome next =
        Launcher.run(tmp, Map.of(), args(sparkOptions(), small, out).toArray(String[]::new));
    assertEquals(0, next.exitCode(), next::toString);
    log("next run published");
    assertEquals(List.of(), stagingDirs(), "stale staging directories are removed");
    assertEquals(List.of(), siblingsNamed("\\.out\\.previous-.*"), "nothing left aside");
    Map<String, String> after = digests(out);
    assertFalse(after.get("_MANIFEST.json").equals(before.get("_MANIFEST.json")));
    after.remove("_MANIFEST.json");
    after.remove("._MANIFEST.json.crc");
    before.remove("_MANIFEST.json");
    before.remove("._MANIFEST.json.crc");
    assertEquals(before, after, "the same input publishes the same bytes");
  }

  // ------------------------------------------------------------------ helpers

  private final long started = System.nanoTime();

  private void log(String what) {
    System.out.printf("CrashSafetyIT %6.1f s: %s%n", (System.nanoTime() - started) / 1e9, what);
  }

  /** Writes {@code rows} as {@code files} Parquet files (no Spark in this JVM). */
  private static void writeDataset(Path dir, List<RawRow> rows, int files) {
    int per = (rows.size() + files - 1) / files;
    for (int f = 0; f < files; f++) {
      List<RawRow> part =
          rows.subList(Math.min(rows.size(), f * per), Math.min(rows.size(), (f + 1) * per));
      RawRowParquet.writeFile(dir.resolve(String.format("part-%02d.parquet", f)), part);
    }
  }

  private List<String> stagingDirs() throws IOException {
    return siblingsNamed(STAGING.pattern());
  }

  private List<String> siblingsNamed(String regex) throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.matches(regex)).sorted().toList();
    }
  }

  /** Waits for a staging directory that was not there before; fails if the run ends first. */
  private Path awaitNewStaging(Launcher.Started run, List<String> old, String point)
      throws Exception {
    Path[] found = new Path[1];
    awaitCondition(
        run,
        () -> {
          try {
            Optional<String> n = stagingDirs().stream().filter(x -> !old.contains(x)).findFirst();
            n.ifPresent(x -> found[0] = tmp.resolve(x));
            return n.isPresent();
          } catch (IOException e) {
            return false;
          }
        },
        point);
    return found[0];
  }

  private interface Condition {
    boolean holds();
  }

  private static void awaitCondition(Launcher.Started run, Condition c, String point)
      throws Exception {
    long deadline = System.nanoTime() + Launcher.TIMEOUT_SECONDS * 1_000_000_000L;
    while (!c.holds()) {
      if (!run.process().isAlive()) {
        throw new AssertionError(
            "the run ended before the kill point '" + point + "':\n" + run.outcome());
      }
      if (System.nanoTime() > deadline) {
        Launcher.killTree(run.process());
        throw new AssertionError("kill point '" + point + "' not reached");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Every file under {@code dir} (hidden ones too): relative path → SHA-256 of its bytes. */
  static Map<String, String> digests(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return m;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
