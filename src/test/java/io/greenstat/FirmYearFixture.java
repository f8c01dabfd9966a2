package io.greenstat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Tiny named firm-year datasets for tests: rows built one by one with readable defaults (an
 * above-size steel firm in Beijing), written as Parquet with the contract's schema.
 */
public final class FirmYearFixture {
  public static final StructType SCHEMA =
      new StructType()
          .add("firm_id", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("industry_code", DataTypes.StringType)
          .add("province_code", DataTypes.StringType)
          .add("revenue_yuan", DataTypes.DoubleType)
          .add("added_value_yuan", DataTypes.DoubleType)
          .add("energy_tce", DataTypes.DoubleType)
          .add("water_m3", DataTypes.DoubleType)
          .add("co2_t", DataTypes.DoubleType);

  private final List<Row> rows = new ArrayList<>();

  /** One firm-year; fields are public so a test can change just the one it is about. */
  public static final class R {
    public String firmId = "F1";
    public Integer year = 2020;
    public String industryCode = "3110";
    public String provinceCode = "11";
    public Double revenueYuan = 50_000_000.0;
    public Double addedValueYuan = 10_000_000.0;
    public Double energyTce = 500.0;
    public Double waterM3 = 2_000.0;
    public Double co2T = null;

    public R firm(String v) {
      firmId = v;
      return this;
    }

    public R year(Integer v) {
      year = v;
      return this;
    }

    public R code(String v) {
      industryCode = v;
      return this;
    }

    public R province(String v) {
      provinceCode = v;
      return this;
    }

    public R revenue(Double v) {
      revenueYuan = v;
      return this;
    }

    public R va(Double v) {
      addedValueYuan = v;
      return this;
    }

    public R energy(Double v) {
      energyTce = v;
      return this;
    }

    public R water(Double v) {
      waterM3 = v;
      return this;
    }

    public R co2(Double v) {
      co2T = v;
      return this;
    }

    Row toRow() {
      return RowFactory.create(
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
  }

  public static R row() {
    return new R();
  }

  public FirmYearFixture add(R... rs) {
    for (R r : rs) {
      rows.add(r.toRow());
    }
    return this;
  }

  /** Writes the rows as one Parquet file under {@code dir}; returns {@code dir}. */
  public Path writeTo(Path dir) {
    TestSpark.get()
        .createDataFrame(rows, SCHEMA)
        .coalesce(1)
        .write()
        .mode("overwrite")
        .parquet(dir.toString());
    return dir;
  }
}
