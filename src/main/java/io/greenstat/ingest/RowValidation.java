package io.greenstat.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.greenstat.schema.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Row-level rules of the contract, as one Spark expression (no UDF).
 *
 * <p>Input: the canonical frame of {@link FirmYearReader}. Output: the same columns plus {@code
 * reason} (string, the first rule the row breaks, null for a valid row) and {@code division} (the
 * first two characters of {@code industry_code}).
 */
public final class RowValidation {
  private RowValidation() {}

  private static final List<String> NUMERIC_CHECKED =
      List.of(
          Columns.REVENUE_YUAN,
          Columns.ADDED_VALUE_YUAN,
          Columns.ENERGY_TCE,
          Columns.WATER_M3,
          Columns.CO2_T);

  public static Dataset<Row> withReason(Dataset<Row> rows, Set<String> provinceCodes) {
    return rows.withColumn(Columns.REASON, reason(provinceCodes))
        .withColumn(Columns.DIVISION, substring(col(Columns.INDUSTRY_CODE), 1, 2));
  }

  /** The reason expression: a chain of {@code when}s in the documented precedence. */
  static Column reason(Set<String> provinceCodes) {
    List<Column[]> rules = new ArrayList<>();
    for (String c : List.of(Columns.FIRM_ID)) {
      rules.add(rule(blank(c), QuarantineReason.missing(c)));
    }
    rules.add(rule(col(Columns.YEAR).isNull(), QuarantineReason.missing(Columns.YEAR)));
    for (String c : List.of(Columns.INDUSTRY_CODE, Columns.PROVINCE_CODE)) {
      rules.add(rule(blank(c), QuarantineReason.missing(c)));
    }
    for (String c : Columns.REQUIRED_NUMERIC) {
      rules.add(rule(col(c).isNull(), QuarantineReason.missing(c)));
    }
    for (String c : NUMERIC_CHECKED) {
      Column v = col(c);
      rules.add(
          rule(
              isnan(v)
                  .or(v.equalTo(Double.POSITIVE_INFINITY))
                  .or(v.equalTo(Double.NEGATIVE_INFINITY)),
              QuarantineReason.notFinite(c)));
    }
    for (String c : NUMERIC_CHECKED) {
      rules.add(rule(col(c).lt(0), QuarantineReason.negative(c)));
    }
    Column code = col(Columns.INDUSTRY_CODE);
    rules.add(
        rule(code.rlike("^[0-9]{2,4}$").unary_$bang(), QuarantineReason.MALFORMED_INDUSTRY_CODE));
    Column division = substring(code, 1, 2);
    rules.add(
        rule(
            division.equalTo("00").or(division.geq("98")), QuarantineReason.UNKNOWN_INDUSTRY_CODE));
    rules.add(
        rule(
            col(Columns.PROVINCE_CODE).isin(provinceCodes.toArray()).unary_$bang(),
            QuarantineReason.UNKNOWN_PROVINCE_CODE));

    Column chain = null;
    for (Column[] r : rules) {
      chain = chain == null ? when(r[0], r[1]) : chain.when(r[0], r[1]);
    }
    return chain.otherwise(lit(null).cast("string"));
  }

  private static Column[] rule(Column broken, String reason) {
    // A null condition (e.g. NaN checks on a null co2_t) must not count as broken.
    return new Column[] {broken.and(broken.isNotNull()), lit(reason)};
  }

  /** Null, empty or only whitespace (Java's definition, as {@code String.isBlank}). */
  private static Column blank(String column) {
    return col(column).isNull().or(col(column).rlike("^\\p{javaWhitespace}*$"));
  }
}
