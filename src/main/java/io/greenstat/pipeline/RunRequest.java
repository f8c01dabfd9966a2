package io.greenstat.pipeline;

import io.greenstat.config.JobSettings;

/**
 * What one {@code run} is asked to do.
 *
 * @param inputPath the firm-year dataset (a directory or file; local, hdfs:// or s3a://)
 * @param outputPath the run's output directory, replaced only when the run succeeds
 * @param settings the effective job settings
 */
public record RunRequest(String inputPath, String outputPath, JobSettings settings) {}
