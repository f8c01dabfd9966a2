package io.greenstat.generate;

import static org.apache.spark.sql.functions.col;

import io.greenstat.config.ConfigException;
import io.greenstat.schema.Columns;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic panel as Parquet partitioned by year, plus {@code truth.json}.
 *
 * <p>Layout: {@code <output>/year=YYYY/part-00000.snappy.parquet} (one file per year up to 2.5
 * million firms, then one per 2.5 million firms), rows sorted by {@code firm_id}, and {@code
 * <output>/truth.json}. No {@code _SUCCESS}, no {@code .crc} files: the same options give the same
 * bytes. Readers that point Spark at the root should pass {@code pathGlobFilter=*.parquet} (or read
 * the {@code year=} directories), since {@code truth.json} is not Parquet.
 */
public final class GenerateJob {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateJob.class);

  private GenerateJob() {}

  /** Generates the panel under {@code outputPath}; returns the number of rows written. */
  public static long run(SparkSession spark, GeneratorOptions options, String outputPath) {
    long started = System.nanoTime();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path root = new Path(outputPath);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!OutputFiles.isAbsentOrEmpty(fs, root)) {
        throw new ConfigException(
            "output " + outputPath + " exists and is not empty: generate into a new directory");
      }
      Dataset<Row> panel =
          new PanelBuilder(options)
              .build(spark)
              .sortWithinPartitions(
                  col(Columns.YEAR), col(PanelBuilder.FIRM), col(PanelBuilder.COPY))
              .drop(PanelBuilder.FIRM, PanelBuilder.COPY);
      panel
          .write()
          .mode(SaveMode.Overwrite)
          .option("compression", "snappy")
          .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
          .partitionBy(Columns.YEAR)
          .parquet(outputPath);
      int files = OutputFiles.normalise(fs, root);
      TruthFile.write(OutputFiles.raw(fs), root, options);
      long rows = spark.read().option("pathGlobFilter", "*.parquet").parquet(outputPath).count();
      LOG.info(
          "generated {} firm-year rows ({} firms, {}-{}, seed {}, defect rate {}) in {} Parquet"
              + " files under {} in {} ms",
          rows,
          options.firms(),
          options.firstYear(),
          options.lastYear(),
          options.seed(),
          options.defectRate(),
          files,
          outputPath,
          (System.nanoTime() - started) / 1_000_000);
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the generated panel to " + outputPath, e);
    }
  }
}
