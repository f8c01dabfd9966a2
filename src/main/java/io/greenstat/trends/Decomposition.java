package io.greenstat.trends;

import java.util.List;

/**
 * The LMDI-I decomposition of the change of an aggregate energy intensity I = ΣE / ΣY between two
 * years into a structure effect (shift of added value between divisions) and an intensity effect
 * (energy per added value within divisions), in multiplicative and additive form (DOMAIN §5.3).
 *
 * <p>Identities, to floating-point precision: {@code structureRatio × intensityRatio == totalRatio}
 * and {@code structureChange + intensityChange == totalChange}.
 *
 * <p>Empty (null) values are never NaN or Infinity: the intensities are null when the year's added
 * value is zero; the additive changes are null unless both intensities are defined; {@code
 * totalRatio} is null when I^0 is zero or undefined; the structure and intensity ratios are null
 * unless both intensities are positive (the logarithmic mean needs positive values). {@link
 * #notes()} says why.
 *
 * @param fromYear year 0
 * @param toYear year T
 * @param chained true when the result is chained from yearly links ({@link Lmdi#chain}), false for
 *     a direct two-year decomposition
 * @param intensityFrom I^0 = ΣE / ΣY, tce per 10 000 yuan, over the divisions decomposed
 * @param intensityTo I^T, tce per 10 000 yuan
 * @param totalRatio D_tot = I^T / I^0
 * @param structureRatio D_str
 * @param intensityRatio D_int
 * @param totalChange ΔI_tot = I^T − I^0, tce per 10 000 yuan
 * @param structureChange ΔI_str, tce per 10 000 yuan
 * @param intensityChange ΔI_int, tce per 10 000 yuan
 * @param contributions per-division terms, ordered by division code; empty when nothing could be
 *     decomposed
 * @param skippedDivisions divisions left out of the decomposition and of I^0 and I^T, ordered: no
 *     added value and no energy in either year, or negative and no positive added value
 * @param notes why values are empty, and which limits or conventions were applied, in plain words
 */
public record Decomposition(
    int fromYear,
    int toYear,
    boolean chained,
    Double intensityFrom,
    Double intensityTo,
    Double totalRatio,
    Double structureRatio,
    Double intensityRatio,
    Double totalChange,
    Double structureChange,
    Double intensityChange,
    List<DivisionContribution> contributions,
    List<String> skippedDivisions,
    List<String> notes) {

  public Decomposition {
    contributions = List.copyOf(contributions);
    skippedDivisions = List.copyOf(skippedDivisions);
    notes = List.copyOf(notes);
  }

  /** True when the additive decomposition is defined (both years have an intensity). */
  public boolean additiveDefined() {
    return totalChange != null;
  }

  /** True when the multiplicative decomposition is defined (both intensities positive). */
  public boolean multiplicativeDefined() {
    return structureRatio != null;
  }
}
