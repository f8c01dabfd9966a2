package io.greenstat.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Makes a Spark-written dataset byte-reproducible: Spark's part files carry a random job UUID in
 * their names, the local file system adds {@code .crc} side files and the committer adds {@code
 * _SUCCESS}. Works through the Hadoop {@link FileSystem} API, so on any scheme (file, hdfs, s3a).
 */
final class OutputFiles {
  private OutputFiles() {}

  /** The file system without client-side checksum files (the local one writes {@code .crc}). */
  static FileSystem raw(FileSystem fs) {
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  /** True when {@code root} does not exist or is an empty directory. */
  static boolean isAbsentOrEmpty(FileSystem fs, Path root) throws IOException {
    if (!fs.exists(root)) {
      return true;
    }
    return fs.getFileStatus(root).isDirectory() && fs.listStatus(root).length == 0;
  }

  /**
   * Renames the part files of every {@code year=} directory to {@code part-00000.snappy.parquet},
   * {@code part-00001...} in the order of Spark's task numbers, then deletes {@code .crc} files and
   * {@code _SUCCESS}. Returns the number of Parquet files.
   */
  static int normalise(FileSystem fs, Path root) throws IOException {
    FileSystem raw = raw(fs);
    int files = 0;
    for (FileStatus dir : sorted(raw.listStatus(root))) {
      if (!dir.isDirectory() || !dir.getPath().getName().startsWith("year=")) {
        continue;
      }
      List<FileStatus> parts = new ArrayList<>();
      for (FileStatus f : raw.listStatus(dir.getPath())) {
        String name = f.getPath().getName();
        if (f.isFile() && name.startsWith("part-") && name.endsWith(".parquet")) {
          parts.add(f);
        }
      }
      // Spark names them part-<task>-<uuid>.c<n>.snappy.parquet: the task number orders them.
      parts.sort(Comparator.comparing(f -> f.getPath().getName()));
      for (int i = 0; i < parts.size(); i++) {
        Path to = new Path(dir.getPath(), String.format("part-%05d.snappy.parquet", i));
        if (!raw.rename(parts.get(i).getPath(), to)) {
          throw new IOException("could not rename " + parts.get(i).getPath() + " to " + to);
        }
      }
      files += parts.size();
    }
    List<Path> litter = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> all = raw.listFiles(root, true);
    while (all.hasNext()) {
      Path p = all.next().getPath();
      if (p.getName().endsWith(".crc") || p.getName().equals("_SUCCESS")) {
        litter.add(p);
      }
    }
    for (Path p : litter) {
      raw.delete(p, false);
    }
    return files;
  }

  private static List<FileStatus> sorted(FileStatus[] statuses) {
    List<FileStatus> list = new ArrayList<>(Arrays.asList(statuses));
    list.sort(Comparator.comparing(f -> f.getPath().getName()));
    return list;
  }
}
