package io.greenstat.metrics;

/**
 * One row of {@code industry_year}: a group (division, section, EI6 or ALL) in one year.
 *
 * @param level the group level
 * @param code {@code 06}…{@code 46}, {@code B}/{@code C}/{@code D}, {@code EI6} or {@code ALL}
 * @param name English name of the group
 * @param year reporting year
 * @param totals sums over the group's above-size firms
 * @param energyIntensity tce per 10 000 yuan of added value, null when added value is zero
 * @param waterIntensity m³ per 10 000 yuan of added value, null when added value is zero
 * @param co2Intensity t CO2 per 10 000 yuan of added value of the firms reporting CO2
 * @param energyYoyPct percent change of energy intensity against year − 1, null without data
 * @param waterYoyPct percent change of water intensity against year − 1
 * @param co2YoyPct percent change of CO2 intensity against year − 1
 * @param sameSample sums over the same-sample set of this group and year
 * @param energyYoySameSamplePct same-sample (同口径) change of energy intensity, percent
 * @param waterYoySameSamplePct same-sample change of water intensity, percent
 * @param comparable the figures at constant prices (all null without price indices)
 */
public record IndustryYear(
    GroupLevel level,
    String code,
    String name,
    int year,
    Totals totals,
    Double energyIntensity,
    Double waterIntensity,
    Double co2Intensity,
    Double energyYoyPct,
    Double waterYoyPct,
    Double co2YoyPct,
    SameSample sameSample,
    Double energyYoySameSamplePct,
    Double waterYoySameSamplePct,
    ComparablePrices comparable) {

  /** A row without constant-price figures. */
  public IndustryYear(
      GroupLevel level,
      String code,
      String name,
      int year,
      Totals totals,
      Double energyIntensity,
      Double waterIntensity,
      Double co2Intensity,
      Double energyYoyPct,
      Double waterYoyPct,
      Double co2YoyPct,
      SameSample sameSample,
      Double energyYoySameSamplePct,
      Double waterYoySameSamplePct) {
    this(
        level,
        code,
        name,
        year,
        totals,
        energyIntensity,
        waterIntensity,
        co2Intensity,
        energyYoyPct,
        waterYoyPct,
        co2YoyPct,
        sameSample,
        energyYoySameSamplePct,
        waterYoySameSamplePct,
        ComparablePrices.NONE);
  }

  /** This row with other constant-price figures. */
  public IndustryYear withComparable(ComparablePrices c) {
    return new IndustryYear(
        level,
        code,
        name,
        year,
        totals,
        energyIntensity,
        waterIntensity,
        co2Intensity,
        energyYoyPct,
        waterYoyPct,
        co2YoyPct,
        sameSample,
        energyYoySameSamplePct,
        waterYoySameSamplePct,
        c);
  }

  /** A row without same-sample figures (for callers that have none). */
  public IndustryYear(
      GroupLevel level,
      String code,
      String name,
      int year,
      Totals totals,
      Double energyIntensity,
      Double waterIntensity,
      Double co2Intensity,
      Double energyYoyPct,
      Double waterYoyPct,
      Double co2YoyPct) {
    this(
        level,
        code,
        name,
        year,
        totals,
        energyIntensity,
        waterIntensity,
        co2Intensity,
        energyYoyPct,
        waterYoyPct,
        co2YoyPct,
        SameSample.ZERO,
        null,
        null);
  }
}
