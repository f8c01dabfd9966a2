package io.greenstat.generate;

/**
 * Parameters of a synthetic national firm-year panel.
 *
 * @param firms firms in the panel (each appears in the years between its entry and exit)
 * @param firstYear first reporting year
 * @param lastYear last reporting year
 * @param seed the seed; the same options give the same bytes
 * @param defectRate share of rows given one of the contract's defects (0 for a clean panel)
 */
public record GeneratorOptions(
    long firms, int firstYear, int lastYear, long seed, double defectRate) {

  /** The embedded sample: about 20 000 firms over 2015–2024, a few defects, a fixed seed. */
  public static final GeneratorOptions SAMPLE =
      new GeneratorOptions(20_000, 2015, 2024, 20_251, 0.01);

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
  }
}
