package io.greenstat.quality;

import io.greenstat.schema.Columns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One row of {@code tables/flags}: a firm-year and indicator with a plausibility flag.
 *
 * @param year reporting year
 * @param division 2-digit division
 * @param firmId the firm
 * @param indicator energy or water
 * @param reason the {@link FlagReason} code (a unit code before a jump code)
 * @param industryCode the row's industry code as read
 * @param provinceCode the row's province code
 * @param intensity the firm-year's intensity, tce or m³ per 10 000 yuan
 * @param divisionMedian the division-year median intensity (centre of its histogram bin), same
 *     unit; null when the division-year has too few firms for a median
 * @param divisionFirms firm-years behind that median, or null
 * @param ratioToMedian intensity / divisionMedian, or null
 * @param priorIntensity the firm's intensity of the year before, or null
 * @param ratioToPrior intensity / priorIntensity, or null
 */
public record Flag(
    int year,
    String division,
    String firmId,
    Indicator indicator,
    String reason,
    String industryCode,
    String provinceCode,
    double intensity,
    Double divisionMedian,
    Long divisionFirms,
    Double ratioToMedian,
    Double priorIntensity,
    Double ratioToPrior) {

  /** The order of {@code tables/flags}: year, division, firm, indicator; a total order. */
  public static final Comparator<Flag> ORDER =
      Comparator.comparingInt(Flag::year)
          .thenComparing(Flag::division)
          .thenComparing(Flag::firmId)
          .thenComparing(Flag::indicator);

  /** How far from plausible, in decades: the larger |log10| of the two ratios (for ranking). */
  public double severity() {
    double m = ratioToMedian == null ? 0 : Math.abs(Math.log10(ratioToMedian));
    double p = ratioToPrior == null ? 0 : Math.abs(Math.log10(ratioToPrior));
    return Math.max(m, p);
  }

  /**
   * The flags of one flagged firm-year row (columns of {@code OnePass.FLAGGED_COLUMNS}): one per
   * indicator with a code.
   */
  public static List<Flag> fromRow(Row r) {
    List<Flag> out = new ArrayList<>(2);
    for (Indicator i : Indicator.values()) {
      String reason = r.getAs(PlausibilityFlags.flagColumn(i));
      if (reason == null) {
        continue;
      }
      double intensity = r.<Double>getAs(PlausibilityFlags.ownColumn(i));
      Double medianLog10 = r.getAs(PlausibilityFlags.medianLog10Column(i));
      Double median = medianLog10 == null ? null : Math.pow(10, medianLog10);
      Double prior = r.getAs(PlausibilityFlags.priorColumn(i));
      out.add(
          new Flag(
              r.<Integer>getAs(Columns.YEAR),
              r.getAs(Columns.DIVISION),
              r.getAs(Columns.FIRM_ID),
              i,
              reason,
              r.getAs(Columns.INDUSTRY_CODE),
              r.getAs(Columns.PROVINCE_CODE),
              intensity,
              median,
              r.getAs(PlausibilityFlags.medianFirmsColumn(i)),
              median == null ? null : intensity / median,
              prior,
              prior == null ? null : intensity / prior));
    }
    return out;
  }
}
