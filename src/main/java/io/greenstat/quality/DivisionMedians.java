package io.greenstat.quality;

import io.greenstat.schema.Columns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Division-year median intensities, taken on the driver from the histogram of {@link
 * PlausibilityFlags#histogram} (a few thousand rows: divisions × years × indicators × occupied
 * bins).
 *
 * <p>Why a histogram: its cells are integer counts, which add up to the same numbers whatever the
 * order Spark meets the rows in, so the medians (and every flag built on them) are byte-stable
 * across reruns and partitionings; an approximate quantile sketch merged in shuffle order is not.
 * The price is resolution: a median is known to within half a bin, {@code 0.5 /} {@value
 * PlausibilityFlags#BINS_PER_DECADE} in log10 units (±1.2 %), far finer than the factors of 10³ the
 * unit checks look for.
 *
 * <p>Rule: the median of n values is the centre of the bin holding the value of rank ⌊(n + 1) / 2⌋
 * in ascending order (the lower median for even n), as {@code (bin + 0.5) / BINS_PER_DECADE} in
 * log10 units. A group with fewer than {@code minFirms} values has no median (its firms are not
 * checked against it).
 */
public final class DivisionMedians {
  /**
   * One median.
   *
   * @param log10 log10 of the median intensity (tce or m³ per 10 000 yuan)
   * @param firms how many firm-years the group holds (values counted in the histogram)
   */
  public record Median(double log10, long firms) {}

  private record Key(String division, int year) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = division.compareTo(o.division);
      return c != 0 ? c : Integer.compare(year, o.year);
    }
  }

  /** (division, year) → indicator → median; only groups with at least minFirms values. */
  private final SortedMap<Key, Map<Indicator, Median>> medians;

  private DivisionMedians(SortedMap<Key, Map<Indicator, Median>> medians) {
    this.medians = medians;
  }

  /** The columns of {@link #asRows}. */
  public static final StructType SCHEMA =
      new StructType()
          .add(Columns.DIVISION, DataTypes.StringType)
          .add(Columns.YEAR, DataTypes.IntegerType)
          .add(Columns.MEDIAN_LOG10_ENERGY, DataTypes.DoubleType)
          .add(Columns.MEDIAN_FIRMS_ENERGY, DataTypes.LongType)
          .add(Columns.MEDIAN_LOG10_WATER, DataTypes.DoubleType)
          .add(Columns.MEDIAN_FIRMS_WATER, DataTypes.LongType);

  /**
   * Reads the histogram rows ({@code division, year, indicator, log10_bin, firms}) and takes each
   * group's median.
   */
  public static DivisionMedians fromHistogram(List<Row> histogram, int minFirms) {
    // (division, year, indicator) → bin → firms, bins ascending
    Map<Key, Map<Indicator, SortedMap<Long, Long>>> bins = new TreeMap<>();
    for (Row r : histogram) {
      Key key = new Key(r.getAs(Columns.DIVISION), r.<Integer>getAs(Columns.YEAR));
      Indicator indicator = indicatorOf(r.getAs(Columns.INDICATOR));
      bins.computeIfAbsent(key, k -> new TreeMap<>())
          .computeIfAbsent(indicator, i -> new TreeMap<>())
          .merge(r.<Long>getAs(Columns.LOG_BIN), r.<Long>getAs(Columns.BIN_FIRMS), Long::sum);
    }
    SortedMap<Key, Map<Indicator, Median>> out = new TreeMap<>();
    bins.forEach(
        (key, byIndicator) ->
            byIndicator.forEach(
                (indicator, counts) -> {
                  long n = counts.values().stream().mapToLong(Long::longValue).sum();
                  if (n >= minFirms) {
                    out.computeIfAbsent(key, k -> new java.util.EnumMap<>(Indicator.class))
                        .put(indicator, new Median(medianLog10(counts, n), n));
                  }
                }));
    return new DivisionMedians(out);
  }

  /** The centre of the bin holding the value of rank ⌊(n + 1) / 2⌋ (1-based, ascending). */
  static double medianLog10(SortedMap<Long, Long> counts, long n) {
    long rank = (n + 1) / 2;
    long seen = 0;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return (e.getKey() + 0.5) / PlausibilityFlags.BINS_PER_DECADE;
      }
    }
    throw new IllegalArgumentException("empty histogram");
  }

  private static Indicator indicatorOf(String code) {
    for (Indicator i : Indicator.values()) {
      if (i.code().equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown indicator " + code);
  }

  /** The median of a division-year and indicator, or null when it has none. */
  public Median get(String division, int year, Indicator indicator) {
    Map<Indicator, Median> m = medians.get(new Key(division, year));
    return m == null ? null : m.get(indicator);
  }

  /** Division-years with at least one median. */
  public int size() {
    return medians.size();
  }

  /** One row per division-year, in {@link #SCHEMA}, sorted: for a broadcast join. */
  public List<Row> asRows() {
    List<Row> rows = new ArrayList<>(medians.size());
    medians.forEach(
        (key, m) -> {
          Median e = m.get(Indicator.ENERGY);
          Median w = m.get(Indicator.WATER);
          rows.add(
              RowFactory.create(
                  key.division(),
                  key.year(),
                  e == null ? null : e.log10(),
                  e == null ? null : e.firms(),
                  w == null ? null : w.log10(),
                  w == null ? null : w.firms()));
        });
    return Collections.unmodifiableList(rows);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DivisionMedians d && Objects.equals(medians, d.medians);
  }

  @Override
  public int hashCode() {
    return medians.hashCode();
  }
}
