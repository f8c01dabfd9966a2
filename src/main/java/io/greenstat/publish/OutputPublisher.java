package io.greenstat.publish;

import io.greenstat.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's output so that a failed run never damages an earlier one.
 *
 * <p>A run writes everything into a hidden staging directory beside the output ({@code
 * .<name>.staging-<id>}). {@link #commit} then moves an earlier output aside ({@code
 * .<name>.previous-<id>}), moves the staging directory into place, writes {@code _SUCCESS} last and
 * deletes the earlier output. {@link #abort} deletes the staging directory and leaves the earlier
 * output as it was. An existing directory is replaced only when it is an earlier greenstat output
 * (it has {@code _MANIFEST.json}) or empty.
 *
 * <p>A run killed outright (kill -9, a lost driver) cannot clean up, so {@link #begin} does it for
 * the next run of the same output: it deletes staging directories of that output left by earlier
 * runs, and when a run died inside {@link #commit} (between its two renames, or before {@code
 * _SUCCESS}), it puts the earlier output back. Only siblings named exactly like this output's
 * staging or previous directories are touched. One run at a time may write a given output: a run
 * started while another writes the same output deletes that run's staging directory, and the other
 * run then fails at {@link #commit} instead of publishing.
 */
public final class OutputPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(OutputPublisher.class);
  public static final String SUCCESS = "_SUCCESS";
  public static final String MANIFEST = "_MANIFEST.json";

  private final FileSystem fs;
  private final Path output;
  private final Path staging;
  private final String runId;

  // Direct mode (object stores), see OBJECT_STORE_SCHEMES: staging is the output itself.
  private boolean direct;
  private boolean replacesEarlier;
  private boolean writing;

  private OutputPublisher(FileSystem fs, Path output, Path staging, String runId) {
    this.fs = fs;
    this.output = output;
    this.staging = staging;
    this.runId = runId;
  }

  /**
   * Checks that {@code outputPath} may be replaced and creates the staging directory; first repairs
   * what an earlier run killed mid-way left beside the output (see the class comment).
   *
   * @throws ConfigException when the output exists and is not an earlier greenstat output
   */
  public static OutputPublisher begin(String outputPath, Configuration conf) {
    if (isObjectStore(outputPath, conf)) {
      return beginDirect(outputPath, conf);
    }
    try {
      long startedAt = System.currentTimeMillis();
      Path output = new Path(outputPath);
      FileSystem fs = output.getFileSystem(conf);
      output = fs.makeQualified(output);
      if (output.getParent() == null) {
        throw new ConfigException("refusing to write output to the root '" + outputPath + "'");
      }
      restoreInterruptedCommit(fs, output);
      if (fs.exists(output)) {
        FileStatus st = fs.getFileStatus(output);
        if (!st.isDirectory()) {
          throw new ConfigException("output path is a file, not a directory: " + outputPath);
        }
        boolean empty = fs.listStatus(output).length == 0;
        if (!empty && !fs.exists(new Path(output, MANIFEST))) {
          throw new ConfigException(
              "refusing to replace "
                  + outputPath
                  + ": it is not empty and not an earlier greenstat output (no "
                  + MANIFEST
                  + ")");
        }
      }
      deleteStaleStaging(fs, output, startedAt);
      String runId = UUID.randomUUID().toString().substring(0, 8);
      Path staging = new Path(output.getParent(), "." + output.getName() + ".staging-" + runId);
      if (!fs.mkdirs(staging)) {
        throw new IOException("could not create staging directory " + staging);
      }
      LOG.info("Staging output in {}", staging);
      return new OutputPublisher(fs, output, staging, runId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output " + outputPath, e);
    }
  }

  /**
   * Exactly the names of this output's staging ({@code kind} "staging") or previous directories.
   */
  static Pattern siblingName(Path output, String kind) {
    return Pattern.compile("\\." + Pattern.quote(output.getName()) + "\\." + kind + "-[0-9a-f]{8}");
  }

  /** This output's sibling directories of one kind, newest first. */
  private static List<FileStatus> siblings(FileSystem fs, Path output, String kind)
      throws IOException {
    Pattern name = siblingName(output, kind);
    if (!fs.exists(output.getParent())) {
      return List.of();
    }
    List<FileStatus> found = new ArrayList<>();
    for (FileStatus st : fs.listStatus(output.getParent())) {
      if (st.isDirectory() && name.matcher(st.getPath().getName()).matches()) {
        found.add(st);
      }
    }
    found.sort(
        Comparator.comparingLong(FileStatus::getModificationTime)
            .reversed()
            .thenComparing(st -> st.getPath().getName()));
    return found;
  }

  /**
   * Repairs a commit that a killed run left half done. With a {@code .previous-*} directory beside
   * the output: when the output has {@code _SUCCESS}, the run had published and the previous
   * directory is only left over; otherwise the run died between moving the earlier output aside and
   * writing {@code _SUCCESS}, so its unfinished output (if any) is deleted and the earlier output
   * is moved back.
   */
  static void restoreInterruptedCommit(FileSystem fs, Path output) throws IOException {
    List<FileStatus> previous = siblings(fs, output, "previous");
    if (previous.isEmpty()) {
      return;
    }
    int keep = 0;
    if (fs.exists(new Path(output, SUCCESS))) {
      keep = -1; // the output is complete; every previous directory is left over
    } else {
      if (fs.exists(output)) {
        if (!fs.exists(new Path(output, MANIFEST))) {
          throw new ConfigException(
              "cannot restore the earlier output from "
                  + previous.get(0).getPath()
                  + ": "
                  + output
                  + " is neither empty nor a greenstat output; move one of them away");
        }
        if (!fs.delete(output, true)) {
          throw new IOException("could not delete the unfinished output " + output);
        }
      }
      if (!fs.rename(previous.get(0).getPath(), output)) {
        throw new IOException("could not move " + previous.get(0).getPath() + " back to " + output);
      }
      LOG.warn(
          "A run was killed while publishing {}; restored the earlier output from {}",
          output,
          previous.get(0).getPath().getName());
    }
    for (int i = keep + 1; i < previous.size(); i++) {
      LOG.info("Deleting the left-over earlier output {}", previous.get(i).getPath());
      fs.delete(previous.get(i).getPath(), true);
    }
  }

  /** Deletes this output's staging directories last changed before this run started. */
  static void deleteStaleStaging(FileSystem fs, Path output, long startedAt) throws IOException {
    for (FileStatus st : siblings(fs, output, "staging")) {
      if (st.getModificationTime() < startedAt) {
        LOG.info("Deleting the staging directory of an earlier, unfinished run: {}", st.getPath());
        fs.delete(st.getPath(), true);
      }
    }
  }

  public FileSystem fileSystem() {
    return fs;
  }

  /** A path inside the staging directory, for writers. */
  public Path staged(String relative) {
    checkWritable();
    return new Path(staging, relative);
  }

  /** Writes a UTF-8 text file into the staging directory. */
  public void writeText(String relative, String content) {
    try (OutputStream out = fs.create(staged(relative), true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + staged(relative), e);
    }
  }

  /**
   * Moves the staged run into place and writes {@code _SUCCESS} last; returns the output path.
   *
   * @param expected files and directories the run wrote, relative to the output ({@code _SUCCESS}
   *     is skipped); a missing one (the staging directory was deleted under the run) fails the
   *     commit, and the earlier output stays
   */
  public String commit(List<String> expected) {
    if (direct) {
      return commitDirect();
    }
    Path previous = new Path(output.getParent(), "." + output.getName() + ".previous-" + runId);
    try {
      for (String relative : expected) {
        if (!relative.equals(SUCCESS) && !fs.exists(staged(relative))) {
          throw new IOException(
              "the staged output lacks "
                  + relative
                  + " (was "
                  + staging
                  + " deleted by another run of the same output?)");
        }
      }
      boolean hadPrevious = fs.exists(output);
      if (hadPrevious && !fs.rename(output, previous)) {
        throw new IOException("could not move the earlier output aside to " + previous);
      }
      if (!fs.rename(staging, output)) {
        if (hadPrevious) {
          fs.rename(previous, output);
        }
        throw new IOException("could not move " + staging + " to " + output);
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

  /** Deletes the staging directory; the earlier output stays as it was. */
  public void abort() {
    if (direct) {
      abortDirect();
      return;
    }
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      LOG.warn("Could not delete staging directory {}: {}", staging, e.getMessage());
    }
  }

  // ---- Direct mode: object stores. ----

  /**
   * File-system schemes written directly, without the staging directory: object stores, where a
   * "rename" is a copy of every object and a delete, neither atomic nor cheap, which the S3A
   * committer documentation says not to rely on. ({@code abfs}/{@code abfss}, ADLS Gen2 with its
   * hierarchical namespace, renames directories atomically and stays staged.)
   *
   * <p>There a run writes straight under the final output prefix, and Spark's own writes go through
   * the S3A magic committer ({@code conf/s3.properties}), which renames nothing either. Readers
   * know a finished run by its {@code _SUCCESS}, written last. While the run writes, the prefix
   * holds {@value #IN_PROGRESS}, so that a run that died without cleaning up is still recognised as
   * greenstat's and may be replaced by the next run. The trade-off: an object store cannot replace
   * an earlier output atomically, so each run should get a prefix of its own (the nightly job
   * writes {@code <root>/run_date=YYYY-MM-DD/}). When the prefix does hold an earlier greenstat
   * output (a deliberate rerun), it is deleted only in {@link #startWriting}, which the pipeline
   * calls once the new run's results are computed and passed the quality gate; a failure after that
   * point leaves the prefix without {@code _SUCCESS} and without the earlier output. A prefix
   * holding anything else is refused ({@link ConfigException}, exit code 2).
   */
  public static final Set<String> OBJECT_STORE_SCHEMES =
      Set.of("s3a", "s3", "s3n", "gs", "oss", "cosn", "obs", "wasb", "wasbs");

  /** Present under a direct output while a run writes it; deleted just before {@code _SUCCESS}. */
  public static final String IN_PROGRESS = "_IN_PROGRESS";

  /**
   * Whether {@code outputPath} is on an object store (its scheme, else the default file system's).
   */
  static boolean isObjectStore(String outputPath, Configuration conf) {
    String scheme = new Path(outputPath).toUri().getScheme();
    if (scheme == null) {
      scheme = FileSystem.getDefaultUri(conf).getScheme();
    }
    return scheme != null && OBJECT_STORE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
  }

  /** Whether this run writes straight under the output (an object store) instead of staging. */
  public boolean isDirect() {
    return direct;
  }

  /**
   * Checks that a direct output may be written: absent, empty, or an earlier greenstat output
   * (which stays untouched until {@link #startWriting}). Package-private for tests, which use it on
   * the local file system.
   */
  static OutputPublisher beginDirect(String outputPath, Configuration conf) {
    try {
      Path output = new Path(outputPath);
      FileSystem fs = output.getFileSystem(conf);
      output = fs.makeQualified(output);
      boolean replaces = false;
      if (fs.exists(output)) {
        if (!fs.getFileStatus(output).isDirectory()) {
          throw new ConfigException("output path is a file, not a directory: " + outputPath);
        }
        // On S3 an empty "directory" is at most a 0-byte marker object: nothing to replace.
        replaces = fs.listStatus(output).length > 0;
        if (replaces
            && !fs.exists(new Path(output, MANIFEST))
            && !fs.exists(new Path(output, IN_PROGRESS))) {
          throw new ConfigException(
              "refusing to write into "
                  + outputPath
                  + ": the prefix holds objects and is not an earlier greenstat output (no "
                  + MANIFEST
                  + "); on an object store give each run a new prefix, e.g."
                  + " <root>/run_date=YYYY-MM-DD");
        }
      }
      String runId = UUID.randomUUID().toString().substring(0, 8);
      OutputPublisher p = new OutputPublisher(fs, output, output, runId);
      p.direct = true;
      p.replacesEarlier = replaces;
      LOG.info(
          "Writing directly under {} (object store: no staging rename; _SUCCESS last){}",
          output,
          replaces ? "; the earlier output there is deleted once the new results are ready" : "");
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output " + outputPath, e);
    }
  }

  /**
   * Called once the run's results are computed, before its first write. Staged: nothing to do.
   * Direct: deletes an earlier output under the prefix ({@code _SUCCESS} first, so that readers
   * stop trusting it at once) and marks the prefix {@value #IN_PROGRESS}. From here on a failure in
   * direct mode loses the earlier output: see {@link #OBJECT_STORE_SCHEMES}.
   */
  public void startWriting() {
    if (writing) {
      return;
    }
    if (direct) {
      try {
        if (replacesEarlier) {
          LOG.warn("Deleting the earlier output at {} to write the new run there", output);
          fs.delete(new Path(output, SUCCESS), false);
          if (!fs.delete(output, true) && fs.exists(output)) {
            throw new IOException("could not delete the earlier output " + output);
          }
        }
        try (OutputStream out = fs.create(new Path(output, IN_PROGRESS), true)) {
          out.write(
              ("greenstat run "
                      + runId
                      + " is writing this output. Without a running job, the run died: the next"
                      + " run may replace this prefix.\n")
                  .getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare output " + output, e);
      }
    }
    writing = true;
  }

  private void checkWritable() {
    if (direct && !writing) {
      throw new IllegalStateException("startWriting() must come before the first write");
    }
  }

  private String commitDirect() {
    checkWritable();
    try {
      fs.delete(new Path(output, IN_PROGRESS), false);
      fs.create(new Path(output, SUCCESS), true).close();
      LOG.info("Published {}", output);
      return output.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + output, e);
    }
  }

  /**
   * Direct mode after a failure: when the run had started writing, deletes what it wrote (the
   * earlier output, if any, was deleted already); otherwise touches nothing.
   */
  private void abortDirect() {
    if (!writing) {
      return;
    }
    try {
      fs.delete(output, true);
    } catch (IOException e) {
      LOG.warn("Could not delete the unfinished output {}: {}", output, e.getMessage());
    }
  }
}
