package io.greenstat.report;

import io.greenstat.config.JobSettings;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
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
 */
public record ReportModel(
    String programVersion,
    String inputPath,
    JobSettings settings,
    RowAccounting accounting,
    List<IndustryYear> industryYears) {}
