package io.greenstat.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct publishing (the object-store way), here on the local file system so that it can be checked
 * without S3 (the S3 round trip is {@code S3RoundTripIT}); and that the staged way is unchanged
 * beside it.
 */
class OutputPublisherDirectTest {
  @TempDir Path tmp;

  private final Configuration conf = new Configuration();

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }

  private static void earlierOutput(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("tables"));
    Files.writeString(dir.resolve("tables/old.csv"), "old");
    Files.writeString(dir.resolve(OutputPublisher.MANIFEST), "{}");
    Files.writeString(dir.resolve(OutputPublisher.SUCCESS), "");
  }

  @Test
  void objectStoresAreWrittenDirectly() {
    assertTrue(OutputPublisher.isObjectStore("s3a://bucket/out/run_date=2026-11-29", conf));
    assertTrue(OutputPublisher.isObjectStore("gs://bucket/out", conf));
    assertFalse(OutputPublisher.isObjectStore("/data/out", conf));
    assertFalse(OutputPublisher.isObjectStore("file:///data/out", conf));
    assertFalse(OutputPublisher.isObjectStore("hdfs://nn/out", conf));
    assertFalse(OutputPublisher.isObjectStore("abfs://c@account.dfs.core.windows.net/out", conf));
    Configuration s3Default = new Configuration();
    s3Default.set("fs.defaultFS", "s3a://bucket");
    assertTrue(OutputPublisher.isObjectStore("/out", s3Default), "scheme of the default FS");
  }

  @Test
  void directRunWritesUnderTheOutputWithSuccessLast() throws IOException {
    Path out = tmp.resolve("run_date=2026-11-29");
    OutputPublisher p = OutputPublisher.beginDirect(out.toString(), conf);
    assertFalse(Files.exists(out), "nothing is written before startWriting");
    p.startWriting();
    p.writeText("summary.json", "{}");
    assertTrue(Files.exists(out.resolve("summary.json")), "written in place, not staged");
    assertTrue(Files.exists(out.resolve(OutputPublisher.IN_PROGRESS)));
    assertFalse(Files.exists(out.resolve(OutputPublisher.SUCCESS)));
    p.commit(List.of());
    assertEquals(List.of(OutputPublisher.SUCCESS, "summary.json"), names(out));
    assertEquals(List.of("run_date=2026-11-29"), names(tmp), "no staging sibling");
  }

  @Test
  void directRunDeletesAnEarlierOutputOnlyWhenItStartsWriting() throws IOException {
    Path out = tmp.resolve("out");
    earlierOutput(out);
    OutputPublisher p = OutputPublisher.beginDirect(out.toString(), conf);
    assertTrue(Files.exists(out.resolve("tables/old.csv")), "untouched until results are ready");
    assertTrue(Files.exists(out.resolve(OutputPublisher.SUCCESS)));
    p.startWriting();
    assertFalse(Files.exists(out.resolve("tables/old.csv")));
    assertFalse(Files.exists(out.resolve(OutputPublisher.SUCCESS)));
    p.writeText("tables/new.csv", "new");
    p.writeText(OutputPublisher.MANIFEST, "{\"new\":1}");
    p.commit(List.of());
    assertEquals(List.of(OutputPublisher.MANIFEST, OutputPublisher.SUCCESS, "tables"), names(out));
    assertEquals(List.of("new.csv"), names(out.resolve("tables")));
  }

  @Test
  void directRunFailingBeforeWritingLeavesTheEarlierOutput() throws IOException {
    Path out = tmp.resolve("out");
    earlierOutput(out);
    OutputPublisher p = OutputPublisher.beginDirect(out.toString(), conf);
    p.abort();
    assertEquals("old", Files.readString(out.resolve("tables/old.csv")));
    assertTrue(Files.exists(out.resolve(OutputPublisher.SUCCESS)));
  }

  @Test
  void directRunFailingWhileWritingLeavesNoSuccessAndCleansUp() throws IOException {
    Path out = tmp.resolve("out");
    OutputPublisher p = OutputPublisher.beginDirect(out.toString(), conf);
    p.startWriting();
    p.writeText("report.html", "half");
    p.abort();
    assertFalse(Files.exists(out.resolve(OutputPublisher.SUCCESS)));
    assertFalse(Files.exists(out), "the unfinished run is deleted");
  }

  @Test
  void directRunReplacesARunThatDiedMidWrite() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("quarantine"));
    Files.writeString(out.resolve("quarantine/part-00000.parquet"), "x");
    Files.writeString(out.resolve(OutputPublisher.IN_PROGRESS), "run abc");
    OutputPublisher p = OutputPublisher.beginDirect(out.toString(), conf);
    p.startWriting();
    assertFalse(Files.exists(out.resolve("quarantine")));
    p.commit(List.of());
    assertEquals(List.of(OutputPublisher.SUCCESS), names(out));
  }

  @Test
  void directRunRefusesAForeignPrefix() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("somebody-elses.csv"), "keep me", StandardCharsets.UTF_8);
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> OutputPublisher.beginDirect(out.toString(), conf));
    assertTrue(e.getMessage().contains("new prefix"), e::getMessage);
    assertEquals("keep me", Files.readString(out.resolve("somebody-elses.csv")));
  }

  @Test
  void directRunWritesIntoAnEmptyDirectory() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    OutputPublisher p = OutputPublisher.beginDirect(out.toString(), conf);
    p.startWriting();
    p.commit(List.of());
    assertEquals(List.of(OutputPublisher.SUCCESS), names(out));
  }

  @Test
  void nothingIsWrittenBeforeStartWriting() {
    OutputPublisher p = OutputPublisher.beginDirect(tmp.resolve("out").toString(), conf);
    assertThrows(IllegalStateException.class, () -> p.writeText("a", "b"));
    assertThrows(IllegalStateException.class, () -> p.commit(List.of()));
  }

  @Test
  void stagedRunReplacesAnEarlierOutputOnlyAtCommit() throws IOException {
    Path out = tmp.resolve("out");
    earlierOutput(out);
    OutputPublisher p = OutputPublisher.begin(out.toString(), conf);
    assertFalse(p.isDirect());
    p.startWriting();
    p.writeText("tables/new.csv", "new");
    assertTrue(Files.exists(out.resolve("tables/old.csv")), "earlier output intact until commit");
    p.commit(List.of());
    assertEquals(List.of("new.csv"), names(out.resolve("tables")));
    assertTrue(Files.exists(out.resolve(OutputPublisher.SUCCESS)));
    assertEquals(List.of("out"), names(tmp), "no staging or previous directory left");
  }

  @Test
  void stagedRunFailingLeavesTheEarlierOutput() throws IOException {
    Path out = tmp.resolve("out");
    earlierOutput(out);
    OutputPublisher p = OutputPublisher.begin(out.toString(), conf);
    p.startWriting();
    p.writeText("tables/new.csv", "new");
    p.abort();
    assertEquals("old", Files.readString(out.resolve("tables/old.csv")));
    assertEquals(List.of("out"), names(tmp));
  }
}
