package io.greenstat.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Parquet data files of an input dataset on any Hadoop file system (local, hdfs://,
 * s3a://).
 *
 * <p>Like Spark, it skips every file or directory whose name starts with {@code _} or {@code .}
 * ({@code _SUCCESS}, {@code .crc}, {@code _temporary/}). A file named {@code *.parquet} or {@code
 * *.parq} is data and must be readable; any other file is data only when it starts with the Parquet
 * magic bytes {@code PAR1}, so a README or a CSV next to the data is ignored with a warning instead
 * of failing the run.
 */
public final class InputFiles {
  private static final Logger LOG = LoggerFactory.getLogger(InputFiles.class);
  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

  private InputFiles() {}

  /**
   * A data file: its qualified path, size in bytes, modification time and, on stores that have them
   * (S3), its entity tag; what an incremental run compares to see whether a file changed.
   */
  public record DataFile(Path path, long sizeBytes, long modifiedMillis, String etag) {
    static DataFile of(FileStatus status) {
      String etag = status instanceof EtagSource e ? e.getEtag() : null;
      return new DataFile(status.getPath(), status.getLen(), status.getModificationTime(), etag);
    }
  }

  /**
   * Lists the data files under {@code input}, sorted by path.
   *
   * @throws InputRejectedException when the path does not exist or holds no Parquet data file
   */
  public static List<DataFile> list(String input, Configuration hadoopConf) {
    Path root = new Path(input);
    List<DataFile> files = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(hadoopConf);
      FileStatus status;
      try {
        status = fs.getFileStatus(root);
      } catch (FileNotFoundException e) {
        throw new InputRejectedException("input path does not exist: " + input);
      }
      if (status.isFile()) {
        files.add(DataFile.of(status));
      } else {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (isHidden(root, f.getPath())) {
            continue;
          }
          if (isParquetName(f.getPath().getName()) || startsWithMagic(fs, f)) {
            files.add(DataFile.of(f));
          } else {
            ignored.add(f.getPath().toString());
          }
        }
      }
    } catch (IOException e) {
      throw new InputRejectedException(
          "cannot list input path " + input + ": " + e.getMessage(), e);
    }
    if (!ignored.isEmpty()) {
      LOG.warn(
          "Ignoring {} non-Parquet file(s) in the input, e.g. {}", ignored.size(), ignored.get(0));
    }
    if (files.isEmpty()) {
      throw new InputRejectedException("input path has no Parquet data files: " + input);
    }
    files.sort((a, b) -> a.path().toString().compareTo(b.path().toString()));
    return files;
  }

  static boolean isParquetName(String name) {
    return name.endsWith(".parquet") || name.endsWith(".parq");
  }

  /** True when any path component below the root starts with '_' or '.' (Spark's rule). */
  static boolean isHidden(Path root, Path file) {
    String rootPath = root.toUri().getPath();
    String rel = file.toUri().getPath();
    if (rel.startsWith(rootPath)) {
      rel = rel.substring(rootPath.length());
    }
    for (String part : rel.split("/")) {
      if (!part.isEmpty() && (part.startsWith("_") || part.startsWith("."))) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithMagic(FileSystem fs, FileStatus f) throws IOException {
    if (f.getLen() < MAGIC.length) {
      return false;
    }
    byte[] head = new byte[MAGIC.length];
    try (InputStream in = fs.open(f.getPath())) {
      int n = in.readNBytes(head, 0, head.length);
      return n == head.length && Arrays.equals(head, MAGIC);
    }
  }
}
