package io.greenstat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of a run's output as relative path → bytes, to compare two runs byte for byte. */
public final class OutputFiles {
  private OutputFiles() {}

  /** The outputs the contract promises to be reproducible (everything but the manifest). */
  public static final List<String> REPRODUCIBLE =
      List.of(
          "tables/industry_year.csv",
          "tables/industry_year/",
          "quarantine/",
          "summary.json",
          "report.html");

  /**
   * The files under {@code root} whose relative path is one of {@code entries} or lies under an
   * entry ending in '/'. Hadoop's local checksum files ({@code .*.crc}) are left out.
   */
  public static Map<String, byte[]> local(Path root, List<String> entries) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (!p.getFileName().toString().endsWith(".crc") && selected(rel, entries)) {
          files.put(rel, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  /** Every file under {@code root} (checksum files left out). */
  public static Map<String, byte[]> local(Path root) throws IOException {
    return local(root, List.of("/"));
  }

  static boolean selected(String rel, List<String> entries) {
    return entries.stream()
        .anyMatch(e -> e.equals("/") || (e.endsWith("/") ? rel.startsWith(e) : rel.equals(e)));
  }

  /**
   * Asserts the same relative paths with the same bytes; names the files that differ. Parquet files
   * are compared by {@link ParquetBytes}: every byte, except the order of two lists in the footer
   * that parquet-java writes in hash order.
   */
  public static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet(), "the same files");
    List<String> differ = new ArrayList<>();
    for (String k : expected.keySet()) {
      byte[] e = expected.get(k);
      byte[] a = actual.get(k);
      if (k.endsWith(".parquet")) {
        String d = ParquetBytes.difference(e, a);
        if (d != null) {
          differ.add(k + ": " + d);
        }
      } else if (!Arrays.equals(e, a)) {
        differ.add(k + " (" + e.length + " vs " + a.length + " bytes)");
      }
    }
    assertEquals(List.of(), differ, "files whose bytes differ");
  }
}
