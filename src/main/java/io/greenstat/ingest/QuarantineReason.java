package io.greenstat.ingest;

/**
 * The stable snake_case reason codes written in the quarantine's {@code reason} column and counted
 * in {@code quarantine_by_reason}. A row gets the first reason that applies, in the order {@link
 * RowValidation} checks them; duplicates are judged only among rows with no other reason.
 */
public final class QuarantineReason {
  private QuarantineReason() {}

  public static final String MALFORMED_INDUSTRY_CODE = "malformed_industry_code";
  public static final String UNKNOWN_INDUSTRY_CODE = "unknown_industry_code";
  public static final String UNKNOWN_PROVINCE_CODE = "unknown_province_code";
  public static final String CONFLICTING_DUPLICATE = "conflicting_duplicate";

  /** Null, or blank text, in a required column. */
  public static String missing(String column) {
    return "missing_" + column;
  }

  /** NaN or ±Infinity in a numeric column. */
  public static String notFinite(String column) {
    return "not_finite_" + column;
  }

  /** A negative amount where only zero or more makes sense. */
  public static String negative(String column) {
    return "negative_" + column;
  }
}
