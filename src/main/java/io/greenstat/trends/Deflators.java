package io.greenstat.trends;

import io.greenstat.schema.PriceIndexTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Converts added value at current prices into constant prices of a base year with price indices by
 * division: constant yuan = current yuan / (P(d, y) / P(d, base)). Single deflation with an output
 * price index, an approximation of real added value.
 *
 * <p>The shipped table {@code conf/deflators.csv} is ILLUSTRATIVE, invented for demonstration, not
 * NBS data (see {@code conf/deflators.md}); results computed with it are not official figures.
 *
 * <p>Immutable; {@link #rebase(int)} returns a new instance.
 */
public final class Deflators {
  private final SortedMap<String, SortedMap<Integer, Double>> index;
  private final int baseYear;
  private final String sourceName;

  private Deflators(
      SortedMap<String, SortedMap<Integer, Double>> index, int baseYear, String sourceName) {
    this.index = index;
    this.baseYear = baseYear;
    this.sourceName = sourceName;
  }

  /**
   * The shipped illustrative table, with its earliest year (2015) as base year; use {@link
   * #rebase(int)} for another.
   */
  public static Deflators load() {
    SortedMap<String, SortedMap<Integer, Double>> table = PriceIndexTable.load();
    int first = table.values().stream().mapToInt(SortedMap::firstKey).min().orElse(0);
    return new Deflators(table, first, PriceIndexTable.FILE);
  }

  /**
   * Deflators from given index levels.
   *
   * @param index division → (year → price index level, positive)
   * @param baseYear the year whose prices constant-price values are expressed in
   */
  public static Deflators of(Map<String, ? extends Map<Integer, Double>> index, int baseYear) {
    SortedMap<String, SortedMap<Integer, Double>> copy = new TreeMap<>();
    index.forEach(
        (d, years) -> {
          years.forEach(
              (y, p) -> {
                if (p == null || !(p > 0) || !Double.isFinite(p)) {
                  throw new IllegalArgumentException(
                      "price index of division " + d + " in " + y + " is " + p);
                }
              });
          copy.put(d, Collections.unmodifiableSortedMap(new TreeMap<>(years)));
        });
    return new Deflators(Collections.unmodifiableSortedMap(copy), baseYear, "the deflator table");
  }

  /** The same indices with another base year. */
  public Deflators rebase(int newBaseYear) {
    return new Deflators(index, newBaseYear, sourceName);
  }

  /** The year whose prices constant-price values are in. */
  public int baseYear() {
    return baseYear;
  }

  /** The factor P(d, year) / P(d, base year); empty when either index is missing. */
  public OptionalDouble factor(String division, int year) {
    SortedMap<Integer, Double> years = index.get(division);
    if (years == null || !years.containsKey(year) || !years.containsKey(baseYear)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(years.get(year) / years.get(baseYear));
  }

  /**
   * Added value at constant base-year prices, yuan: {@code currentYuan / factor(division, year)};
   * empty when there is no deflator for that division and year ({@link #whyMissing} says why).
   *
   * @throws IllegalArgumentException when {@code currentYuan} is not finite
   */
  public Optional<Double> constantPriceYuan(String division, int year, double currentYuan) {
    if (!Double.isFinite(currentYuan)) {
      throw new IllegalArgumentException("added value is not finite: " + currentYuan);
    }
    OptionalDouble f = factor(division, year);
    return f.isPresent() ? Optional.of(currentYuan / f.getAsDouble()) : Optional.empty();
  }

  /**
   * Why there is no deflator for a division and year, in plain words for the report; empty when
   * there is one.
   */
  public Optional<String> whyMissing(String division, int year) {
    SortedMap<Integer, Double> years = index.get(division);
    if (years == null) {
      return Optional.of("division " + division + " has no price index in " + sourceName);
    }
    List<Integer> missing = new ArrayList<>();
    if (!years.containsKey(year)) {
      missing.add(year);
    }
    if (!years.containsKey(baseYear) && baseYear != year) {
      missing.add(baseYear);
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "no price index for division "
            + division
            + " in "
            + (missing.size() == 1
                ? missing.get(0) + (missing.get(0) == baseYear ? " (the base year)" : "")
                : missing.get(0) + " and the base year " + missing.get(1))
            + " in "
            + sourceName
            + " (it covers "
            + years.firstKey()
            + "–"
            + years.lastKey()
            + ")");
  }

  /**
   * Division totals at constant prices, for {@link Lmdi}: added value deflated, energy unchanged. A
   * year is converted only when every division with non-zero added value in it has a deflator;
   * otherwise it is left out whole (a partial year would distort the structure), and {@code
   * yearsLeftOut} says why.
   *
   * @param totals year → division → {energy tce, added value yuan at current prices}
   */
  public ConstantPrices constantPriceTotals(Map<Integer, Map<String, double[]>> totals) {
    SortedMap<Integer, Map<String, double[]>> out = new TreeMap<>();
    SortedMap<Integer, String> leftOut = new TreeMap<>();
    for (Map.Entry<Integer, Map<String, double[]>> e : new TreeMap<>(totals).entrySet()) {
      int year = e.getKey();
      SortedMap<String, double[]> deflated = new TreeMap<>();
      List<String> reasons = new ArrayList<>();
      for (Map.Entry<String, double[]> d : new TreeMap<>(e.getValue()).entrySet()) {
        double[] v = d.getValue();
        double va = v[Lmdi.ADDED_VALUE_YUAN];
        if (va == 0) {
          deflated.put(d.getKey(), v.clone());
          continue;
        }
        OptionalDouble f = factor(d.getKey(), year);
        if (f.isEmpty()) {
          reasons.add(whyMissing(d.getKey(), year).orElseThrow());
        } else {
          double[] c = v.clone();
          c[Lmdi.ADDED_VALUE_YUAN] = va / f.getAsDouble();
          deflated.put(d.getKey(), c);
        }
      }
      if (reasons.isEmpty()) {
        out.put(year, Collections.unmodifiableMap(deflated));
      } else {
        leftOut.put(year, String.join("; ", reasons));
      }
    }
    return new ConstantPrices(
        baseYear,
        Collections.unmodifiableSortedMap(out),
        Collections.unmodifiableSortedMap(leftOut));
  }

  /**
   * Division totals at constant prices.
   *
   * @param baseYear the price base
   * @param totals year → division → {energy tce, added value yuan at base-year prices}
   * @param yearsLeftOut year → why it could not be converted
   */
  public record ConstantPrices(
      int baseYear,
      SortedMap<Integer, Map<String, double[]>> totals,
      SortedMap<Integer, String> yearsLeftOut) {}
}
