package io.greenstat.pipeline;

import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
import java.util.List;

/**
 * The outcome of a successful run.
 *
 * @param outputPath where the output was published
 * @param accounting where every input row went
 * @param industryYears the {@code industry_year} table
 */
public record RunResult(
    String outputPath, RowAccounting accounting, List<IndustryYear> industryYears) {}
