package io.greenstat.metrics;

/**
 * A group's figures at constant (base-year) prices: added value deflated division by division,
 * intensities on that added value, and the year-on-year change at comparable prices. Every field is
 * null when a division of the group has no price index for the year (or the year before, for the
 * change).
 *
 * @param addedValueYuan Σ added value at base-year prices, yuan
 * @param energyIntensity tce per 10 000 yuan of constant-price added value
 * @param waterIntensity m³ per 10 000 yuan of constant-price added value
 * @param energyYoyPct change of the constant-price energy intensity against year − 1, percent
 * @param waterYoyPct change of the constant-price water intensity against year − 1, percent
 */
public record ComparablePrices(
    Double addedValueYuan,
    Double energyIntensity,
    Double waterIntensity,
    Double energyYoyPct,
    Double waterYoyPct) {

  public static final ComparablePrices NONE = new ComparablePrices(null, null, null, null, null);
}
