package io.greenstat.metrics;

/** The contract's ratio rules, in one place: a ratio is null unless it is a finite number. */
public final class Ratios {
  private Ratios() {}

  /** Yuan per 10 000 yuan: intensities are quoted per 10 000 yuan of added value. */
  public static final double YUAN_PER_10K = 10_000.0;

  /**
   * {@code numerator / (denominatorYuan / 10 000)}: null when the denominator is zero, or either
   * side (or the result) is not finite.
   */
  public static Double perTenThousandYuan(double numerator, double denominatorYuan) {
    return divide(numerator, denominatorYuan / YUAN_PER_10K);
  }

  /** {@code a / b}, or null when b is zero or anything is not finite. */
  public static Double divide(double a, double b) {
    if (b == 0 || !Double.isFinite(a) || !Double.isFinite(b)) {
      return null;
    }
    double r = a / b;
    return Double.isFinite(r) ? r : null;
  }

  /**
   * Percent change {@code (now / before - 1) × 100}, or null when either is missing, before is 0,
   * or the change is beyond the range of a double (a finite ratio above ~1.8e306 overflows × 100).
   */
  public static Double changePct(Double now, Double before) {
    if (now == null || before == null) {
      return null;
    }
    Double ratio = divide(now, before);
    return ratio == null ? null : finiteOrNull((ratio - 1.0) * 100.0);
  }

  /** A sum as published: null when it overflowed to a non-finite value. */
  public static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
