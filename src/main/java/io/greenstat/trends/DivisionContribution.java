package io.greenstat.trends;

/**
 * One division's part in an LMDI-I decomposition of the aggregate energy intensity (DOMAIN §5.3).
 * Summed over divisions, {@code structureChange} gives ΔI_str, {@code intensityChange} gives
 * ΔI_int, {@code structureLogTerm} gives ln D_str and {@code intensityLogTerm} gives ln D_int.
 *
 * <p>Units: {@code vFrom}, {@code vTo}, {@code structureChange} and {@code intensityChange} are in
 * tce per 10 000 yuan (of the aggregate's added value); the weight and log-terms are pure numbers.
 *
 * @param division 2-digit GB/T 4754 division
 * @param rule how the division's terms were formed; zero values follow the analytical limits of
 *     DOMAIN §5.4, never substituted small numbers
 * @param vFrom V_i^0 = E_i^0 / Y^0, the division's energy over the aggregate added value, year 0
 * @param vTo V_i^T = E_i^T / Y^T, year T
 * @param weight w_i = L(V_i^T, V_i^0) / L(I^T, I^0) (0 when V_i is 0 in either year, the limit of
 *     L); null when the multiplicative form is undefined, and for chained results
 * @param structureChange the division's term of ΔI_str: L(V_i^T, V_i^0) · ln(S_i^T / S_i^0)
 * @param intensityChange the division's term of ΔI_int: L(V_i^T, V_i^0) · ln(I_i^T / I_i^0)
 * @param structureLogTerm the division's term of ln D_str: w_i · ln(S_i^T / S_i^0); null when the
 *     multiplicative form is undefined
 * @param intensityLogTerm the division's term of ln D_int: w_i · ln(I_i^T / I_i^0); null likewise
 */
public record DivisionContribution(
    String division,
    Rule rule,
    double vFrom,
    double vTo,
    Double weight,
    double structureChange,
    double intensityChange,
    Double structureLogTerm,
    Double intensityLogTerm) {

  /** How a division's terms were formed. */
  public enum Rule {
    /** Added value and energy positive in both years: the plain LMDI-I formulas. */
    REGULAR,
    /**
     * Added value in both years, no energy in year 0: the whole V_i^T goes to intensity (limit).
     */
    ENERGY_APPEARS,
    /** Added value in both years, no energy in year T: −V_i^0 goes to intensity (limit). */
    ENERGY_DISAPPEARS,
    /** Added value in both years, no energy in either: no terms. */
    NO_ENERGY,
    /**
     * Energy but no added value in both years: shares and intensities are undefined; the whole
     * V_i^T − V_i^0 goes to intensity by convention.
     */
    ENERGY_WITHOUT_VALUE,
    /**
     * No added value in year 0: the whole V_i^T − V_i^0 goes to structure (the limit when there was
     * no energy either; a convention when energy was reported without added value).
     */
    DIVISION_APPEARS,
    /** No added value in year T: as {@link #DIVISION_APPEARS}, the other way. */
    DIVISION_DISAPPEARS,
    /** A sum over the yearly links of a chained result (see {@link Lmdi#chain}). */
    CHAINED
  }
}
