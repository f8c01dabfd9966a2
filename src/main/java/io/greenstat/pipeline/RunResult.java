package io.greenstat.pipeline;

import io.greenstat.incremental.IncrementalPlan;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
import java.util.List;

/**
 * The outcome of a successful run.
 *
 * @param outputPath where the output was published
 * @param accounting where every input row went
 * @param industryYears the {@code industry_year} table
 * @param plan full, incremental or unchanged, and why
 * @param filesScanned input files whose data the run read (0 for an unchanged input)
 */
public record RunResult(
    String outputPath,
    RowAccounting accounting,
    List<IndustryYear> industryYears,
    IncrementalPlan plan,
    int filesScanned) {}
