package io.greenstat.metrics;

import io.greenstat.ingest.RowFate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

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

  /** Counts the fates of the tally cells. */
  public static RowAccounting of(long inputFiles, List<Tally> tallies) {
    long[] byFate = new long[RowFate.values().length];
    SortedMap<String, Long> quarantine = new TreeMap<>();
    SortedMap<String, Long> outOfScope = new TreeMap<>();
    for (Tally t : tallies) {
      byFate[t.fate().ordinal()] += t.rows();
      if (t.fate() == RowFate.QUARANTINED) {
        quarantine.merge(t.reason(), t.rows(), Long::sum);
      } else if (t.fate() == RowFate.OUT_OF_SCOPE) {
        outOfScope.merge(t.reason(), t.rows(), Long::sum);
      }
    }
    if (byFate[RowFate.KEPT.ordinal()] != 0) {
      throw new IllegalStateException("rows left unclassified: " + byFate[RowFate.KEPT.ordinal()]);
    }
    long read = 0;
    for (long n : byFate) {
      read += n;
    }
    return new RowAccounting(
        inputFiles,
        read,
        byFate[RowFate.QUARANTINED.ordinal()],
        Collections.unmodifiableSortedMap(quarantine),
        byFate[RowFate.DUPLICATE.ordinal()],
        byFate[RowFate.OUT_OF_SCOPE.ordinal()],
        Collections.unmodifiableSortedMap(outOfScope),
        byFate[RowFate.BELOW_THRESHOLD.ordinal()],
        byFate[RowFate.AGGREGATED.ordinal()]);
  }
}
