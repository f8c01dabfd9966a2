package io.greenstat.quality;

import io.greenstat.schema.Columns;

/** The intensities the plausibility checks look at: a value per 10 000 yuan of added value. */
public enum Indicator {
  /** energy_tce per 10 000 yuan: tce per 10 000 yuan. */
  ENERGY("energy", Columns.ENERGY_TCE),
  /** water_m3 per 10 000 yuan: m³ per 10 000 yuan. */
  WATER("water", Columns.WATER_M3);

  private final String code;
  private final String valueColumn;

  Indicator(String code, String valueColumn) {
    this.code = code;
    this.valueColumn = valueColumn;
  }

  /** {@code energy} or {@code water}, as written in {@code tables/flags}. */
  public String code() {
    return code;
  }

  /** The input column of the numerator. */
  public String valueColumn() {
    return valueColumn;
  }

  /**
   * The intensity the checks use, {@code value / (addedValueYuan / 10 000)} in double arithmetic
   * (the same operations as the Spark expression, so both round alike), or null when it is not
   * checked: a zero value (no energy is not a unit error), no added value, or a result that is not
   * a finite positive number (absurdly large or small inputs).
   */
  public static Double intensity(double value, double addedValueYuan) {
    double tenThousands = addedValueYuan / 10_000.0;
    if (!(value > 0) || !(tenThousands > 0)) {
      return null;
    }
    double i = value / tenThousands;
    return i > 0 && Double.isFinite(i) ? i : null;
  }
}
