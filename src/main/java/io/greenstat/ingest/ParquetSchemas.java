package io.greenstat.ingest;

import io.greenstat.ingest.InputFiles.DataFile;
import io.greenstat.schema.Columns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads every data file's Parquet footer and checks it against the input contract before any row is
 * read: each required column present, numbers stored as numbers, text as text, {@code year} either
 * a column or a {@code year=YYYY} directory. An unreadable footer (a corrupt or truncated file) is
 * rejected too. Files that pass are grouped by their physical schema, so that each group can be
 * read with its own types and widened afterwards (int in one year and double in another is
 * accepted).
 */
public final class ParquetSchemas {
  static final Pattern YEAR_DIR = Pattern.compile(".*/year=([0-9]{4})/[^/]*$");
  private static final int FOOTER_THREADS = 8;

  private ParquetSchemas() {}

  /** Files that share one read schema: the contract columns present in them, with their types. */
  public record FileGroup(StructType readSchema, List<String> paths) {
    public boolean hasYearColumn() {
      return List.of(readSchema.fieldNames()).contains(Columns.YEAR);
    }

    public boolean has(String column) {
      return List.of(readSchema.fieldNames()).contains(column);
    }
  }

  /** What a Parquet column can be read as. */
  enum Kind {
    INTEGRAL,
    NUMERIC,
    TEXT,
    OTHER
  }

  /** One column's Spark read type, its kind, and its physical type as people read it. */
  record ColumnType(DataType sparkType, Kind kind, String described) {}

  /**
   * Checks every file and groups them by read schema (groups in order of their first file).
   *
   * @throws InputRejectedException naming the first bad file, column and type found
   */
  public static List<FileGroup> checkAndGroup(List<DataFile> files, Configuration conf) {
    List<MessageType> schemas = readFooters(files, conf);
    Map<StructType, List<String>> groups = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String path = files.get(i).path().toString();
      try {
        StructType schema = readSchema(path, schemas.get(i));
        groups.computeIfAbsent(schema, s -> new ArrayList<>()).add(path);
      } catch (InputRejectedException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      String more =
          problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more schema problems)";
      throw new InputRejectedException(problems.get(0) + more);
    }
    List<FileGroup> out = new ArrayList<>();
    groups.forEach((schema, paths) -> out.add(new FileGroup(schema, List.copyOf(paths))));
    return out;
  }

  /** The contract columns of one file as a Spark read schema, or a rejection naming the problem. */
  static StructType readSchema(String path, MessageType parquet) {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    for (Type field : parquet.getFields()) {
      columns.put(field.getName(), columnType(field));
    }
    List<StructField> fields = new ArrayList<>();
    for (String name : Columns.CONTRACT_INPUT) {
      ColumnType type = columns.get(name);
      if (type == null) {
        if (name.equals(Columns.YEAR) && YEAR_DIR.matcher(path).matches()) {
          continue; // year comes from the year=YYYY directory
        }
        if (Columns.OPTIONAL_NUMERIC.contains(name)) {
          continue;
        }
        throw new InputRejectedException(
            "file "
                + path
                + ": missing required column '"
                + name
                + "'"
                + (name.equals(Columns.YEAR) ? " (neither a column nor a year=YYYY directory)" : "")
                + "; columns found: "
                + String.join(", ", columns.keySet()));
      }
      Kind expected = expectedKind(name);
      boolean ok =
          switch (expected) {
            case INTEGRAL -> type.kind() == Kind.INTEGRAL;
            case NUMERIC -> type.kind() == Kind.INTEGRAL || type.kind() == Kind.NUMERIC;
            case TEXT -> type.kind() == Kind.TEXT;
            case OTHER -> true;
          };
      if (!ok) {
        throw new InputRejectedException(
            "file "
                + path
                + ": column '"
                + name
                + "' has type "
                + type.described()
                + ", expected "
                + describe(expected));
      }
      fields.add(DataTypes.createStructField(name, type.sparkType(), true));
    }
    return DataTypes.createStructType(fields);
  }

  private static Kind expectedKind(String column) {
    if (column.equals(Columns.YEAR)) {
      return Kind.INTEGRAL;
    }
    if (Columns.REQUIRED_TEXT.contains(column)) {
      return Kind.TEXT;
    }
    return Kind.NUMERIC;
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case INTEGRAL -> "an integer";
      case NUMERIC -> "a number (double, float, decimal or integer)";
      case TEXT -> "a string";
      case OTHER -> "anything";
    };
  }

  static ColumnType columnType(Type field) {
    if (!field.isPrimitive()) {
      return new ColumnType(null, Kind.OTHER, "a nested group");
    }
    PrimitiveType p = field.asPrimitiveType();
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    String described = p.getPrimitiveTypeName() + (a == null ? "" : " (" + a + ")");
    if (a instanceof DecimalLogicalTypeAnnotation d) {
      return new ColumnType(
          DataTypes.createDecimalType(d.getPrecision(), d.getScale()), Kind.NUMERIC, described);
    }
    if (a instanceof IntLogicalTypeAnnotation i) {
      DataType t =
          switch (i.getBitWidth()) {
            case 8 -> i.isSigned() ? DataTypes.ByteType : DataTypes.ShortType;
            case 16 -> i.isSigned() ? DataTypes.ShortType : DataTypes.IntegerType;
            case 32 -> i.isSigned() ? DataTypes.IntegerType : DataTypes.LongType;
            default -> i.isSigned() ? DataTypes.LongType : DataTypes.createDecimalType(20, 0);
          };
      return new ColumnType(t, Kind.INTEGRAL, described);
    }
    boolean textAnnotation =
        a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
    if (a != null && !textAnnotation) {
      return new ColumnType(null, Kind.OTHER, described);
    }
    return switch (p.getPrimitiveTypeName()) {
      case INT32 -> new ColumnType(DataTypes.IntegerType, Kind.INTEGRAL, described);
      case INT64 -> new ColumnType(DataTypes.LongType, Kind.INTEGRAL, described);
      case FLOAT -> new ColumnType(DataTypes.FloatType, Kind.NUMERIC, described);
      case DOUBLE -> new ColumnType(DataTypes.DoubleType, Kind.NUMERIC, described);
      case BINARY -> new ColumnType(DataTypes.StringType, Kind.TEXT, described);
      default -> new ColumnType(null, Kind.OTHER, described);
    };
  }

  /** Reads the footers in parallel (they are small, but remote stores have high latency). */
  private static List<MessageType> readFooters(List<DataFile> files, Configuration conf) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(FOOTER_THREADS, files.size()));
    try {
      List<Future<MessageType>> futures = new ArrayList<>();
      for (DataFile f : files) {
        futures.add(pool.submit(() -> footer(f.path(), conf)));
      }
      List<MessageType> out = new ArrayList<>();
      for (Future<MessageType> fut : futures) {
        try {
          out.add(fut.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof InputRejectedException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static MessageType footer(Path path, Configuration conf) {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
      return reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      String why = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
      throw new InputRejectedException(
          "unreadable Parquet file " + path + " (corrupt or truncated): " + firstLine(why), e);
    }
  }

  static String firstLine(String s) {
    return s.lines().findFirst().orElse(s);
  }
}
