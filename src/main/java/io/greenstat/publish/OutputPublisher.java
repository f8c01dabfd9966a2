package io.greenstat.publish;

import io.greenstat.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's output so that a failed run never leaves a {@code _SUCCESS} marker, in one of
 * two ways chosen by the output's file system.
 *
 * <p><b>Staged</b> (local disk, HDFS and every file system with an atomic directory rename): a run
 * writes everything into a hidden staging directory beside the output ({@code
 * .<name>.staging-<id>}). {@link #commit} then moves an earlier output aside, moves the staging
 * directory into place, writes {@code _SUCCESS} last and deletes the earlier output. {@link #abort}
 * deletes the staging directory and leaves the earlier output as it was.
 *
 * <p><b>Direct</b> (object stores: {@code s3a://} and the other schemes of {@link
 * #OBJECT_STORE_SCHEMES}): there a "rename" is a copy of every object and a delete, neither atomic
 * nor cheap, which the S3A committer documentation says not to rely on. So a run writes straight
 * under the final output prefix, and Spark's own writes go through the S3A magic committer ({@code
 * conf/s3.properties}), which renames nothing either. Readers know a finished run by its {@code
 * _SUCCESS}, written last. The trade-off: an object store offers no way to replace an earlier
 * output atomically, so each run should get a prefix of its own (the nightly job writes {@code
 * <root>/run_date=YYYY-MM-DD/}). When the prefix does hold an earlier greenstat output (a
 * deliberate rerun), it is deleted only in {@link #startWriting}, which the pipeline calls when the
 * new run's results are computed (and the quality gate passed); a failure after that point leaves
 * the prefix without {@code _SUCCESS} and without the earlier output. While a direct run writes,
 * the prefix holds {@value #IN_PROGRESS}, so that a run that died (and could not clean up) is still
 * recognised as greenstat's and may be replaced by the next run.
 *
 * <p>Either way an existing output is replaced only when it is an earlier greenstat output (it has
 * {@value #MANIFEST} or {@value #IN_PROGRESS}) or empty; anything else is refused with a {@link
 * ConfigException} (exit code 2). Two runs must not write the same output at the same time.
 */
public final class OutputPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(OutputPublisher.class);
  public static final String SUCCESS = "_SUCCESS";
  public static final String MANIFEST = "_MANIFEST.json";

  /** Present under a direct output while a run writes it; deleted just before {@code _SUCCESS}. */
  public static final String IN_PROGRESS = "_IN_PROGRESS";

  /**
   * File-system schemes written directly, without a staging rename: object stores whose rename is a
   * copy. ({@code abfs}/{@code abfss}, ADLS Gen2 with its hierarchical namespace, renames
   * directories atomically and stays staged.)
   */
  public static final Set<String> OBJECT_STORE_SCHEMES =
      Set.of("s3a", "s3", "s3n", "gs", "oss", "cosn", "obs", "wasb", "wasbs");

  /** How a run reaches its output. */
  public enum Mode {
    /** Write a hidden sibling directory, rename it into place. */
    STAGED,
    /** Write under the output itself; {@code _SUCCESS} last. */
    DIRECT
  }

  private final FileSystem fs;
  private final Path output;
  private final Mode mode;
  private final Path writeRoot;
  private final String runId;
  private final boolean replacesEarlier;
  private boolean writing;

  private OutputPublisher(
      FileSystem fs, Path output, Mode mode, Path writeRoot, String runId, boolean replaces) {
    this.fs = fs;
    this.output = output;
    this.mode = mode;
    this.writeRoot = writeRoot;
    this.runId = runId;
    this.replacesEarlier = replaces;
  }

  /**
   * Checks that {@code outputPath} may be written, before anything is computed: directly on an
   * object store, through a staging directory elsewhere.
   *
   * @throws ConfigException when the output exists and is not empty nor an earlier greenstat output
   */
  public static OutputPublisher begin(String outputPath, Configuration conf) {
    try {
      Path output = new Path(outputPath);
      FileSystem fs = output.getFileSystem(conf);
      return begin(outputPath, conf, modeFor(fs.getScheme()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output " + outputPath, e);
    }
  }

  /** As {@link #begin(String, Configuration)}, with the mode chosen by the caller (tests). */
  static OutputPublisher begin(String outputPath, Configuration conf, Mode mode) {
    try {
      Path output = new Path(outputPath);
      FileSystem fs = output.getFileSystem(conf);
      output = fs.makeQualified(output);
      boolean replaces = checkReplaceable(fs, output, outputPath, mode);
      String runId = UUID.randomUUID().toString().substring(0, 8);
      if (mode == Mode.DIRECT) {
        LOG.info(
            "Writing directly under {} (object store: no staging rename; _SUCCESS last){}",
            output,
            replaces ? "; the earlier output there is deleted once the new results are ready" : "");
        return new OutputPublisher(fs, output, mode, output, runId, replaces);
      }
      Path staging = new Path(output.getParent(), "." + output.getName() + ".staging-" + runId);
      if (!fs.mkdirs(staging)) {
        throw new IOException("could not create staging directory " + staging);
      }
      LOG.info("Staging output in {}", staging);
      return new OutputPublisher(fs, output, mode, staging, runId, replaces);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output " + outputPath, e);
    }
  }

  /** {@link Mode#DIRECT} for the schemes of {@link #OBJECT_STORE_SCHEMES}, else staged. */
  static Mode modeFor(String scheme) {
    return scheme != null && OBJECT_STORE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))
        ? Mode.DIRECT
        : Mode.STAGED;
  }

  /** Whether an earlier output is there to replace; refuses anything that is not greenstat's. */
  private static boolean checkReplaceable(FileSystem fs, Path output, String shown, Mode mode)
      throws IOException {
    if (!fs.exists(output)) {
      return false;
    }
    FileStatus st = fs.getFileStatus(output);
    if (!st.isDirectory()) {
      throw new ConfigException("output path is a file, not a directory: " + shown);
    }
    // On S3 an "empty directory" is a 0-byte marker object at most: nothing to replace.
    if (fs.listStatus(output).length == 0) {
      return false;
    }
    if (fs.exists(new Path(output, MANIFEST)) || fs.exists(new Path(output, IN_PROGRESS))) {
      return true;
    }
    if (mode == Mode.DIRECT) {
      throw new ConfigException(
          "refusing to write into "
              + shown
              + ": the prefix holds objects and is not an earlier greenstat output (no "
              + MANIFEST
              + "); on an object store give each run a new prefix, e.g. <root>/run_date=YYYY-MM-DD");
    }
    throw new ConfigException(
        "refusing to replace "
            + shown
            + ": it is not empty and not an earlier greenstat output (no "
            + MANIFEST
            + ")");
  }

  public FileSystem fileSystem() {
    return fs;
  }

  public Mode mode() {
    return mode;
  }

  /**
   * Called once the run's results are computed, before the first write. Staged: nothing to do.
   * Direct: deletes an earlier output under the prefix ({@code _SUCCESS} first, so that readers
   * stop trusting it at once) and marks the prefix {@value #IN_PROGRESS}. From here on a failure in
   * direct mode loses the earlier output: see the class comment.
   */
  public void startWriting() {
    if (writing) {
      return;
    }
    if (mode == Mode.DIRECT) {
      try {
        if (replacesEarlier) {
          LOG.warn("Deleting the earlier output at {} to write the new run there", output);
          fs.delete(new Path(output, SUCCESS), false);
          if (!fs.delete(output, true) && fs.exists(output)) {
            throw new IOException("could not delete the earlier output " + output);
          }
        }
        writeBytes(
            new Path(output, IN_PROGRESS),
            ("greenstat run "
                    + runId
                    + " is writing this output. Without a running job, the run died: the next"
                    + " run may replace this prefix.\n")
                .getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare output " + output, e);
      }
    }
    writing = true;
  }

  /**
   * A path inside the directory the run writes: the staging directory, or on an object store the
   * output itself. Only after {@link #startWriting}.
   */
  public Path staged(String relative) {
    if (!writing) {
      throw new IllegalStateException("startWriting() must come before the first write");
    }
    return new Path(writeRoot, relative);
  }

  /** Writes a UTF-8 text file into the run's directory. */
  public void writeText(String relative, String content) {
    Path path = staged(relative);
    try {
      writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private void writeBytes(Path path, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    }
  }

  /** Puts the run in place and writes {@code _SUCCESS} last; returns the output path. */
  public String commit() {
    if (!writing) {
      throw new IllegalStateException("nothing written: startWriting() was not called");
    }
    return mode == Mode.DIRECT ? commitDirect() : commitStaged();
  }

  private String commitDirect() {
    try {
      fs.delete(new Path(output, IN_PROGRESS), false);
      fs.create(new Path(output, SUCCESS), true).close();
      LOG.info("Published {}", output);
      return output.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + output, e);
    }
  }

  private String commitStaged() {
    Path previous = new Path(output.getParent(), "." + output.getName() + ".previous-" + runId);
    try {
      boolean hadPrevious = fs.exists(output);
      if (hadPrevious && !fs.rename(output, previous)) {
        throw new IOException("could not move the earlier output aside to " + previous);
      }
      if (!fs.rename(writeRoot, output)) {
        if (hadPrevious) {
          fs.rename(previous, output);
        }
        throw new IOException("could not move " + writeRoot + " to " + output);
      }
      fs.create(new Path(output, SUCCESS), true).close();
      if (hadPrevious) {
        fs.delete(previous, true);
      }
      LOG.info("Published {}", output);
      return output.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + output, e);
    }
  }

  /**
   * After a failure. Staged: deletes the staging directory; the earlier output stays as it was.
   * Direct: if the run had started writing, deletes what it wrote (the earlier output, if any, was
   * deleted already); otherwise touches nothing.
   */
  public void abort() {
    Path target = mode == Mode.DIRECT ? output : writeRoot;
    if (mode == Mode.DIRECT && !writing) {
      return;
    }
    try {
      fs.delete(target, true);
    } catch (IOException e) {
      LOG.warn("Could not delete the unfinished output {}: {}", target, e.getMessage());
    }
  }
}
