package io.greenstat.publish;

import io.greenstat.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
 * .<name>.staging-<id>}). {@link #commit} then moves an earlier output aside, moves the staging
 * directory into place, writes {@code _SUCCESS} last and deletes the earlier output. {@link #abort}
 * deletes the staging directory and leaves the earlier output as it was. An existing directory is
 * replaced only when it is an earlier greenstat output (it has {@code _MANIFEST.json}) or empty.
 */
public final class OutputPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(OutputPublisher.class);
  public static final String SUCCESS = "_SUCCESS";
  public static final String MANIFEST = "_MANIFEST.json";

  private final FileSystem fs;
  private final Path output;
  private final Path staging;
  private final String runId;

  private OutputPublisher(FileSystem fs, Path output, Path staging, String runId) {
    this.fs = fs;
    this.output = output;
    this.staging = staging;
    this.runId = runId;
  }

  /**
   * Checks that {@code outputPath} may be replaced and creates the staging directory.
   *
   * @throws ConfigException when the output exists and is not an earlier greenstat output
   */
  public static OutputPublisher begin(String outputPath, Configuration conf) {
    try {
      Path output = new Path(outputPath);
      FileSystem fs = output.getFileSystem(conf);
      output = fs.makeQualified(output);
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

  public FileSystem fileSystem() {
    return fs;
  }

  /** A path inside the staging directory, for writers. */
  public Path staged(String relative) {
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

  /** Moves the staged run into place and writes {@code _SUCCESS} last; returns the output path. */
  public String commit() {
    Path previous = new Path(output.getParent(), "." + output.getName() + ".previous-" + runId);
    try {
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
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      LOG.warn("Could not delete staging directory {}: {}", staging, e.getMessage());
    }
  }
}
