package io.greenstat.metrics;

import java.util.SortedMap;

/**
 * Where every input row went. The identity {@code rowsRead = rowsQuarantined + duplicatesCollapsed
 * + rowsOutOfScope + rowsBelowThreshold + rowsAggregated} holds by construction: each row has
 * exactly one fate.
 *
 * @param inputFiles Parquet files read
 * @param rowsRead rows read from those files
 * @param rowsQuarantined rows written to {@code quarantine/}
 * @param quarantineByReason reason code → rows
 * @param duplicatesCollapsed extra copies of exact duplicate rows (each set counts once)
 * @param rowsOutOfScope valid rows outside the industrial divisions or the year range
 * @param outOfScopeByReason reason code → rows
 * @param rowsBelowThreshold in-scope rows below the revenue threshold
 * @param rowsAggregated rows summed into the tables
 */
public record RowAccounting(
    long inputFiles,
    long rowsRead,
    long rowsQuarantined,
    SortedMap<String, Long> quarantineByReason,
    long duplicatesCollapsed,
    long rowsOutOfScope,
    SortedMap<String, Long> outOfScopeByReason,
    long rowsBelowThreshold,
    long rowsAggregated) {

  /** Share of the rows read that were quarantined (0 for an empty input). */
  public double quarantinedShare() {
    return rowsRead == 0 ? 0.0 : (double) rowsQuarantined / rowsRead;
  }

  /** True when the five fates add up to the rows read. */
  public boolean balances() {
    return rowsRead
        == rowsQuarantined
            + duplicatesCollapsed
            + rowsOutOfScope
            + rowsBelowThreshold
            + rowsAggregated;
  }
}
