package io.greenstat.incremental;

import io.greenstat.config.JobSettings;
import io.greenstat.config.Setting;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which input partitions a run must read, given the partials of an earlier run.
 *
 * <p>Year y's cells depend on the rows of year y and, through the prior-year link of same-sample
 * change, on those of year y − 1. So when partitions C changed (content, added or deleted), years C
 * ∪ (C + 1) are recomputed, and computing them reads those partitions and the year before each.
 * Everything else comes from the stored cells. Results equal a full run's bit for bit because
 * {@link io.greenstat.metrics.Tally} adds every cell's sums in an order that does not depend on
 * which other rows are read.
 *
 * @param mode what kind of run
 * @param reason why (for the log and the manifest)
 * @param recompute partition years whose cells are recomputed (INCREMENTAL), may include deleted
 *     ones
 * @param read partition years read (INCREMENTAL): {@code recompute} and the year before each, where
 *     present
 */
public record IncrementalPlan(
    Mode mode, String reason, SortedSet<Integer> recompute, SortedSet<Integer> read) {

  public enum Mode {
    /** Read everything. */
    FULL,
    /** Read some partitions, take the other cells from the earlier run. */
    INCREMENTAL,
    /** Nothing changed: read no input data at all. */
    UNCHANGED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Settings that act only after the tally cells (roll-ups, trends, the quality gate, file layout):
   * changing them needs no rescan. Every other setting, including any added later, shapes the cells
   * and makes the next run a full one.
   */
  static final Set<Setting> AFTER_THE_TALLIES =
      EnumSet.of(
          Setting.BASE_YEAR,
          Setting.ENERGY_INTENSIVE_DIVISIONS,
          Setting.MAX_QUARANTINED_SHARE,
          Setting.ROWS_PER_QUARANTINE_FILE);

  /** The settings the stored cells depend on, as key → effective value. */
  public static SortedMap<String, String> tallySettings(JobSettings settings) {
    SortedMap<String, String> m = new TreeMap<>();
    settings
        .effective()
        .forEach(
            (setting, value) -> {
              if (!AFTER_THE_TALLIES.contains(setting)) {
                m.put(setting.key(), value.value());
              }
            });
    return m;
  }

  public static IncrementalPlan full(String reason) {
    return new IncrementalPlan(Mode.FULL, reason, new TreeSet<>(), new TreeSet<>());
  }

  /**
   * Decides the plan.
   *
   * @param previous the earlier run's partials, if any were asked for and readable
   * @param inputPath this run's input
   * @param program this program's fingerprint
   * @param settings this run's {@link #tallySettings}
   * @param input this run's input partitions
   * @param depth how many years back a year's results look (1, or 2 with quarantined flags)
   */
  public static IncrementalPlan decide(
      Optional<RunState> previous,
      String inputPath,
      String program,
      SortedMap<String, String> settings,
      SliceFingerprints input,
      int depth) {
    if (previous.isEmpty()) {
      return full("no earlier run given (--previous)");
    }
    RunState p = previous.get();
    if (!input.partitioned()) {
      return full(
          "the input is not partitioned by year=YYYY directories (e.g. "
              + input.unpartitionedFile().orElse("no files")
              + ")");
    }
    if (!p.notIncremental().isEmpty()) {
      return full("the earlier run cannot be continued: " + p.notIncremental());
    }
    if (!Objects.equals(p.inputPath(), inputPath)) {
      return full("the earlier run read another input (" + p.inputPath() + ")");
    }
    if (!Objects.equals(p.program(), program)) {
      return full("the program changed since the earlier run");
    }
    if (!p.settings().equals(settings)) {
      return full("settings changed since the earlier run: " + changedKeys(p.settings(), settings));
    }
    SortedSet<Integer> changed = new TreeSet<>();
    for (Map.Entry<Integer, String> e : input.slices().entrySet()) {
      if (!e.getValue().equals(p.slices().get(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    for (Integer y : p.slices().keySet()) {
      if (!input.slices().containsKey(y)) {
        changed.add(y);
      }
    }
    if (changed.isEmpty()) {
      return new IncrementalPlan(
          Mode.UNCHANGED, "no input partition changed", new TreeSet<>(), new TreeSet<>());
    }
    SortedSet<Integer> recompute = new TreeSet<>(changed);
    for (int y : changed) {
      for (int d = 1; d <= depth; d++) {
        if (input.slices().containsKey(y + d)) {
          recompute.add(y + d);
        }
      }
    }
    SortedSet<Integer> read = new TreeSet<>();
    for (int y : recompute) {
      for (int d = 0; d <= depth; d++) {
        if (input.slices().containsKey(y - d)) {
          read.add(y - d);
        }
      }
    }
    if (read.equals(input.slices().keySet())) {
      return full("partitions " + changed + " changed; every partition is needed");
    }
    return new IncrementalPlan(
        Mode.INCREMENTAL, "partitions " + changed + " changed", recompute, read);
  }

  private static SortedSet<String> changedKeys(
      SortedMap<String, String> before, SortedMap<String, String> now) {
    SortedSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(now.keySet());
    keys.removeIf(k -> Objects.equals(before.get(k), now.get(k)));
    return keys;
  }
}
