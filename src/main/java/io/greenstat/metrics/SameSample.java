package io.greenstat.metrics;

/**
 * Sums over the NBS same-sample (同口径) set of a group and year: the firms above size in year y that
 * also have a valid record in year y − 1, with both years' values of those same firms.
 *
 * @param firms firms in the sample
 * @param energyTce Σ energy in year y, tce
 * @param addedValueYuan Σ added value in year y, yuan
 * @param waterM3 Σ water in year y, m³
 * @param priorEnergyTce Σ the same firms' energy in year y − 1, tce
 * @param priorAddedValueYuan Σ their added value in year y − 1, yuan
 * @param priorWaterM3 Σ their water in year y − 1, m³
 */
public record SameSample(
    long firms,
    double energyTce,
    double addedValueYuan,
    double waterM3,
    double priorEnergyTce,
    double priorAddedValueYuan,
    double priorWaterM3) {

  public static final SameSample ZERO = new SameSample(0, 0, 0, 0, 0, 0, 0);

  public SameSample plus(SameSample o) {
    return new SameSample(
        firms + o.firms,
        energyTce + o.energyTce,
        addedValueYuan + o.addedValueYuan,
        waterM3 + o.waterM3,
        priorEnergyTce + o.priorEnergyTce,
        priorAddedValueYuan + o.priorAddedValueYuan,
        priorWaterM3 + o.priorWaterM3);
  }

  /** Same-sample change of energy intensity, percent; null without a sample or a denominator. */
  public Double energyIntensityChangePct() {
    return Ratios.changePct(
        Ratios.perTenThousandYuan(energyTce, addedValueYuan),
        Ratios.perTenThousandYuan(priorEnergyTce, priorAddedValueYuan));
  }

  /** Same-sample change of water intensity, percent. */
  public Double waterIntensityChangePct() {
    return Ratios.changePct(
        Ratios.perTenThousandYuan(waterM3, addedValueYuan),
        Ratios.perTenThousandYuan(priorWaterM3, priorAddedValueYuan));
  }
}
