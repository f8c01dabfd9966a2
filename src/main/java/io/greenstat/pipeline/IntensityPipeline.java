package io.greenstat.pipeline;

import org.apache.spark.sql.SparkSession;

/** The run's sequence of steps. (Being written.) */
public final class IntensityPipeline {
  private final SparkSession spark;
  private final RunRequest request;

  public IntensityPipeline(SparkSession spark, RunRequest request) {
    this.spark = spark;
    this.request = request;
  }

  public RunResult run() {
    throw new UnsupportedOperationException("pipeline not written yet " + spark + request);
  }
}
