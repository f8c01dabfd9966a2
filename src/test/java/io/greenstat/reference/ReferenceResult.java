package io.greenstat.reference;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reference computed.
 *
 * @param accounting where every row went; {@code inputFiles} is the number of distinct non-null
 *     source files among the rows (files without rows are not seen by the reference)
 * @param industryYears the industry_year rows, ordered by level (ALL, SECTION, EI6, DIVISION),
 *     code, year
 * @param quarantined quarantined rows with their reason, in input order
 * @param aggregated the rows summed into the tables (one per firm and year), in input order
 * @param byProvince province code → that province's industry_year rows (same rules, only the
 *     province's aggregated rows; same-sample prior records from any province)
 * @param flags the plausibility flags, sorted by year, division, firm, indicator
 */
public record ReferenceResult(
    RowAccounting accounting,
    List<IndustryYear> industryYears,
    List<QuarantinedRow> quarantined,
    List<RawRow> aggregated,
    Map<String, List<IndustryYear>> byProvince,
    List<ReferenceFlag> flags) {

  /** The row of a group code ({@code ALL}, {@code C}, {@code EI6}, {@code 31} …) in a year. */
  public Optional<IndustryYear> find(String code, int year) {
    return industryYears.stream()
        .filter(r -> r.code().equals(code) && r.year() == year)
        .findFirst();
  }

  /** Like {@link #find} but fails when the row is absent. */
  public IndustryYear get(String code, int year) {
    return find(code, year)
        .orElseThrow(() -> new AssertionError("no industry_year row " + code + " " + year));
  }

  public List<IndustryYear> level(GroupLevel level) {
    return industryYears.stream().filter(r -> r.level() == level).toList();
  }
}
