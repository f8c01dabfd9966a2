package io.greenstat.reference;

/**
 * A plausibility flag as the reference computes it.
 *
 * @param firmId the firm
 * @param year reporting year
 * @param division 2-digit division
 * @param indicator {@code energy} or {@code water}
 * @param reason the flag code
 * @param intensity the firm-year's intensity (per 10 000 yuan)
 * @param medianLog10 log10 of the division-year median, or null when the group is too small
 */
public record ReferenceFlag(
    String firmId,
    int year,
    String division,
    String indicator,
    String reason,
    double intensity,
    Double medianLog10) {

  /** {@code year|division|firm|indicator|reason}: how tests compare flag lists. */
  public String key() {
    return year + "|" + division + "|" + firmId + "|" + indicator + "|" + reason;
  }
}
