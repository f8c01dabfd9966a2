package io.greenstat.trends;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.trends.DivisionContribution.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * LMDI-I decomposition of the change of aggregate energy intensity over divisions (Ang 2005; DOMAIN
 * §5.3), with zero values handled by analytical limits (Ang &amp; Liu 2007; DOMAIN §5.4).
 *
 * <p>Input per year: a map division → {@code double[]{energy_tce, added_value_yuan}} (indices
 * {@link #ENERGY_TCE} and {@link #ADDED_VALUE_YUAN}); added value in yuan, at current or constant
 * prices but the same price basis in every year. Aggregate intensity I = ΣE / (ΣY / 10 000) in tce
 * per 10 000 yuan; S_i = Y_i / Y, I_i = E_i / Y_i, V_i = S_i · I_i = E_i / Y, so I = Σ V_i.
 *
 * <ul>
 *   <li>additive: ΔI_str = Σ L(V_i^T, V_i^0) ln(S_i^T / S_i^0), ΔI_int = Σ L(V_i^T, V_i^0) ln(I_i^T
 *       / I_i^0), with ΔI_str + ΔI_int = I^T − I^0;
 *   <li>multiplicative: D_str = exp Σ w_i ln(S_i^T / S_i^0), D_int = exp Σ w_i ln(I_i^T / I_i^0),
 *       w_i = L(V_i^T, V_i^0) / L(I^T, I^0), with D_str · D_int = I^T / I^0.
 * </ul>
 *
 * <p>Zeros (DOMAIN §5.4), by the analytical limits, never by substituting small numbers: a division
 * with no added value in one year (it appears or disappears) puts its whole change V_i^T − V_i^0
 * into the structure effect; a division with added value in both years but energy in only one puts
 * its whole change into the intensity effect; zero energy in both years contributes nothing. A
 * division with no added value and no energy in either year is skipped, and so is one with negative
 * added value in both (DOMAIN §5.4; {@link Decomposition#skippedDivisions()} lists them).
 *
 * <p>Conventions where the split is undefined, flagged in {@link Decomposition#notes()}: energy
 * reported without added value cannot be split into a share and an intensity. In a year where the
 * division has added value in the other year, its whole change counts as structure (it enters or
 * leaves); with no added value in either year, as intensity. Such divisions are kept, so that I^0
 * and I^T always equal ΣE / ΣY over all divisions with non-negative values, the {@code ALL}
 * intensity of {@code industry_year}, and chained links meet. Negative added value in one year
 * only, negative energy, or a non-finite value make the result undefined.
 */
public final class Lmdi {
  private Lmdi() {}

  /** Index of energy, tce, in an input {@code double[]}. */
  public static final int ENERGY_TCE = 0;

  /** Index of added value, yuan, in an input {@code double[]}. */
  public static final int ADDED_VALUE_YUAN = 1;

  /** The {@code prices} value for added value at current prices. */
  public static final String CURRENT_PRICES = "current";

  /** The {@code prices} value for added value at constant prices of a base year. */
  public static final String CONSTANT_PRICES = "constant";

  /** The {@code group} value: the decomposition of the ALL (all industry) intensity. */
  public static final String GROUP_ALL = "ALL";

  /** A span of years whose change is measured from {@code fromYear} to {@code toYear}. */
  public record Span(String name, int fromYear, int toYear) {}

  /**
   * Five-Year-Plan periods, as changes from the plan's base year: the 13th plan (2016–2020) covers
   * the five yearly changes from 2015 to 2020, the 14th plan (2021–2025) those from 2020 to 2025
   * (its targets are "2025 vs 2020", DOMAIN §2.4).
   */
  public static final List<Span> PLAN_PERIODS =
      List.of(
          new Span("13th Five-Year Plan (2016-2020)", 2015, 2020),
          new Span("14th Five-Year Plan (2021-2025)", 2020, 2025));

  private static final double YUAN_PER_10K = 10_000.0;

  /**
   * The logarithmic mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a, for a, b ≥ 0; L(a, 0) =
   * L(0, b) = 0 (the limit). Computed with {@code log1p} when a and b are close, so that it stays
   * accurate where the textbook form cancels.
   */
  public static double logMean(double a, double b) {
    if (a < 0 || b < 0 || Double.isNaN(a) || Double.isNaN(b)) {
      throw new IllegalArgumentException("logarithmic mean of negative or NaN: " + a + ", " + b);
    }
    if (a == b) {
      return a;
    }
    if (a == 0 || b == 0) {
      return 0.0;
    }
    double d = a - b;
    double q = a / b;
    if (q > 0.5 && q < 2.0) {
      return d / Math.log1p(d / b); // a − b is exact here (Sterbenz), ln(a/b) = log1p((a−b)/b)
    }
    return d / (Math.log(a) - Math.log(b));
  }

  /**
   * Decomposes the change of the aggregate energy intensity from {@code fromYear} to {@code
   * toYear}. A division missing from one year's map counts as zero energy and zero added value in
   * that year.
   *
   * @param from division → {energy tce, added value yuan} in year 0
   * @param to division → {energy tce, added value yuan} in year T
   */
  public static Decomposition decompose(
      int fromYear, Map<String, double[]> from, int toYear, Map<String, double[]> to) {
    TreeSet<String> codes = new TreeSet<>(from.keySet());
    codes.addAll(to.keySet());
    List<String> included = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    double e0 = 0;
    double y0 = 0;
    double eT = 0;
    double yT = 0;
    for (String code : codes) {
      double[] a = values(from, code);
      double[] b = values(to, code);
      String invalid = notFinite(code, fromYear, a);
      if (invalid == null) {
        invalid = notFinite(code, toYear, b);
      }
      if (invalid == null
          && (a[ADDED_VALUE_YUAN] > 0 || b[ADDED_VALUE_YUAN] > 0)
          && (a[ADDED_VALUE_YUAN] < 0 || b[ADDED_VALUE_YUAN] < 0)) {
        invalid = negative(code, a[ADDED_VALUE_YUAN] < 0 ? fromYear : toYear, "added value");
      }
      if (invalid != null) {
        notes.add(invalid);
        return new Decomposition(
            fromYear, toYear, false, null, null, null, null, null, null, null, null, List.of(),
            List.of(), notes);
      }
      boolean noValue = !(a[ADDED_VALUE_YUAN] > 0) && !(b[ADDED_VALUE_YUAN] > 0);
      boolean energyWithoutValue =
          a[ADDED_VALUE_YUAN] == 0
              && b[ADDED_VALUE_YUAN] == 0
              && (a[ENERGY_TCE] != 0 || b[ENERGY_TCE] != 0);
      if (noValue && !energyWithoutValue) {
        skipped.add(code);
        if (a[ENERGY_TCE] != 0 || b[ENERGY_TCE] != 0) {
          notes.add(
              "division "
                  + code
                  + " has negative and no positive added value in "
                  + fromYear
                  + " and "
                  + toYear
                  + ": left out of the decomposition and of both intensities, with its energy");
        }
        continue;
      }
      if (a[ENERGY_TCE] < 0 || b[ENERGY_TCE] < 0) {
        invalid = negative(code, a[ENERGY_TCE] < 0 ? fromYear : toYear, "energy");
        notes.add(invalid);
        return new Decomposition(
            fromYear, toYear, false, null, null, null, null, null, null, null, null, List.of(),
            List.of(), notes);
      }
      included.add(code);
      e0 += a[ENERGY_TCE];
      y0 += a[ADDED_VALUE_YUAN];
      eT += b[ENERGY_TCE];
      yT += b[ADDED_VALUE_YUAN];
    }
    Double i0 = intensity(e0, y0);
    Double iT = intensity(eT, yT);
    if (i0 == null || iT == null) {
      if (i0 == null) {
        notes.add("no added value in " + fromYear + ": intensity undefined");
      }
      if (iT == null) {
        notes.add("no added value in " + toYear + ": intensity undefined");
      }
      return new Decomposition(
          fromYear, toYear, false, i0, iT, null, null, null, null, null, null, List.of(), skipped,
          notes);
    }
    boolean multiplicative = i0 > 0 && iT > 0;
    if (!multiplicative) {
      notes.add(
          "no energy in "
              + (i0 == 0 && iT == 0 ? fromYear + " and " + toYear : i0 == 0 ? fromYear : toYear)
              + ": the ratios (multiplicative form) are undefined");
    }
    double lAggregate = multiplicative ? logMean(iT, i0) : Double.NaN;
    double y0k = y0 / YUAN_PER_10K;
    double yTk = yT / YUAN_PER_10K;
    List<DivisionContribution> terms = new ArrayList<>();
    double structure = 0;
    double intensity = 0;
    double lnStructure = 0;
    double lnIntensity = 0;
    for (String code : included) {
      double[] a = values(from, code);
      double[] b = values(to, code);
      double ea = a[ENERGY_TCE];
      double ya = a[ADDED_VALUE_YUAN];
      double eb = b[ENERGY_TCE];
      double yb = b[ADDED_VALUE_YUAN];
      double v0 = ea / y0k;
      double vT = eb / yTk;
      Rule rule;
      double str = 0;
      double itn = 0;
      if (ya > 0 && yb > 0) {
        if (ea > 0 && eb > 0) {
          rule = Rule.REGULAR;
          double l = logMean(vT, v0);
          str = l * Math.log((yb / yT) / (ya / y0));
          itn = l * Math.log((eb / yb) / (ea / ya));
        } else if (eb > 0) {
          rule = Rule.ENERGY_APPEARS; // L(V^T, δ)·ln(I^T/δ') → V^T; L(V^T, δ)·ln(S ratio) → 0
          itn = vT - v0;
        } else if (ea > 0) {
          rule = Rule.ENERGY_DISAPPEARS;
          itn = vT - v0;
        } else {
          rule = Rule.NO_ENERGY;
        }
      } else if (!(ya > 0) && !(yb > 0)) {
        rule = Rule.ENERGY_WITHOUT_VALUE;
        itn = vT - v0;
        notes.add(
            "division "
                + code
                + " reports energy but no added value in "
                + fromYear
                + " and "
                + toYear
                + ": its whole change is counted as intensity by convention");
      } else if (yb > 0) {
        rule = Rule.DIVISION_APPEARS;
        str = vT - v0;
        if (ea > 0) {
          notes.add(energyWithoutValue(code, fromYear));
        }
      } else {
        rule = Rule.DIVISION_DISAPPEARS;
        str = vT - v0;
        if (eb > 0) {
          notes.add(energyWithoutValue(code, toYear));
        }
      }
      Double weight = multiplicative ? logMean(vT, v0) / lAggregate : null;
      Double strLog = multiplicative ? str / lAggregate : null;
      Double itnLog = multiplicative ? itn / lAggregate : null;
      terms.add(new DivisionContribution(code, rule, v0, vT, weight, str, itn, strLog, itnLog));
      structure += str;
      intensity += itn;
      if (multiplicative) {
        lnStructure += strLog;
        lnIntensity += itnLog;
      }
    }
    return new Decomposition(
        fromYear,
        toYear,
        false,
        i0,
        iT,
        i0 > 0 ? iT / i0 : null,
        multiplicative ? Math.exp(lnStructure) : null,
        multiplicative ? Math.exp(lnIntensity) : null,
        iT - i0,
        structure,
        intensity,
        terms,
        skipped,
        notes);
  }

  /**
   * Chains yearly (or any consecutive) decompositions over a run of years: the multiplicative
   * factors multiply (D = Π_t D_t), the additive changes add (ΔI = Σ_t ΔI_t), and so do each
   * division's terms (DOMAIN §5.3, "chain-linked"). The identities hold for the chain because they
   * hold for every link. A chain differs slightly from a direct decomposition between its first and
   * last years (Ang 2015).
   *
   * @param links decompositions where each one's {@code fromYear} is the previous one's {@code
   *     toYear}
   * @return the chained result ({@code chained = true}); a single link is returned as it is. A
   *     value is null when it is null in any link.
   * @throws IllegalArgumentException when {@code links} is empty or not consecutive
   */
  public static Decomposition chain(List<Decomposition> links) {
    if (links.isEmpty()) {
      throw new IllegalArgumentException("nothing to chain");
    }
    for (int k = 1; k < links.size(); k++) {
      if (links.get(k).fromYear() != links.get(k - 1).toYear()) {
        throw new IllegalArgumentException(
            "links are not consecutive: "
                + span(links.get(k - 1))
                + " is followed by "
                + span(links.get(k)));
      }
    }
    if (links.size() == 1) {
      return links.get(0);
    }
    boolean additive = links.stream().allMatch(Decomposition::additiveDefined);
    boolean multiplicative = links.stream().allMatch(Decomposition::multiplicativeDefined);
    boolean ratio = links.stream().allMatch(d -> d.totalRatio() != null);
    double totalRatio = 1;
    double structureRatio = 1;
    double intensityRatio = 1;
    double totalChange = 0;
    double structureChange = 0;
    double intensityChange = 0;
    TreeSet<String> skipped = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    SortedMap<String, double[]> sums = new TreeMap<>(); // vFrom, vTo, str, itn, lnStr, lnItn
    Decomposition first = links.get(0);
    Decomposition last = links.get(links.size() - 1);
    for (int k = 0; k < links.size(); k++) {
      Decomposition d = links.get(k);
      if (ratio) {
        totalRatio *= d.totalRatio();
      }
      if (multiplicative) {
        structureRatio *= d.structureRatio();
        intensityRatio *= d.intensityRatio();
      }
      if (additive) {
        totalChange += d.totalChange();
        structureChange += d.structureChange();
        intensityChange += d.intensityChange();
      }
      skipped.addAll(d.skippedDivisions());
      for (String n : d.notes()) {
        notes.add(span(d) + ": " + n);
      }
      if (!d.additiveDefined()) {
        notes.add(
            span(d) + " is undefined, so is the chain " + first.fromYear() + "→" + last.toYear());
      }
      if (k > 0) {
        Double before = links.get(k - 1).intensityTo();
        Double after = d.intensityFrom();
        if (before != null
            && after != null
            && Math.abs(before - after) > 1e-12 * Math.max(Math.abs(before), Math.abs(after))) {
          notes.add(
              "the intensity of "
                  + d.fromYear()
                  + " differs between the links "
                  + span(links.get(k - 1))
                  + " and "
                  + span(d)
                  + " because different divisions were skipped");
        }
      }
      for (DivisionContribution c : d.contributions()) {
        double[] s = sums.computeIfAbsent(c.division(), x -> new double[6]);
        if (d == first) {
          s[0] = c.vFrom();
        }
        if (d == last) {
          s[1] = c.vTo();
        }
        s[2] += c.structureChange();
        s[3] += c.intensityChange();
        if (multiplicative) {
          s[4] += c.structureLogTerm();
          s[5] += c.intensityLogTerm();
        }
      }
    }
    List<DivisionContribution> terms = new ArrayList<>();
    if (additive) {
      for (Map.Entry<String, double[]> e : sums.entrySet()) {
        double[] s = e.getValue();
        terms.add(
            new DivisionContribution(
                e.getKey(),
                Rule.CHAINED,
                s[0],
                s[1],
                null,
                s[2],
                s[3],
                multiplicative ? s[4] : null,
                multiplicative ? s[5] : null));
      }
    }
    return new Decomposition(
        first.fromYear(),
        last.toYear(),
        true,
        first.intensityFrom(),
        last.intensityTo(),
        ratio ? totalRatio : null,
        multiplicative ? structureRatio : null,
        multiplicative ? intensityRatio : null,
        additive ? totalChange : null,
        additive ? structureChange : null,
        additive ? intensityChange : null,
        terms,
        List.copyOf(skipped),
        notes);
  }

  /**
   * All decompositions of a series of years, without a base year; see {@link #series(Map, int)}.
   */
  public static List<Decomposition> series(Map<Integer, Map<String, double[]>> divisionTotals) {
    return series(divisionTotals, null);
  }

  /**
   * All decompositions of a series of years, in this order:
   *
   * <ol>
   *   <li>direct yearly decompositions (y − 1 → y) for every year y whose previous year is present,
   *       in year order ({@code chained = false});
   *   <li>chained decompositions ({@code chained = true}, spanning two years or more), ordered by
   *       from-year then to-year, without duplicates: each plan period of {@link #PLAN_PERIODS}
   *       (2015→2020, 2020→2025), {@code baseYear} → last year, and first year → last year. A
   *       chained span is produced only when every year in it is present.
   * </ol>
   *
   * In the written table, the rows whose {@code to_year − from_year} is greater than one are the
   * chained ones.
   *
   * @param divisionTotals year → division → {energy tce, added value yuan}
   */
  public static List<Decomposition> series(
      Map<Integer, Map<String, double[]>> divisionTotals, int baseYear) {
    return series(divisionTotals, Integer.valueOf(baseYear));
  }

  private static List<Decomposition> series(
      Map<Integer, Map<String, double[]>> divisionTotals, Integer baseYear) {
    TreeMap<Integer, Map<String, double[]>> years = new TreeMap<>(divisionTotals);
    Map<Integer, Decomposition> linkTo = new LinkedHashMap<>();
    for (Map.Entry<Integer, Map<String, double[]>> e : years.entrySet()) {
      int y = e.getKey();
      Map<String, double[]> previous = years.get(y - 1);
      if (previous != null) {
        linkTo.put(y, decompose(y - 1, previous, y, e.getValue()));
      }
    }
    List<Decomposition> out = new ArrayList<>(linkTo.values());
    if (years.isEmpty()) {
      return out;
    }
    TreeSet<Span> spans =
        new TreeSet<>(Comparator.comparingInt(Span::fromYear).thenComparingInt(Span::toYear));
    spans.addAll(PLAN_PERIODS);
    if (baseYear != null) {
      spans.add(new Span("base year to latest", baseYear, years.lastKey()));
    }
    spans.add(new Span("first to last year", years.firstKey(), years.lastKey()));
    for (Span s : spans) {
      if (s.toYear() - s.fromYear() < 2) {
        continue;
      }
      List<Decomposition> links = new ArrayList<>();
      for (int y = s.fromYear() + 1; y <= s.toYear() && linkTo.containsKey(y); y++) {
        links.add(linkTo.get(y));
      }
      if (links.size() == s.toYear() - s.fromYear()) {
        out.add(chain(links));
      }
    }
    return out;
  }

  /**
   * The rows of {@code tables/decomposition} for one price basis: {@link #series(Map)} as rows.
   *
   * @param prices {@link #CURRENT_PRICES} or {@link #CONSTANT_PRICES}
   */
  public static List<DecompositionRow> decompositions(
      Map<Integer, Map<String, double[]>> divisionTotals, String prices) {
    return series(divisionTotals).stream().map(d -> DecompositionRow.of(d, prices)).toList();
  }

  /** As {@link #decompositions(Map, String)}, adding the chained row {@code baseYear} → last. */
  public static List<DecompositionRow> decompositions(
      Map<Integer, Map<String, double[]>> divisionTotals, String prices, int baseYear) {
    return series(divisionTotals, baseYear).stream()
        .map(d -> DecompositionRow.of(d, prices))
        .toList();
  }

  /**
   * Division totals at current prices from the division rows of {@code industry_year}: year →
   * division → {energy tce, added value yuan}. Rows of other levels are ignored.
   */
  public static Map<Integer, Map<String, double[]>> divisionTotals(List<IndustryYear> rows) {
    Map<Integer, Map<String, double[]>> out = new TreeMap<>();
    for (IndustryYear r : rows) {
      if (r.level() == GroupLevel.DIVISION) {
        out.computeIfAbsent(r.year(), y -> new TreeMap<>())
            .put(r.code(), new double[] {r.totals().energyTce(), r.totals().addedValueYuan()});
      }
    }
    return out;
  }

  private static double[] values(Map<String, double[]> year, String code) {
    double[] v = year.get(code);
    if (v == null) {
      return new double[2];
    }
    if (v.length != 2) {
      throw new IllegalArgumentException(
          "division " + code + ": expected {energy_tce, added_value_yuan}, got " + v.length);
    }
    return v;
  }

  private static String notFinite(String code, int year, double[] v) {
    if (!Double.isFinite(v[ENERGY_TCE]) || !Double.isFinite(v[ADDED_VALUE_YUAN])) {
      return String.format(
          Locale.ROOT,
          "division %s, %d: energy %s tce, added value %s yuan; LMDI needs finite values",
          code,
          year,
          v[ENERGY_TCE],
          v[ADDED_VALUE_YUAN]);
    }
    return null;
  }

  private static String negative(String code, int year, String what) {
    return "division "
        + code
        + ", "
        + year
        + ": negative "
        + what
        + "; LMDI needs non-negative values (DOMAIN §5.4)";
  }

  private static Double intensity(double energyTce, double addedValueYuan) {
    if (!(addedValueYuan > 0) || !Double.isFinite(addedValueYuan) || !Double.isFinite(energyTce)) {
      return null;
    }
    double i = energyTce / (addedValueYuan / YUAN_PER_10K);
    return Double.isFinite(i) ? i : null;
  }

  private static String energyWithoutValue(String code, int year) {
    return "division "
        + code
        + " reports energy but no added value in "
        + year
        + ": its share and intensity are undefined there, and its whole change is counted as"
        + " structure by convention";
  }

  private static String span(Decomposition d) {
    return d.fromYear() + "→" + d.toYear();
  }
}
