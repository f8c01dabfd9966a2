package io.greenstat.metrics;

/**
 * Sums over a set of above-size firm-years. Sums of doubles: a group total is exact to the
 * precision of double addition, and ratios are always ratios of these sums (never means of firm
 * ratios).
 *
 * @param firms firm-years counted (after de-duplication one row is one firm in one year)
 * @param revenueYuan Σ operating revenue, yuan
 * @param addedValueYuan Σ industrial added value, current prices, yuan
 * @param energyTce Σ comprehensive energy consumption, tce
 * @param waterM3 Σ industrial water use, m³
 * @param co2T Σ CO2, tonnes, reported or derived from energy
 * @param co2AddedValueYuan Σ added value, yuan, of the firms with reported or derived CO2
 * @param co2Firms firm-years that report CO2
 * @param co2FirmsDerived firm-years whose CO2 was derived from energy (they do not report it)
 */
public record Totals(
    long firms,
    double revenueYuan,
    double addedValueYuan,
    double energyTce,
    double waterM3,
    double co2T,
    double co2AddedValueYuan,
    long co2Firms,
    long co2FirmsDerived) {

  public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Totals without derived CO2. */
  public Totals(
      long firms,
      double revenueYuan,
      double addedValueYuan,
      double energyTce,
      double waterM3,
      double co2T,
      double co2AddedValueYuan,
      long co2Firms) {
    this(
        firms,
        revenueYuan,
        addedValueYuan,
        energyTce,
        waterM3,
        co2T,
        co2AddedValueYuan,
        co2Firms,
        0);
  }

  public Totals plus(Totals o) {
    return new Totals(
        firms + o.firms,
        revenueYuan + o.revenueYuan,
        addedValueYuan + o.addedValueYuan,
        energyTce + o.energyTce,
        waterM3 + o.waterM3,
        co2T + o.co2T,
        co2AddedValueYuan + o.co2AddedValueYuan,
        co2Firms + o.co2Firms,
        co2FirmsDerived + o.co2FirmsDerived);
  }
}
