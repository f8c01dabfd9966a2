package io.greenstat.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Gives a directory that Spark wrote reproducible file names and bytes. Spark names part files
 * {@code part-NNNNN-<random job UUID>...}; this renames them to {@code part-NNNNN.<ext>} in sorted
 * order and removes checksum ({@code .crc}) and marker ({@code _SUCCESS}) files, recursively. The
 * Parquet writer lists each column's encodings in its footer in an order that differs from one JVM
 * to the next (a hash set of enum constants, apache/parquet-java#3215), so the footer's encoding
 * lists are sorted too. Together with a deterministic partitioning and sort, the same data gives
 * the same bytes and names, whichever process wrote them.
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
      if (ext.endsWith(".parquet")) {
        sortFooterEncodings(fs, to);
      }
    }
    return count + parts.size();
  }

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /**
   * Sorts the encoding lists of a Parquet file's footer ({@code ColumnMetaData.encodings} and
   * {@code encoding_stats}, both sets in meaning). Reordering list elements leaves the footer's
   * length and every offset as they were; the file is rewritten only when an order changes.
   *
   * @return true when the file was rewritten
   */
  static boolean sortFooterEncodings(FileSystem fs, Path file) throws IOException {
    long len = fs.getFileStatus(file).getLen();
    if (len < 12) {
      return false;
    }
    byte[] tail = new byte[8];
    byte[] footer;
    try (FSDataInputStream in = fs.open(file)) {
      in.readFully(len - 8, tail);
      int footerLen = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      if (!Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)
          || footerLen <= 0
          || footerLen > len - 12) {
        return false; // not a plain Parquet file (encrypted footers end in PARE): leave it
      }
      footer = new byte[footerLen];
      in.readFully(len - 8 - footerLen, footer);
    }
    FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
    boolean changed = false;
    for (RowGroup group : meta.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        if (column == null) {
          continue;
        }
        List<Encoding> encodings = new ArrayList<>(column.getEncodings());
        encodings.sort(Comparator.comparingInt(Encoding::getValue));
        if (!encodings.equals(column.getEncodings())) {
          column.setEncodings(encodings);
          changed = true;
        }
        if (column.isSetEncoding_stats()) {
          List<PageEncodingStats> stats = new ArrayList<>(column.getEncoding_stats());
          stats.sort(
              Comparator.<PageEncodingStats>comparingInt(e -> e.getPage_type().getValue())
                  .thenComparingInt(e -> e.getEncoding().getValue())
                  .thenComparingInt(PageEncodingStats::getCount));
          if (!stats.equals(column.getEncoding_stats())) {
            column.setEncoding_stats(stats);
            changed = true;
          }
        }
      }
    }
    if (!changed) {
      return false;
    }
    ByteArrayOutputStream sorted = new ByteArrayOutputStream(footer.length);
    Util.writeFileMetaData(meta, sorted);
    if (sorted.size() != footer.length) {
      throw new IOException("sorting the footer encodings of " + file + " changed its length");
    }
    Path rewritten = new Path(file.getParent(), "." + file.getName() + ".sorted");
    try (FSDataInputStream in = fs.open(file);
        FSDataOutputStream out = fs.create(rewritten, true)) {
      IOUtils.copyBytes(in, out, len - 8 - footer.length, false);
      sorted.writeTo(out);
      out.write(tail);
    }
    if (!fs.delete(file, false) || !fs.rename(rewritten, file)) {
      throw new IOException("could not replace " + file + " with " + rewritten);
    }
    return true;
  }
}
