package io.greenstat.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Gives a directory that Spark wrote reproducible file names. Spark names part files {@code
 * part-NNNNN-<random job UUID>...}; this renames them to {@code part-NNNNN.<ext>} in sorted order
 * and removes checksum ({@code .crc}) and marker ({@code _SUCCESS}) files, recursively. Together
 * with a deterministic partitioning and sort, the same data gives the same bytes and names.
 *
 * <p>On an object store (S3A) each rename is a server-side copy and a delete, not atomic. It is
 * kept there on purpose: the renamed files are few (one per table, one per million quarantined
 * rows) and their names are part of "same input, same output"; the run's {@code _SUCCESS}, written
 * after this, is what readers trust, so a half-renamed directory is never taken as finished. A
 * quarantine of hundreds of millions of rows would make this step cost a copy of each file: then
 * raise {@code spark.greenstat.quarantine.rowsPerFile} rather than skip the renaming.
 */
public final class DeterministicParts {
  private DeterministicParts() {}

  /** Normalises {@code dir} and its subdirectories; returns the number of data files. */
  public static int normalise(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> parts = new ArrayList<>();
    int count = 0;
    for (FileStatus st : fs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (st.isDirectory()) {
        count += normalise(fs, st.getPath());
      } else if (name.endsWith(".crc") || name.equals("_SUCCESS")) {
        fs.delete(st.getPath(), false);
      } else if (name.startsWith("part-")) {
        parts.add(st);
      }
    }
    parts.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    for (int i = 0; i < parts.size(); i++) {
      Path from = parts.get(i).getPath();
      String name = from.getName();
      int dot = name.indexOf('.');
      String ext = dot >= 0 ? name.substring(dot) : "";
      Path to = new Path(dir, String.format(java.util.Locale.ROOT, "part-%05d%s", i, ext));
      if (!from.equals(to) && !fs.rename(from, to)) {
        throw new IOException("could not rename " + from + " to " + to);
      }
    }
    return count + parts.size();
  }
}
