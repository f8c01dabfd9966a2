package io.greenstat.trends;

/**
 * One row of {@code tables/decomposition} (CONTRACT §4): the LMDI-I decomposition of the change of
 * the {@code ALL} energy intensity between two years, for one price basis. Intensities and changes
 * in tce per 10 000 yuan; ratios are pure numbers. A row with {@code toYear − fromYear > 1} is
 * chained from yearly decompositions ({@link Lmdi#chain}); the others are direct.
 *
 * @param group {@code ALL}
 * @param prices {@code current} or {@code constant}
 * @param fromYear year 0
 * @param toYear year T
 * @param intensityFrom I^0
 * @param intensityTo I^T
 * @param totalRatio I^T / I^0
 * @param structureRatio D_str
 * @param intensityRatio D_int
 * @param totalChange I^T − I^0
 * @param structureChange ΔI_str
 * @param intensityChange ΔI_int
 */
public record DecompositionRow(
    String group,
    String prices,
    int fromYear,
    int toYear,
    Double intensityFrom,
    Double intensityTo,
    Double totalRatio,
    Double structureRatio,
    Double intensityRatio,
    Double totalChange,
    Double structureChange,
    Double intensityChange) {

  /**
   * The row of a decomposition of the {@code ALL} intensity.
   *
   * @param prices {@link Lmdi#CURRENT_PRICES} or {@link Lmdi#CONSTANT_PRICES}
   * @throws IllegalArgumentException for any other {@code prices}
   */
  public static DecompositionRow of(Decomposition d, String prices) {
    return new DecompositionRow(
        Lmdi.GROUP_ALL,
        checkPrices(prices),
        d.fromYear(),
        d.toYear(),
        d.intensityFrom(),
        d.intensityTo(),
        d.totalRatio(),
        d.structureRatio(),
        d.intensityRatio(),
        d.totalChange(),
        d.structureChange(),
        d.intensityChange());
  }

  static String checkPrices(String prices) {
    if (!Lmdi.CURRENT_PRICES.equals(prices) && !Lmdi.CONSTANT_PRICES.equals(prices)) {
      throw new IllegalArgumentException(
          "prices must be \"current\" or \"constant\", not \"" + prices + "\"");
    }
    return prices;
  }
}
