package io.greenstat.quality;

import io.greenstat.config.JobSettings.FlagMode;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The plausibility flags of a run, for the tables, the report and the manifest.
 *
 * @param mode flag only, or quarantine as well
 * @param flags every flag, sorted by {@link Flag#ORDER}
 */
public record FlagSummary(FlagMode mode, List<Flag> flags) {
  public FlagSummary {
    flags = flags.stream().sorted(Flag.ORDER).toList();
  }

  /** No flags (a run without the checks, or a report fixture). */
  public static FlagSummary none() {
    return new FlagSummary(FlagMode.FLAG, List.of());
  }

  /** Flag code → flags (one per firm-year and indicator). */
  public SortedMap<String, Long> byReason() {
    SortedMap<String, Long> m = new TreeMap<>();
    for (Flag f : flags) {
      m.merge(f.reason(), 1L, Long::sum);
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /** Distinct firm-years with at least one flag. */
  public long firmYears() {
    Set<String> keys = new HashSet<>();
    for (Flag f : flags) {
      keys.add(f.firmId() + "\u0000" + f.year());
    }
    return keys.size();
  }

  /** The {@code n} flags furthest from plausible (ties: the table order). */
  public List<Flag> top(int n) {
    return flags.stream()
        .sorted(
            java.util.Comparator.comparingDouble(Flag::severity)
                .reversed()
                .thenComparing(Flag.ORDER))
        .limit(n)
        .toList();
  }
}
