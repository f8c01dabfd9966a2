package io.greenstat.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Published national figures (DOMAIN §2) from {@code conf/published.csv}, for comparison with
 * greenstat's own results: verified figures only, each with its source.
 *
 * <p>Columns: {@code indicator, period, value, unit, kind, source, note}. {@code period} is a year
 * ({@code 2021}) or a span ({@code 2016-2020}); a change over a span is measured from the year
 * before its first year to its last year (2016-2020 is 2020 against 2015).
 */
public final class PublishedFigures {
  private PublishedFigures() {}

  /** What a figure measures. */
  public enum Kind {
    /** Change against the previous year, percent. */
    YOY_PCT("yoy_pct"),
    /** The indicator's level in a year, in {@code unit}. */
    LEVEL("level"),
    /** Change over a span of years, percent. */
    CUMULATIVE_PCT("cumulative_pct"),
    /** A planned change over a span of years, percent. */
    TARGET_PCT("target_pct");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The value in the {@code kind} column. */
    public String code() {
      return code;
    }

    static Kind of(String code) {
      for (Kind k : values()) {
        if (k.code.equals(code)) {
          return k;
        }
      }
      throw new IllegalStateException("conf/published.csv: unknown kind " + code);
    }
  }

  /**
   * One published figure.
   *
   * @param indicator e.g. {@code above_size_industry_energy_intensity}, {@code
   *     industrial_water_intensity}, {@code gdp_energy_intensity}
   * @param period a year or a span {@code first-last}, as written
   * @param firstYear first year of the period
   * @param lastYear last year of the period (equal to {@code firstYear} for a single year)
   * @param value the figure
   * @param unit {@code pct} for changes, else the level's unit (e.g. {@code m3_per_10k_yuan})
   * @param kind what it measures
   * @param source document and/or URL it was checked against
   * @param note price basis, coverage, approximations ("约" = about); may be empty
   */
  public record Figure(
      String indicator,
      String period,
      int firstYear,
      int lastYear,
      double value,
      String unit,
      Kind kind,
      String source,
      String note) {

    /**
     * The year a change is measured from: {@code firstYear − 1} for changes and targets; null for a
     * level.
     */
    public Integer fromYear() {
      return kind == Kind.LEVEL ? null : firstYear - 1;
    }
  }

  /** Loads the table shipped in the jar, in file order. */
  public static List<Figure> load() {
    List<Figure> out = new ArrayList<>();
    for (Map<String, String> row : ReferenceTable.load("published.csv")) {
      String period = row.get("period");
      String[] years = period.split("-", -1);
      if (years.length > 2) {
        throw new IllegalStateException("conf/published.csv: period " + period);
      }
      int first = Integer.parseInt(years[0]);
      int last = Integer.parseInt(years[years.length - 1]);
      if (last < first) {
        throw new IllegalStateException("conf/published.csv: period " + period);
      }
      out.add(
          new Figure(
              row.get("indicator"),
              period,
              first,
              last,
              Double.parseDouble(row.get("value")),
              row.get("unit"),
              Kind.of(row.get("kind")),
              row.get("source"),
              row.get("note")));
    }
    return List.copyOf(out);
  }
}
