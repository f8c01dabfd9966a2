package io.greenstat.schema;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Price index levels by division and year from {@code conf/deflators.csv} (columns {@code division,
 * year, price_index}). The shipped table is ILLUSTRATIVE, not NBS data (see {@code
 * conf/deflators.md}).
 */
public final class PriceIndexTable {
  private PriceIndexTable() {}

  /** The file the shipped table comes from, for messages. */
  public static final String FILE = "conf/deflators.csv";

  /**
   * Loads the table shipped in the jar: division → (year → price index level).
   *
   * @throws IllegalStateException on a duplicate, non-positive or non-numeric index
   */
  public static SortedMap<String, SortedMap<Integer, Double>> load() {
    SortedMap<String, SortedMap<Integer, Double>> out = new TreeMap<>();
    for (Map<String, String> row : ReferenceTable.load("deflators.csv")) {
      String division = row.get("division");
      int year = Integer.parseInt(row.get("year"));
      double index = Double.parseDouble(row.get("price_index"));
      if (!(index > 0) || !Double.isFinite(index)) {
        throw new IllegalStateException(
            FILE + ": price index of division " + division + " in " + year + " is " + index);
      }
      if (out.computeIfAbsent(division, d -> new TreeMap<>()).put(year, index) != null) {
        throw new IllegalStateException(
            FILE + ": two price indices for division " + division + " in " + year);
      }
    }
    out.replaceAll((d, years) -> Collections.unmodifiableSortedMap(years));
    return Collections.unmodifiableSortedMap(out);
  }
}
