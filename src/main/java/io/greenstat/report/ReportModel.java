package io.greenstat.report;

import io.greenstat.config.JobSettings;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.ProvinceRollup.ProvinceRow;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.quality.FlagSummary;
import io.greenstat.schema.PublishedFigures;
import io.greenstat.trends.Analytics;
import java.util.List;

/**
 * Everything the human and machine reports show. It holds no wall-clock time, so that the same
 * input and configuration give byte-identical reports; run times live in {@code _MANIFEST.json}.
 *
 * @param programVersion greenstat version
 * @param inputPath the input dataset as given
 * @param settings the effective job settings
 * @param accounting where every input row went
 * @param industryYears the {@code industry_year} table, sorted by level, code, year
 * @param provinces the province tables' rows (all levels), by province, level, code, year
 * @param analytics decomposition and target progress
 * @param published the official national figures of {@code conf/published.csv}
 * @param flags the plausibility flags and the mode they ran in
 */
public record ReportModel(
    String programVersion,
    String inputPath,
    JobSettings settings,
    RowAccounting accounting,
    List<IndustryYear> industryYears,
    List<ProvinceRow> provinces,
    Analytics analytics,
    List<PublishedFigures.Figure> published,
    FlagSummary flags) {

  /** A model without plausibility flags. */
  public ReportModel(
      String programVersion,
      String inputPath,
      JobSettings settings,
      RowAccounting accounting,
      List<IndustryYear> industryYears,
      List<ProvinceRow> provinces,
      Analytics analytics,
      List<PublishedFigures.Figure> published) {
    this(
        programVersion,
        inputPath,
        settings,
        accounting,
        industryYears,
        provinces,
        analytics,
        published,
        FlagSummary.none());
  }

  /** A model without province rows, analytics or published figures. */
  public ReportModel(
      String programVersion,
      String inputPath,
      JobSettings settings,
      RowAccounting accounting,
      List<IndustryYear> industryYears) {
    this(
        programVersion,
        inputPath,
        settings,
        accounting,
        industryYears,
        List.of(),
        new Analytics(List.of(), List.of(), new java.util.TreeMap<>(), List.of()),
        List.of(),
        FlagSummary.none());
  }
}
