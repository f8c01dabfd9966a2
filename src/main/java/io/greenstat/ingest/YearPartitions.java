package io.greenstat.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.when;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The one rule for year partition directories: a file directly inside a directory named {@code
 * year=YYYY} belongs to year YYYY's partition. The reader takes a missing {@code year} column from
 * it, and incremental runs fingerprint and rescan input by it, so both must agree.
 */
public final class YearPartitions {
  private YearPartitions() {}

  /** Matches a path whose parent directory is {@code year=YYYY}; group 1 is the year. */
  static final String PATTERN = "/year=([0-9]{4})/[^/]*$";

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  /** The partition year of a file path (a URI or plain path string), if it has one. */
  public static Optional<Integer> of(String filePath) {
    Matcher m = COMPILED.matcher(filePath);
    return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** The same rule as a Spark column over a string column of file paths: an int, or null. */
  public static Column of(Column filePath) {
    Column digits = regexp_extract(filePath, PATTERN, 1);
    return when(digits.notEqual(""), digits.cast(DataTypes.IntegerType));
  }

  /** {@link #of(Column)} applied to the {@code source_file} column. */
  public static Column ofSourceFile() {
    return of(col(io.greenstat.schema.Columns.SOURCE_FILE));
  }
}
