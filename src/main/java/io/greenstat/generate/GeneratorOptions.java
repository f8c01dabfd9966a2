package io.greenstat.generate;

/**
 * Parameters of a synthetic national firm-year panel.
 *
 * @param firms firms in the panel (each appears in the years between its entry and exit)
 * @param firstYear first reporting year
 * @param lastYear last reporting year
 * @param seed the seed; the same options give the same bytes
 * @param defectRate share of rows given one of the contract's defects (0 for a clean panel)
 * @param ei6VaShift a planted structural shift: the added value (and with it the energy, water and
 *     CO2) of every firm-year in the six energy-intensive divisions is multiplied by {@code (1 +
 *     ei6VaShift)^(year − firstYear)}, so their share of added value falls (negative) or rises
 *     while each division's intensities keep their planted trends; 0 plants none and leaves the
 *     panel exactly as without this option
 */
public record GeneratorOptions(
    long firms, int firstYear, int lastYear, long seed, double defectRate, double ei6VaShift) {

  /** The embedded sample: about 20 000 firms over 2015–2024, a few defects, a fixed seed. */
  public static final GeneratorOptions SAMPLE =
      new GeneratorOptions(20_000, 2015, 2024, 20_251, 0.01);

  /** Largest yearly shift in either direction: keeps the factor well away from 0 and overflow. */
  public static final double MAX_SHIFT = 0.5;

  /** A panel without a planted structural shift. */
  public GeneratorOptions(long firms, int firstYear, int lastYear, long seed, double defectRate) {
    this(firms, firstYear, lastYear, seed, defectRate, 0.0);
  }

  public GeneratorOptions {
    if (firms < 1) {
      throw new IllegalArgumentException("firms must be >= 1, got " + firms);
    }
    if (firstYear > lastYear) {
      throw new IllegalArgumentException("first year " + firstYear + " is after " + lastYear);
    }
    if (!(defectRate >= 0 && defectRate <= 1)) {
      throw new IllegalArgumentException("defect rate must be in [0, 1], got " + defectRate);
    }
    if (!(Math.abs(ei6VaShift) <= MAX_SHIFT)) {
      throw new IllegalArgumentException(
          "EI6 added-value shift must be in [-"
              + MAX_SHIFT
              + ", "
              + MAX_SHIFT
              + "], got "
              + ei6VaShift);
    }
  }

  /** Whether a structural shift is planted. */
  public boolean shiftsStructure() {
    return ei6VaShift != 0.0;
  }
}
