package io.greenstat.generate;

import org.apache.spark.sql.SparkSession;

/** Writes a synthetic panel as Parquet partitioned by year, plus {@code truth.json}. */
public final class GenerateJob {
  private GenerateJob() {}

  /** Generates the panel under {@code outputPath}; returns the number of rows written. */
  public static long run(SparkSession spark, GeneratorOptions options, String outputPath) {
    throw new UnsupportedOperationException("generator not written yet");
  }
}
