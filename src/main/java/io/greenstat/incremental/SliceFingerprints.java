package io.greenstat.incremental;

import io.greenstat.ingest.InputFiles.DataFile;
import io.greenstat.ingest.YearPartitions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fingerprint of each input year partition: a SHA-256 over its files' paths (relative to the
 * input), sizes, modification times and entity tags. Listing metadata only: no data is read.
 *
 * @param slices partition year → fingerprint; empty when the input is not year-partitioned
 * @param unpartitionedFile a file outside any {@code year=YYYY} directory, when there is one
 */
public record SliceFingerprints(
    SortedMap<Integer, String> slices, Optional<String> unpartitionedFile) {

  /** Whether incremental runs are possible: every file lies in a year partition. */
  public boolean partitioned() {
    return unpartitionedFile.isEmpty() && !slices.isEmpty();
  }

  /** Fingerprints {@code files}, listed under {@code inputRoot}. */
  public static SliceFingerprints of(String inputRoot, List<DataFile> files) {
    SortedMap<Integer, List<String>> lines = new TreeMap<>();
    for (DataFile f : files) {
      String path = f.path().toString();
      Optional<Integer> year = YearPartitions.of(path);
      if (year.isEmpty()) {
        return new SliceFingerprints(new TreeMap<>(), Optional.of(path));
      }
      lines
          .computeIfAbsent(year.get(), y -> new ArrayList<>())
          .add(
              String.join(
                  "\t",
                  relative(inputRoot, f.path().toUri().getPath()),
                  Long.toString(f.sizeBytes()),
                  Long.toString(f.modifiedMillis()),
                  f.etag() == null ? "" : f.etag()));
    }
    SortedMap<Integer, String> slices = new TreeMap<>();
    for (Map.Entry<Integer, List<String>> e : lines.entrySet()) {
      List<String> sorted = new ArrayList<>(e.getValue());
      sorted.sort(null);
      slices.put(e.getKey(), sha256(String.join("\n", sorted)));
    }
    return new SliceFingerprints(slices, Optional.empty());
  }

  private static String relative(String root, String path) {
    String r = new org.apache.hadoop.fs.Path(root).toUri().getPath();
    return path.startsWith(r) ? path.substring(r.length()) : path;
  }

  static String sha256(String text) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
