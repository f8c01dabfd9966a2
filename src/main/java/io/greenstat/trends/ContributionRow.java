package io.greenstat.trends;

import java.util.List;
import java.util.function.Function;

/**
 * One row of the per-division companion of {@code tables/decomposition}: a division's terms of the
 * structure and intensity effects between two years. Changes in tce per 10 000 yuan; log-terms are
 * the division's parts of ln D_str and ln D_int (null when the ratios are undefined). Summed over
 * the divisions of one (from_year, to_year, prices), they give the decomposition row's {@code
 * structure_change}, {@code intensity_change}, ln {@code structure_ratio} and ln {@code
 * intensity_ratio}.
 *
 * @param fromYear year 0
 * @param toYear year T
 * @param prices {@code current} or {@code constant}
 * @param division 2-digit GB/T 4754 division
 * @param industryName English name of the division
 * @param structureChange the division's term of ΔI_str
 * @param intensityChange the division's term of ΔI_int
 * @param structureLogTerm the division's term of ln D_str
 * @param intensityLogTerm the division's term of ln D_int
 */
public record ContributionRow(
    int fromYear,
    int toYear,
    String prices,
    String division,
    String industryName,
    Double structureChange,
    Double intensityChange,
    Double structureLogTerm,
    Double intensityLogTerm) {

  /**
   * The per-division rows of one decomposition, in division order.
   *
   * @param prices {@link Lmdi#CURRENT_PRICES} or {@link Lmdi#CONSTANT_PRICES}
   * @param industryName division code → English name, e.g. {@code IndustryCatalog::name}
   */
  public static List<ContributionRow> of(
      Decomposition d, String prices, Function<String, String> industryName) {
    DecompositionRow.checkPrices(prices);
    return d.contributions().stream()
        .map(
            c ->
                new ContributionRow(
                    d.fromYear(),
                    d.toYear(),
                    prices,
                    c.division(),
                    industryName.apply(c.division()),
                    c.structureChange(),
                    c.intensityChange(),
                    c.structureLogTerm(),
                    c.intensityLogTerm()))
        .toList();
  }
}
