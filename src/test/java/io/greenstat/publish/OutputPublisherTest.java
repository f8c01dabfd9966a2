package io.greenstat.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing on the local file system: what may be replaced, and the states a run killed at any
 * point of {@link OutputPublisher#commit} leaves, which the next run's {@link
 * OutputPublisher#begin} repairs. (CrashSafetyIT kills real runs; the instants inside commit are
 * too short to hit from outside, so they are set up here by hand.)
 */
class OutputPublisherTest {
  private static final List<String> OUTPUTS =
      List.of("report.html", OutputPublisher.MANIFEST, OutputPublisher.SUCCESS);

  @TempDir Path tmp;

  private final Configuration conf = new Configuration();

  /** Every file under {@code dir}, relative path → content, skipping checksum files. */
  private static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        if (!p.getFileName().toString().endsWith(".crc")) {
          m.put(dir.relativize(p).toString(), Files.readString(p));
        }
      }
    }
    return m;
  }

  /** The names in {@code tmp} other than {@code keep}. */
  private List<String> siblings(String... keep) throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !List.of(keep).contains(n))
          .sorted()
          .toList();
    }
  }

  /** A published greenstat output with {@code label} in its report. */
  private Path publish(String label) {
    OutputPublisher p = OutputPublisher.begin(tmp.resolve("out").toString(), conf);
    p.writeText("report.html", label);
    p.writeText(OutputPublisher.MANIFEST, "{\"run\":\"" + label + "\"}");
    p.commit(OUTPUTS);
    return tmp.resolve("out");
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Test
  void aNonEmptyDirectoryWithoutManifestIsNeverReplaced() throws IOException {
    write(tmp.resolve("out/thesis.tex"), "three years of work");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> OutputPublisher.begin(tmp.resolve("out").toString(), conf));
    assertTrue(e.getMessage().contains("not empty and not an earlier greenstat output"));
    assertTrue(e.getMessage().contains("_MANIFEST.json"));
    assertEquals(Map.of("thesis.tex", "three years of work"), files(tmp.resolve("out")));
    assertEquals(List.of(), siblings("out"), "no staging directory is created");
  }

  @Test
  void aFileIsNotAnOutputDirectory() throws IOException {
    write(tmp.resolve("out"), "a file");
    assertThrows(
        ConfigException.class, () -> OutputPublisher.begin(tmp.resolve("out").toString(), conf));
    assertEquals("a file", Files.readString(tmp.resolve("out")));
  }

  @Test
  void emptyDirectoriesAndEarlierOutputsAreReplaced() throws IOException {
    Files.createDirectories(tmp.resolve("out"));
    publish("first");
    assertEquals("first", files(tmp.resolve("out")).get("report.html"));
    publish("second");
    assertEquals(
        Map.of(
            "report.html",
            "second",
            OutputPublisher.MANIFEST,
            "{\"run\":\"second\"}",
            "_SUCCESS",
            ""),
        files(tmp.resolve("out")));
    assertEquals(List.of(), siblings("out"), "no staging or previous directory is left");
  }

  @Test
  void abortLeavesTheEarlierOutputAsItWas() throws IOException {
    publish("first");
    Map<String, String> before = files(tmp.resolve("out"));
    OutputPublisher p = OutputPublisher.begin(tmp.resolve("out").toString(), conf);
    p.writeText("report.html", "half");
    p.abort();
    assertEquals(before, files(tmp.resolve("out")));
    assertEquals(List.of(), siblings("out"));
  }

  @Test
  void commitRefusesAStagedRunThatLacksAnOutput() throws IOException {
    publish("first");
    Map<String, String> before = files(tmp.resolve("out"));
    OutputPublisher p = OutputPublisher.begin(tmp.resolve("out").toString(), conf);
    p.writeText(OutputPublisher.MANIFEST, "{}"); // as if the staging directory had been emptied
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> p.commit(OUTPUTS));
    assertTrue(e.getCause().getMessage().contains("lacks report.html"), e.getCause().getMessage());
    assertEquals(before, files(tmp.resolve("out")));
  }

  @Test
  void staleStagingDirectoriesOfThisOutputAreDeleted_andNothingElse() throws IOException {
    publish("first");
    String[] stale = {".out.staging-0123abcd", ".out.staging-ffffffff"};
    String[] others = {
      ".out.staging-0123abcz", // not hex
      ".out.staging-0123abcd9", // nine digits
      ".out2.staging-0123abcd", // another output
      ".ou.staging-0123abcd",
      "out.staging-0123abcd", // not hidden
      ".out.staging-0123abcd.bak",
      ".other.staging-0123abcd"
    };
    for (String n : stale) {
      write(tmp.resolve(n).resolve("quarantine/part-00000.parquet"), "partial");
      Files.setLastModifiedTime(
          tmp.resolve(n), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    }
    for (String n : others) {
      write(tmp.resolve(n).resolve("keep.txt"), "keep");
      Files.setLastModifiedTime(
          tmp.resolve(n), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    }
    publish("second");
    assertEquals(List.of(others).stream().sorted().toList(), siblings("out"));
    for (String n : others) {
      assertEquals("keep", Files.readString(tmp.resolve(n).resolve("keep.txt")));
    }
  }

  @Test
  void aStagingDirectoryNewerThanThisRunIsKept() throws IOException {
    Path out = tmp.resolve("out");
    write(tmp.resolve(".out.staging-0123abcd/report.html"), "a run still writing");
    long startedAt = Files.getLastModifiedTime(tmp.resolve(".out.staging-0123abcd")).toMillis();
    FileSystem fs = FileSystem.getLocal(conf);
    OutputPublisher.deleteStaleStaging(
        fs, fs.makeQualified(new org.apache.hadoop.fs.Path(out.toUri())), startedAt);
    assertTrue(Files.exists(tmp.resolve(".out.staging-0123abcd/report.html")));
    OutputPublisher.deleteStaleStaging(
        fs, fs.makeQualified(new org.apache.hadoop.fs.Path(out.toUri())), startedAt + 1);
    assertFalse(Files.exists(tmp.resolve(".out.staging-0123abcd")));
  }

  // ---- A run killed inside commit: rename(out → previous), rename(staging → out), _SUCCESS,
  // delete(previous). Each state below is what a kill -9 between two of the steps leaves. ----

  @Test
  void killedBetweenTheTwoRenames_theNextRunPutsTheEarlierOutputBack() throws IOException {
    Path out = publish("first");
    Map<String, String> before = files(out);
    Files.move(out, tmp.resolve(".out.previous-0123abcd"));
    write(tmp.resolve(".out.staging-89abcdef/report.html"), "second, never published");

    OutputPublisher next = OutputPublisher.begin(out.toString(), conf);
    assertEquals(before, files(out), "restored before anything else");
    next.abort();
    assertEquals(before, files(out));
    assertEquals(List.of(), siblings("out"));
  }

  @Test
  void killedBeforeSuccess_theUnfinishedOutputIsRolledBack() throws IOException {
    Path out = publish("first");
    Map<String, String> before = files(out);
    Files.move(out, tmp.resolve(".out.previous-0123abcd"));
    write(out.resolve("report.html"), "second");
    write(out.resolve(OutputPublisher.MANIFEST), "{\"run\":\"second\"}"); // no _SUCCESS

    OutputPublisher.begin(out.toString(), conf).abort();
    assertEquals(before, files(out));
    assertEquals(List.of(), siblings("out"));
  }

  @Test
  void killedAfterSuccess_theNewOutputStaysAndTheLeftoverGoes() throws IOException {
    Path out = publish("first");
    write(tmp.resolve(".out.previous-0123abcd/report.html"), "first");
    publish("second");
    assertEquals("second", files(out).get("report.html"));
    assertEquals(List.of(), siblings("out"));
  }

  @Test
  void somethingElseInTheWay_isNotDeleted() throws IOException {
    Path out = tmp.resolve("out");
    write(tmp.resolve(".out.previous-0123abcd/report.html"), "first");
    write(out.resolve("notes.txt"), "not ours");
    assertThrows(ConfigException.class, () -> OutputPublisher.begin(out.toString(), conf));
    assertEquals("not ours", Files.readString(out.resolve("notes.txt")));
    assertTrue(Files.exists(tmp.resolve(".out.previous-0123abcd/report.html")));
  }
}
