package io.greenstat.reference;

/**
 * One input record as the contract describes it (CONTRACT §1), every field nullable, plus the file
 * it came from. Numbers are already widened to double.
 */
public record RawRow(
    String firmId,
    Integer year,
    String industryCode,
    String provinceCode,
    Double revenueYuan,
    Double addedValueYuan,
    Double energyTce,
    Double waterM3,
    Double co2T,
    String sourceFile) {

  /** The same row read from another file (source files do not count for duplicates). */
  public RawRow fromFile(String file) {
    return new RawRow(
        firmId,
        year,
        industryCode,
        provinceCode,
        revenueYuan,
        addedValueYuan,
        energyTce,
        waterM3,
        co2T,
        file);
  }

  /** The contract columns as a Spark row, in the order of {@code FirmYearFixture.SCHEMA}. */
  public org.apache.spark.sql.Row toSparkRow() {
    return org.apache.spark.sql.RowFactory.create(
        firmId,
        year,
        industryCode,
        provinceCode,
        revenueYuan,
        addedValueYuan,
        energyTce,
        waterM3,
        co2T);
  }

  /** A row read back from contract-schema Parquet (no source file). */
  public static RawRow of(org.apache.spark.sql.Row r) {
    return new RawRow(
        r.getAs("firm_id"),
        r.getAs("year"),
        r.getAs("industry_code"),
        r.getAs("province_code"),
        r.getAs("revenue_yuan"),
        r.getAs("added_value_yuan"),
        r.getAs("energy_tce"),
        r.getAs("water_m3"),
        r.getAs("co2_t"),
        null);
  }
}
