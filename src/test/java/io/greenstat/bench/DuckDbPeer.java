package io.greenstat.bench;

import io.greenstat.CsvRead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The peer of {@code jobs/bench}: the contract's {@code industry_year} table (CONTRACT §2–3, README
 * "Quarantine reasons") written as one DuckDB SQL statement over the same Parquet files, then
 * compared cell by cell with the table greenstat wrote. A mismatch exits 1: the bench is then a
 * failed differential test, not a timing.
 *
 * <p>Independent of the pipeline's code on purpose (only the test helper {@link CsvRead} is
 * shared): validation in the documented order of reasons, duplicates by one {@code GROUP BY
 * (firm_id, year)} over the valid rows (all values equal: one row kept; otherwise all rows are
 * {@code conflicting_duplicate}), scope 06–46, {@code revenue_yuan >= 20 000 000}, sums per
 * division × year, roll-up to sections, EI6 and ALL, intensities as ratios of sums and year-on-year
 * change. The same-sample columns are not checked.
 *
 * <p>Usage: {@code DuckDbPeer INPUT INDUSTRY_YEAR_CSV PROVINCES_CSV [THREADS]}. Prints {@code BENCH
 * duckdb rows=N query_s=S cells=C} on stdout.
 */
public final class DuckDbPeer {
  private DuckDbPeer() {}

  /** Java's {@code Character.isWhitespace}, as an RE2 class (greenstat's "blank"). */
  static final String BLANK =
      "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200A}"
          + "\\x{2028}\\x{2029}\\x{205F}\\x{3000}]*";

  static final List<String> REQUIRED = List.of("rev", "av", "en", "wa");
  static final Map<String, String> NAME =
      Map.of(
          "rev", "revenue_yuan",
          "av", "added_value_yuan",
          "en", "energy_tce",
          "wa", "water_m3",
          "co2", "co2_t");
  static final List<String> NUMERIC = List.of("rev", "av", "en", "wa", "co2");

  static String sql(String input, List<String> provinces) {
    StringBuilder reason = new StringBuilder("CASE\n");
    for (String c : List.of("firm_id")) {
      reason.append(blank(c, "missing_" + c));
    }
    reason.append("  WHEN year IS NULL THEN 'missing_year'\n");
    for (String c : List.of("industry_code", "province_code")) {
      reason.append(blank(c, "missing_" + c));
    }
    for (String c : REQUIRED) {
      reason.append(String.format("  WHEN %s IS NULL THEN 'missing_%s'%n", c, NAME.get(c)));
    }
    for (String c : NUMERIC) {
      reason.append(
          String.format(
              "  WHEN isnan(%1$s) OR isinf(%1$s) THEN 'not_finite_%2$s'%n", c, NAME.get(c)));
    }
    for (String c : NUMERIC) {
      reason.append(String.format("  WHEN %s < 0 THEN 'negative_%s'%n", c, NAME.get(c)));
    }
    reason.append(
        "  WHEN NOT regexp_full_match(industry_code, '[0-9]{2,4}') THEN 'malformed_industry_code'\n");
    reason.append(
        "  WHEN substr(industry_code, 1, 2) = '00' OR substr(industry_code, 1, 2) >= '98'"
            + " THEN 'unknown_industry_code'\n");
    reason.append(
        "  WHEN province_code NOT IN ("
            + provinces.stream().map(p -> "'" + p + "'").collect(Collectors.joining(","))
            + ") THEN 'unknown_province_code'\n");
    reason.append("END");
    String glob = input.replaceAll("/+$", "") + "/**/*.parquet";
    return """
        WITH raw AS (
          SELECT firm_id::VARCHAR AS firm_id, year::INTEGER AS year,
                 industry_code::VARCHAR AS industry_code, province_code::VARCHAR AS province_code,
                 revenue_yuan::DOUBLE AS rev, added_value_yuan::DOUBLE AS av,
                 energy_tce::DOUBLE AS en, water_m3::DOUBLE AS wa, co2_t::DOUBLE AS co2
          FROM read_parquet('%s', hive_partitioning = true, union_by_name = true)
        ),
        valid AS (SELECT * FROM raw WHERE (%s) IS NULL),
        -- one GROUP BY (firm_id, year): all values equal -> one row; otherwise all conflicting
        byKey AS (
          SELECT firm_id, year, count(*) AS n,
                 min(industry_code) AS ic, max(industry_code) AS ic_hi,
                 min(province_code) AS pc, max(province_code) AS pc_hi,
                 min(rev) AS rev, max(rev) AS rev_hi, min(av) AS av, max(av) AS av_hi,
                 min(en) AS en, max(en) AS en_hi, min(wa) AS wa, max(wa) AS wa_hi,
                 min(co2) AS co2, max(co2) AS co2_hi, count(co2) AS n_co2
          FROM valid GROUP BY firm_id, year
        ),
        firmYear AS (
          -- CO2 not reported is derived from energy at the default factor
          -- (spark.greenstat.co2.derivedTPerTce = 2.66); reported counts apart
          SELECT substr(ic, 1, 2) AS division, year, rev, av, en, wa,
                 coalesce(co2, en * 2.66) AS co2, co2 AS co2_reported
          FROM byKey
          WHERE ic = ic_hi AND pc = pc_hi AND rev = rev_hi AND av = av_hi AND en = en_hi
            AND wa = wa_hi AND (n_co2 = 0 OR (n_co2 = n AND co2 = co2_hi))
        ),
        -- small (divisions x years) and used four times: computed once
        div AS MATERIALIZED (
          SELECT division, year, count(*) AS firms, sum(rev) AS rev, sum(av) AS av,
                 sum(en) AS en, sum(wa) AS wa, coalesce(sum(co2), 0) AS co2,
                 coalesce(sum(av) FILTER (WHERE co2 IS NOT NULL), 0) AS co2_av,
                 count(co2_reported) AS co2_firms
          FROM firmYear
          WHERE division BETWEEN '06' AND '46' AND rev >= 20000000
          GROUP BY division, year
        ),
        grp AS (
          SELECT 'division' AS lvl, division AS code, year, firms, rev, av, en, wa, co2, co2_av, co2_firms
          FROM div
          UNION ALL
          SELECT 'section', CASE WHEN division <= '12' THEN 'B' WHEN division <= '43' THEN 'C'
                                 ELSE 'D' END AS code, year,
                 sum(firms), sum(rev), sum(av), sum(en), sum(wa), sum(co2), sum(co2_av), sum(co2_firms)
          FROM div GROUP BY 2, year
          UNION ALL
          SELECT 'ei6', 'EI6', year, sum(firms), sum(rev), sum(av), sum(en), sum(wa), sum(co2),
                 sum(co2_av), sum(co2_firms)
          FROM div WHERE division IN ('25', '26', '30', '31', '32', '44') GROUP BY year
          UNION ALL
          SELECT 'all', 'ALL', year, sum(firms), sum(rev), sum(av), sum(en), sum(wa), sum(co2),
                 sum(co2_av), sum(co2_firms)
          FROM div GROUP BY year
        ),
        intensity AS (
          SELECT *, en / nullif(av / 10000, 0) AS ei, wa / nullif(av / 10000, 0) AS wi,
                 co2 / nullif(co2_av / 10000, 0) AS ci
          FROM grp
        )
        SELECT i.code AS industry_code, i.year, i.firms, i.rev AS revenue_yuan,
               i.av AS added_value_yuan, i.en AS energy_tce, i.wa AS water_m3, i.co2 AS co2_t,
               i.co2_firms AS co2_firms_reporting,
               i.ei AS energy_intensity_tce_per_10k_yuan, i.wi AS water_intensity_m3_per_10k_yuan,
               i.ci AS co2_intensity_t_per_10k_yuan,
               (i.ei / nullif(p.ei, 0) - 1) * 100 AS energy_intensity_yoy_pct,
               (i.wi / nullif(p.wi, 0) - 1) * 100 AS water_intensity_yoy_pct,
               (i.ci / nullif(p.ci, 0) - 1) * 100 AS co2_intensity_yoy_pct
        FROM intensity i
        LEFT JOIN intensity p ON p.code = i.code AND p.year = i.year - 1
        ORDER BY i.lvl, i.code, i.year
        """
        .formatted(glob, reason);
  }

  private static String blank(String column, String code) {
    return String.format(
        "  WHEN %1$s IS NULL OR regexp_full_match(%1$s, '%2$s') THEN '%3$s'%n",
        column, BLANK, code);
  }

  /** Integer columns compared exactly; the others as doubles to {@link #RELATIVE}. */
  static final List<String> COUNTS = List.of("firms", "co2_firms_reporting");

  static final double RELATIVE = 1e-9;

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: DuckDbPeer INPUT INDUSTRY_YEAR_CSV PROVINCES_CSV [THREADS]");
      System.exit(2);
    }
    String input = args[0];
    Path csv = Path.of(args[1]);
    List<String> provinces = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of(args[2]));
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        provinces.add(line.split(",", -1)[0].trim());
      }
    }
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;

    long t0 = System.nanoTime();
    List<Map<String, String>> duck = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    Class.forName("org.duckdb.DuckDBDriver");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET preserve_insertion_order = false");
      try (ResultSet rs = s.executeQuery(sql(input, provinces))) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnLabel(i));
        }
        while (rs.next()) {
          Map<String, String> row = new HashMap<>();
          for (int i = 1; i <= columns.size(); i++) {
            Object v = rs.getObject(i);
            row.put(columns.get(i - 1), v == null ? "" : v.toString());
          }
          duck.add(row);
        }
      }
    }
    long t1 = System.nanoTime();

    List<String> mismatches = compare(duck, CsvRead.read(csv), columns);
    long cells = (long) duck.size() * (columns.size() - 2);
    System.out.printf(
        Locale.ROOT,
        "BENCH duckdb rows=%d query_s=%.3f cells=%d mismatches=%d%n",
        duck.size(),
        (t1 - t0) / 1e9,
        cells,
        mismatches.size());
    if (!mismatches.isEmpty()) {
      System.err.println(
          "bench: DuckDB and greenstat disagree on "
              + mismatches.size()
              + " cell(s) of industry_year; first ones:");
      mismatches.stream().limit(20).forEach(m -> System.err.println("  " + m));
      System.exit(1);
    }
  }

  /** Every cell of both tables, keyed by (industry_code, year); nulls must match too. */
  static List<String> compare(
      List<Map<String, String>> duck, List<Map<String, String>> greenstat, List<String> columns) {
    Map<String, Map<String, String>> a = byKey(duck);
    Map<String, Map<String, String>> b = byKey(greenstat);
    List<String> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      Map<String, String> x = a.get(k);
      Map<String, String> y = b.get(k);
      if (x == null || y == null) {
        out.add(k + ": only in " + (x == null ? "greenstat" : "DuckDB"));
        continue;
      }
      for (String col : columns) {
        if (col.equals("industry_code") || col.equals("year")) {
          continue;
        }
        String u = x.get(col);
        String v = y.get(col);
        if (v == null) {
          out.add(k + " " + col + ": no such column in greenstat's table");
        } else if (!same(col, u, v)) {
          out.add(k + " " + col + ": DuckDB " + u + ", greenstat " + v);
        }
      }
    }
    return out;
  }

  static boolean same(String column, String duck, String greenstat) {
    if (duck.isEmpty() || greenstat.isEmpty()) {
      return duck.isEmpty() && greenstat.isEmpty();
    }
    if (COUNTS.contains(column)) {
      return Long.parseLong(duck) == Long.parseLong(greenstat);
    }
    double u = Double.parseDouble(duck);
    double v = Double.parseDouble(greenstat);
    if (!Double.isFinite(u)) {
      return false; // greenstat never writes a non-finite number; an empty cell is null
    }
    double scale = Math.max(Math.abs(u), Math.abs(v));
    // Year-on-year percentages near zero lose relative precision to cancellation in (a/b − 1).
    double floor = column.endsWith("_pct") ? 1e-9 : 0.0;
    return Math.abs(u - v) <= RELATIVE * scale + floor;
  }

  private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows) {
    Map<String, Map<String, String>> m = new HashMap<>();
    for (Map<String, String> r : rows) {
      m.put(r.get("industry_code") + "/" + r.get("year"), r);
    }
    return m;
  }
}
