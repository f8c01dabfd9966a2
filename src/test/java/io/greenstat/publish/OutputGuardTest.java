package io.greenstat.publish;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output locations a run must refuse before it starts, as text (and links) only. */
class OutputGuardTest {
  @TempDir Path tmp;

  private static String refused(String input, String output) {
    return assertThrows(ConfigException.class, () -> OutputGuard.checkPaths(input, output))
        .getMessage();
  }

  @Test
  void theRootIsRefused_inEverySpelling() {
    for (String root :
        new String[] {
          "/",
          "//",
          "/tmp/..",
          "file:///",
          "file:/",
          "s3a://bucket",
          "s3a://bucket/",
          "hdfs://namenode:8020/"
        }) {
      assertTrue(refused("/data/in", root).contains("root"), root);
    }
  }

  @Test
  void theHomeDirectoryIsRefused() {
    String home = System.getProperty("user.home");
    assertTrue(refused("/data/in", home).contains("home directory"));
    assertTrue(refused("/data/in", home + "/").contains("home directory"));
    assertTrue(refused("/data/in", home + "/./x/..").contains("home directory"));
    assertDoesNotThrow(() -> OutputGuard.checkPaths("/data/in", home + "/greenstat-out"));
  }

  @Test
  void theInputItselfIsRefused() {
    Path in = tmp.resolve("in");
    assertTrue(refused(in.toString(), in.toString()).contains("overlaps input"));
    assertTrue(refused(in.toString(), in + "/").contains("overlaps input"));
    assertTrue(refused(in.toString(), in + "/./").contains("overlaps input"));
    assertTrue(refused(in.toString(), "file://" + in).contains("overlaps input"));
    assertTrue(refused("s3a://b/firm_year", "s3a://b/firm_year/").contains("overlaps input"));
  }

  @Test
  void nestedInputAndOutputAreRefused() {
    Path in = tmp.resolve("in");
    assertTrue(refused(in.toString(), in.resolve("out").toString()).contains("overlaps input"));
    assertTrue(refused(in.resolve("year=2020").toString(), in.toString()).contains("overlaps"));
    assertTrue(refused("s3a://b/in", "s3a://b/in/report").contains("overlaps input"));
    assertTrue(refused("hdfs:///stats/in/2024", "hdfs:///stats/in").contains("overlaps input"));
  }

  @Test
  void siblingsThatShareAPrefixAreFine() {
    assertDoesNotThrow(() -> OutputGuard.checkPaths("/data/in", "/data/in2"));
    assertDoesNotThrow(() -> OutputGuard.checkPaths("/data/in", "/data/in-out"));
    assertDoesNotThrow(() -> OutputGuard.checkPaths("/data/in2", "/data/in"));
    assertDoesNotThrow(() -> OutputGuard.checkPaths("s3a://b/in", "s3a://b/out"));
  }

  @Test
  void aSymbolicLinkCannotPutTheOutputIntoTheInput() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("data/in"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), in);
    assertTrue(refused(in.toString(), link.toString()).contains("overlaps input"));
    assertTrue(refused(in.toString(), link.resolve("out").toString()).contains("overlaps input"));
    assertTrue(refused(link.toString(), in.resolve("out").toString()).contains("overlaps input"));
  }
}
