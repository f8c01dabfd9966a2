package io.greenstat;

import io.greenstat.reference.RawRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Writes {@link RawRow}s as firm-year Parquet with the contract's schema: through the shared test
 * SparkSession ({@link #writeWithSpark}), or with parquet-hadoop alone ({@link #writeFile}), for
 * integration tests whose JVM runs no Spark.
 */
public final class RawRowParquet {
  private RawRowParquet() {}

  /** The contract schema as parquet-hadoop writes it: every column optional (nullable). */
  public static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message firm_year {\n"
              + "  optional binary firm_id (STRING);\n"
              + "  optional int32 year;\n"
              + "  optional binary industry_code (STRING);\n"
              + "  optional binary province_code (STRING);\n"
              + "  optional double revenue_yuan;\n"
              + "  optional double added_value_yuan;\n"
              + "  optional double energy_tce;\n"
              + "  optional double water_m3;\n"
              + "  optional double co2_t;\n"
              + "}");

  /** Writes {@code rows} as one Parquet file (no Spark); parent directories are created. */
  public static Path writeFile(Path file, List<RawRow> rows) {
    return writeFile(file, SCHEMA, rows);
  }

  /**
   * Writes {@code rows} as one Parquet file with {@code schema}, which may differ from the
   * contract's (e.g. {@code binary energy_tce (STRING)}): each value is written as the schema's
   * column type, numbers as their decimal text in a string column.
   */
  public static Path writeFile(Path file, MessageType schema, List<RawRow> rows) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      try (ParquetWriter<Group> writer =
          ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()))
              .withConf(new Configuration())
              .withType(schema)
              .withCompressionCodec(CompressionCodecName.SNAPPY)
              .build()) {
        for (RawRow r : rows) {
          Group g = groups.newGroup();
          Object[] values = values(r);
          String[] names = names();
          for (int i = 0; i < names.length; i++) {
            if (values[i] != null && schema.containsField(names[i])) {
              append(g, schema, names[i], values[i]);
            }
          }
          writer.write(g);
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] names() {
    return new String[] {
      "firm_id",
      "year",
      "industry_code",
      "province_code",
      "revenue_yuan",
      "added_value_yuan",
      "energy_tce",
      "water_m3",
      "co2_t"
    };
  }

  private static Object[] values(RawRow r) {
    return new Object[] {
      r.firmId(),
      r.year(),
      r.industryCode(),
      r.provinceCode(),
      r.revenueYuan(),
      r.addedValueYuan(),
      r.energyTce(),
      r.waterM3(),
      r.co2T()
    };
  }

  private static void append(Group g, MessageType schema, String name, Object value) {
    switch (schema.getType(name).asPrimitiveType().getPrimitiveTypeName()) {
      case BINARY -> g.append(name, value.toString());
      case INT32 -> g.append(name, ((Number) value).intValue());
      case INT64 -> g.append(name, ((Number) value).longValue());
      case DOUBLE -> g.append(name, ((Number) value).doubleValue());
      case FLOAT -> g.append(name, ((Number) value).floatValue());
      default -> throw new IllegalArgumentException("unsupported type of " + name);
    }
  }

  /** The rows as Spark rows of {@link FirmYearFixture#SCHEMA}. */
  public static List<Row> sparkRows(List<RawRow> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    for (RawRow r : rows) {
      out.add(RowFactory.create(values(r)));
    }
    return out;
  }

  /** Writes {@code rows} under {@code dir} with the shared SparkSession, in {@code files} files. */
  public static Path writeWithSpark(Path dir, List<RawRow> rows, int files) {
    TestSpark.get()
        .createDataFrame(sparkRows(rows), FirmYearFixture.SCHEMA)
        .repartition(files)
        .write()
        .parquet(dir.toString());
    return dir;
  }
}
