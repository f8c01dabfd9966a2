package io.greenstat.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts Spark for a command: the master spark-submit chose, or {@code local[*]} without one. */
final class SparkSessions {
  private SparkSessions() {}

  static SparkSession start(String appName) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!conf.contains("spark.master")) {
      builder.master("local[*]");
    }
    return builder.getOrCreate();
  }
}
