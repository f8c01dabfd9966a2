package io.greenstat.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.RandomFirmYears;
import io.greenstat.RawRowParquet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet footers list each column's encodings in an order that depends on the writing JVM
 * (apache/parquet-java#3215); normalising sorts them, so that the same data written by two
 * processes gives the same bytes.
 */
class DeterministicPartsTest {
  @TempDir Path tmp;

  private final Configuration conf = new Configuration();

  /** The footer of a Parquet file, and where it starts. */
  private record Footer(FileMetaData meta, int offset, int length) {}

  private static Footer footer(byte[] file) throws IOException {
    int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int offset = file.length - 8 - length;
    return new Footer(
        Util.readFileMetaData(new ByteArrayInputStream(file, offset, length)), offset, length);
  }

  /** Rewrites the footer with every encoding list reversed, as another JVM may have written it. */
  private static void reverseEncodings(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Footer f = footer(bytes);
    for (RowGroup g : f.meta().getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        List<Encoding> e = new ArrayList<>(c.getMeta_data().getEncodings());
        e.sort(Comparator.comparingInt(Encoding::getValue));
        Collections.reverse(e);
        c.getMeta_data().setEncodings(e);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Util.writeFileMetaData(f.meta(), out);
    assertEquals(f.length(), out.size());
    System.arraycopy(out.toByteArray(), 0, bytes, f.offset(), f.length());
    Files.write(file, bytes);
    // Written past Hadoop's checksum file, which is now stale.
    Files.delete(file.resolveSibling("." + file.getFileName() + ".crc"));
  }

  private static List<List<Encoding>> encodings(Path file) throws IOException {
    List<List<Encoding>> all = new ArrayList<>();
    for (RowGroup g : footer(Files.readAllBytes(file)).meta().getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        all.add(c.getMeta_data().getEncodings());
      }
    }
    return all;
  }

  @Test
  void footerEncodingsAreSorted_soTwoWritersGiveTheSameBytes() throws IOException {
    var rows = RandomFirmYears.batch(8, 200, 2019, 2022, 0.05);
    Path a = RawRowParquet.writeFile(tmp.resolve("a/part-00000-x.snappy.parquet"), rows);
    Path b = RawRowParquet.writeFile(tmp.resolve("b/part-00000-y.snappy.parquet"), rows);
    reverseEncodings(b);
    assertTrue(encodings(b).stream().anyMatch(e -> e.size() > 1), "columns with 2+ encodings");
    assertNotEquals(encodings(a), encodings(b));

    FileSystem fs = FileSystem.getLocal(conf);
    DeterministicParts.normalise(fs, new org.apache.hadoop.fs.Path(tmp.resolve("a").toUri()));
    DeterministicParts.normalise(fs, new org.apache.hadoop.fs.Path(tmp.resolve("b").toUri()));
    Path na = tmp.resolve("a/part-00000.snappy.parquet");
    Path nb = tmp.resolve("b/part-00000.snappy.parquet");
    assertArrayEquals(Files.readAllBytes(na), Files.readAllBytes(nb));
    for (List<Encoding> e : encodings(nb)) {
      List<Encoding> sorted = new ArrayList<>(e);
      sorted.sort(Comparator.comparingInt(Encoding::getValue));
      assertEquals(sorted, e);
    }
    assertFalse(Files.exists(tmp.resolve("b/.part-00000.snappy.parquet.sorted")));

    // Still a readable Parquet file with every row.
    try (ParquetFileReader r =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(nb.toUri()), conf))) {
      assertEquals(rows.size(), r.getRecordCount());
    }
    // Sorting again changes nothing.
    assertFalse(
        DeterministicParts.sortFooterEncodings(fs, new org.apache.hadoop.fs.Path(nb.toUri())));
  }
}
