package io.greenstat.pipeline;

import io.greenstat.config.JobSettings;
import java.util.Optional;

/**
 * What one {@code run} is asked to do.
 *
 * @param inputPath the firm-year dataset (a directory or file; local, hdfs:// or s3a://)
 * @param outputPath the run's output directory, replaced only when the run succeeds
 * @param settings the effective job settings
 * @param previousOutput an earlier successful output whose partials this run may continue from (an
 *     incremental run); empty for a full run
 */
public record RunRequest(
    String inputPath, String outputPath, JobSettings settings, Optional<String> previousOutput) {

  /** A full run. */
  public RunRequest(String inputPath, String outputPath, JobSettings settings) {
    this(inputPath, outputPath, settings, Optional.empty());
  }
}
