package io.greenstat.it;

import io.greenstat.FirmYearFixture;
import io.greenstat.RandomFirmYears;
import io.greenstat.reference.RawRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a random firm-year batch ({@link RandomFirmYears}, every defect class of the contract) as
 * Parquet partitioned by year, in a Spark process of its own: the integration tests' input while
 * {@code jobs/greenstat generate} is not available.
 *
 * <p>Arguments: output directory, seed, firms, first year, last year, defect rate.
 */
public final class WriteFirmYears {
  private WriteFirmYears() {}

  public static void main(String[] args) {
    String out = args[0];
    List<RawRow> rows =
        RandomFirmYears.batch(
            Long.parseLong(args[1]),
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]),
            Integer.parseInt(args[4]),
            Double.parseDouble(args[5]));
    List<Row> sparkRows = new ArrayList<>(rows.size());
    for (RawRow r : rows) {
      sparkRows.add(r.toSparkRow());
    }
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("greenstat-it-input")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    try {
      spark
          .createDataFrame(sparkRows, FirmYearFixture.SCHEMA)
          .repartition(2)
          .write()
          .partitionBy("year")
          .parquet(out);
      System.out.println("wrote " + rows.size() + " rows to " + out);
    } finally {
      spark.stop();
    }
  }
}
