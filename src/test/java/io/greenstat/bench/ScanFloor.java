package io.greenstat.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The scan floor of {@code jobs/bench}: what it costs Spark, in a fresh JVM started like the
 * pipeline's, to read exactly the nine contract columns of a dataset and fold every value into one
 * trivial aggregate (row count, sum of each number, total length of each string). No validation, no
 * shuffle: no implementation of the contract on Spark can be faster than this.
 *
 * <p>Usage: {@code ScanFloor INPUT}. Prints one line {@code BENCH floor rows=N query_s=S
 * session_s=S} on stdout. Test code only, so it never enters the application jar.
 */
public final class ScanFloor {
  private ScanFloor() {}

  static final List<String> TEXT = List.of("firm_id", "industry_code", "province_code");
  static final List<String> NUMBERS =
      List.of("year", "revenue_yuan", "added_value_yuan", "energy_tce", "water_m3", "co2_t");

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ScanFloor INPUT");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    SparkSession spark =
        SparkSession.builder()
            .appName("greenstat bench scan floor")
            .master(System.getProperty("spark.master", "local[*]"))
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.sql.adaptive.enabled", "true")
            .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    long t1 = System.nanoTime();
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as("rows"));
    for (String c : TEXT) {
      aggs.add(sum(length(col(c))).as("len_" + c));
    }
    for (String c : NUMBERS) {
      aggs.add(sum(col(c).cast("double")).as("sum_" + c));
    }
    List<Column> columns = new ArrayList<>();
    for (String c : TEXT) {
      columns.add(col(c));
    }
    for (String c : NUMBERS) {
      columns.add(col(c));
    }
    Row r =
        spark
            .read()
            .option("pathGlobFilter", "*.parquet")
            .parquet(args[0])
            .select(columns.toArray(Column[]::new))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
            .first();
    long t2 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "BENCH floor rows=%d query_s=%.3f session_s=%.3f checksum=%s%n",
        r.getLong(0),
        (t2 - t1) / 1e9,
        (t1 - t0) / 1e9,
        r.get(r.size() - 2));
    spark.stop();
  }
}
