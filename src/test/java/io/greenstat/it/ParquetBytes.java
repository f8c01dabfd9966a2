package io.greenstat.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Compares two Parquet files for "the same bytes" as far as parquet-java allows. It writes each
 * column chunk's list of encodings (and encoding statistics) in the iteration order of a {@code
 * HashSet} of enum constants, whose hash codes are identity hash codes: the order, and so a few
 * footer bytes, can differ between two JVMs writing the same data. Everything else must be equal:
 * the file length, every byte before the footer (all pages, all values), and the footer itself once
 * those lists are put in a fixed order.
 */
public final class ParquetBytes {
  private ParquetBytes() {}

  /** Null when equal in that sense; otherwise what differs. */
  public static String difference(byte[] a, byte[] b) {
    if (Arrays.equals(a, b)) {
      return null;
    }
    if (a.length != b.length) {
      return "lengths " + a.length + " and " + b.length;
    }
    if (!isParquet(a) || !isParquet(b)) {
      return "bytes differ (not Parquet)";
    }
    int footerA = footerLength(a);
    int footerB = footerLength(b);
    if (footerA != footerB) {
      return "footer lengths " + footerA + " and " + footerB;
    }
    int dataEnd = a.length - 8 - footerA;
    if (!Arrays.equals(a, 0, dataEnd, b, 0, dataEnd)) {
      return "data pages differ (before the footer at byte " + dataEnd + ")";
    }
    FileMetaData ma = normalisedFooter(a, dataEnd, footerA);
    FileMetaData mb = normalisedFooter(b, dataEnd, footerB);
    return ma.equals(mb) ? null : "footers differ:\n" + ma + "\n" + mb;
  }

  private static boolean isParquet(byte[] f) {
    return f.length >= 12
        && new String(f, f.length - 4, 4, StandardCharsets.US_ASCII).equals("PAR1")
        && new String(f, 0, 4, StandardCharsets.US_ASCII).equals("PAR1");
  }

  private static int footerLength(byte[] f) {
    return ByteBuffer.wrap(f, f.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private static FileMetaData normalisedFooter(byte[] f, int offset, int length) {
    try {
      FileMetaData md = Util.readFileMetaData(new ByteArrayInputStream(f, offset, length));
      for (RowGroup rg : md.getRow_groups()) {
        for (ColumnChunk cc : rg.getColumns()) {
          ColumnMetaData cmd = cc.getMeta_data();
          cmd.setEncodings(
              cmd.getEncodings().stream().sorted(Comparator.comparing(Enum::ordinal)).toList());
          if (cmd.isSetEncoding_stats()) {
            List<PageEncodingStats> stats =
                cmd.getEncoding_stats().stream()
                    .sorted(
                        Comparator.comparing((PageEncodingStats s) -> s.getPage_type().ordinal())
                            .thenComparing(s -> s.getEncoding().ordinal()))
                    .toList();
            cmd.setEncoding_stats(stats);
          }
        }
      }
      return md;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a Parquet footer", e);
    }
  }
}
