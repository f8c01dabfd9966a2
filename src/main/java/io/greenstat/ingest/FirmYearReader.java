package io.greenstat.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.greenstat.ingest.ParquetSchemas.FileGroup;
import io.greenstat.schema.Columns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads checked file groups into one frame with the canonical input schema.
 *
 * <p>Output columns: {@code firm_id, industry_code, province_code} (string), {@code year} (int,
 * from the column or the {@code year=YYYY} directory), {@code revenue_yuan, added_value_yuan,
 * energy_tce, water_m3, co2_t} (double, widened from whatever numeric type the file had; {@code
 * co2_t} null when the file lacks it), {@code source_file} (the file's URI) and {@code slice_year}
 * (the year of the file's {@code year=YYYY} directory, see {@link YearPartitions}).
 */
public final class FirmYearReader {
  private FirmYearReader() {}

  /** The canonical column order of the frame {@link #read} returns. */
  public static final List<String> CANONICAL =
      Stream.concat(
              Columns.CONTRACT_INPUT.stream(), Stream.of(Columns.SOURCE_FILE, Columns.SLICE_YEAR))
          .toList();

  public static Dataset<Row> read(SparkSession spark, List<FileGroup> groups) {
    Dataset<Row> all = null;
    for (FileGroup group : groups) {
      Dataset<Row> part =
          spark
              .read()
              .schema(group.readSchema())
              .parquet(group.paths().toArray(String[]::new))
              .select(canonicalColumns(group));
      all = all == null ? part : all.unionByName(part);
    }
    if (all == null) {
      throw new IllegalArgumentException("no file groups to read");
    }
    return all;
  }

  private static Column[] canonicalColumns(FileGroup group) {
    Column filePath = col("_metadata.file_path");
    Map<String, Column> cols = new HashMap<>();
    for (String name : Columns.REQUIRED_TEXT) {
      cols.put(name, col(name).cast(DataTypes.StringType));
    }
    cols.put(
        Columns.YEAR,
        (group.hasYearColumn() ? col(Columns.YEAR) : YearPartitions.of(filePath))
            .cast(DataTypes.IntegerType));
    for (String name : Columns.REQUIRED_NUMERIC) {
      cols.put(name, col(name).cast(DataTypes.DoubleType));
    }
    for (String name : Columns.OPTIONAL_NUMERIC) {
      cols.put(name, (group.has(name) ? col(name) : lit(null)).cast(DataTypes.DoubleType));
    }
    cols.put(Columns.SOURCE_FILE, filePath);
    cols.put(Columns.SLICE_YEAR, YearPartitions.of(filePath));
    return CANONICAL.stream().map(name -> cols.get(name).as(name)).toArray(Column[]::new);
  }
}
