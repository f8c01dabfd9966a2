package io.greenstat;

import io.greenstat.reference.RawRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random batches of valid and defective firm-year rows for differential tests: every defect class
 * of the contract, exact and conflicting duplicates, class codes, out-of-scope divisions and
 * revenues around the threshold, from a seed.
 */
public final class RandomFirmYears {
  private RandomFirmYears() {}

  private static final String[] PROVINCES = {"11", "13", "31", "32", "44", "51", "65"};
  private static final String[] BAD_CODES = {"3a1", " 31", "31 ", "3", "31101", "99", "0012", "٣١"};

  public static List<RawRow> batch(
      long seed, int firms, int firstYear, int lastYear, double defectRate) {
    Random rnd = new Random(seed);
    List<RawRow> rows = new ArrayList<>();
    for (int f = 0; f < firms; f++) {
      String firmId = String.format("91%016d", f);
      int division =
          rnd.nextDouble() < 0.1 ? pick(rnd, new int[] {1, 5, 47, 51, 72}) : 6 + rnd.nextInt(41);
      String province = PROVINCES[rnd.nextInt(PROVINCES.length)];
      double scale = Math.exp(16.1 + 1.2 * rnd.nextGaussian());
      for (int year = firstYear; year <= lastYear; year++) {
        if (rnd.nextDouble() < 0.1) {
          continue; // firm absent this year
        }
        String code =
            String.format("%02d", division)
                + (rnd.nextBoolean() ? "" : String.format("%02d", rnd.nextInt(100)));
        double revenue = rnd.nextDouble() < 0.05 ? 20_000_000.0 : Math.round(scale * 100) / 100.0;
        scale *= Math.exp(0.05 + 0.1 * rnd.nextGaussian());
        double va = Math.round(revenue * (0.1 + 0.3 * rnd.nextDouble()) * 100) / 100.0;
        if (rnd.nextDouble() < 0.01) {
          va = 0.0;
        }
        double energy = Math.round(va / 1e4 * (0.05 + 2 * rnd.nextDouble()) * 1000) / 1000.0;
        double water = Math.round(va / 1e4 * (1 + 40 * rnd.nextDouble()) * 10) / 10.0;
        Double co2 = rnd.nextDouble() < 0.3 ? null : Math.round(energy * 2.6 * 1000) / 1000.0;
        RawRow row =
            new RawRow(firmId, year, code, province, revenue, va, energy, water, co2, null);
        if (rnd.nextDouble() < defectRate) {
          rows.addAll(defect(rnd, row));
        } else {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /**
   * An adversarial batch of 1 to about 300 rows for property tests: few firms and years, so that
   * (firm_id, year) collide often; valid, out-of-scope and malformed codes (non-ASCII digits,
   * letters, blanks); invalid provinces; revenues at and around the threshold; zeros and {@code
   * -0.0}; every defect class (null, NaN, ±Infinity, negative) in every column; then exact copies
   * of some rows and copies that differ in one number (conflicting duplicates). Same seed, same
   * rows.
   */
  public static List<RawRow> adversarial(long seed) {
    Random rnd = new Random(seed);
    int size = 1 + rnd.nextInt(200);
    // Usually about one row per firm and year; in one batch of five, few firms, so that about half
    // the rows share (firm_id, year) with another.
    int firms = rnd.nextInt(5) == 0 ? 1 + size / 4 : 2 * size;
    double defects = 0.04 * rnd.nextDouble(); // per-value defect probability of this batch
    List<RawRow> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      rows.add(
          new RawRow(
              oneOf(rnd, defects, String.format("91%016d", rnd.nextInt(firms)), BLANK_OR_ODD_IDS),
              rnd.nextDouble() < defects / 2 ? null : 2018 + rnd.nextInt(4),
              industryCode(rnd, defects),
              oneOf(rnd, defects, PROVINCES[rnd.nextInt(PROVINCES.length)], BAD_PROVINCES),
              revenue(rnd, defects),
              amount(rnd, defects, 1e9),
              amount(rnd, defects, 1e6),
              amount(rnd, defects, 1e8),
              co2(rnd, defects),
              null));
    }
    int copies = rnd.nextInt(Math.min(60, size) + 1);
    for (int i = 0; i < copies; i++) {
      rows.add(rows.get(rnd.nextInt(size))); // exact duplicate
    }
    int conflicts = rnd.nextInt(Math.min(20, size) + 1);
    for (int i = 0; i < conflicts; i++) {
      RawRow r = rows.get(rnd.nextInt(size));
      double e = r.energyTce() == null ? 1.0 : r.energyTce();
      rows.add(withNumber(r, 6, e * (0.5 + rnd.nextDouble()) + 1)); // same key, other energy
    }
    return rows;
  }

  private static final String[] BLANK_OR_ODD_IDS = {
    null, "", " ", "\t", "\u3000", "<b>firm</b>", "\u4f01\u4e1a-1"
  };
  private static final String[] GOOD_CODES = {
    "06", "0610", "13", "25", "2511", "26", "31", "311", "3110", "44", "4411", "46"
  };
  private static final String[] OUT_OF_SCOPE_CODES = {"01", "0111", "47", "51", "72", "97"};
  private static final String[] MALFORMED_CODES = {
    "3a1", " 31", "31 ", "3", "31101", "\u0663\u0661", "\uff13\uff11", "", " ", null
  };
  private static final String[] UNKNOWN_CODES = {"00", "98", "99", "0012"};
  private static final String[] BAD_PROVINCES = {
    "99", "1", "110", "\u0661\u0661", "\uff11\uff11", "AB", "1a", "", " ", null
  };
  private static final Double[] DEFECTS = {
    null, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.5, -1e-9
  };

  private static String oneOf(Random rnd, double oddShare, String usual, String[] odd) {
    return rnd.nextDouble() < oddShare ? odd[rnd.nextInt(odd.length)] : usual;
  }

  private static String industryCode(Random rnd, double defects) {
    double p = rnd.nextDouble();
    String[] from =
        p < defects
            ? MALFORMED_CODES
            : p < 2 * defects ? UNKNOWN_CODES : p < 0.15 ? OUT_OF_SCOPE_CODES : GOOD_CODES;
    return from[rnd.nextInt(from.length)];
  }

  private static Double revenue(Random rnd, double defects) {
    double p = rnd.nextDouble();
    if (p < defects) {
      return DEFECTS[rnd.nextInt(DEFECTS.length)];
    }
    if (p < 0.12) {
      return new double[] {20_000_000.0, 19_999_999.99, 20_000_000.01}[rnd.nextInt(3)];
    }
    if (p < 0.15) {
      return rnd.nextBoolean() ? 0.0 : -0.0;
    }
    return Math.round(Math.exp(Math.log(1e6) + rnd.nextDouble() * Math.log(1e4)) * 100) / 100.0;
  }

  private static Double amount(Random rnd, double defects, double max) {
    double p = rnd.nextDouble();
    if (p < defects) {
      return DEFECTS[rnd.nextInt(DEFECTS.length)];
    }
    if (p < 0.05) {
      return rnd.nextBoolean() ? 0.0 : -0.0;
    }
    return Math.round(rnd.nextDouble() * max * 1000) / 1000.0;
  }

  private static Double co2(Random rnd, double defects) {
    double p = rnd.nextDouble();
    if (p < defects) {
      return new Double[] {Double.NaN, -1.0, Double.NEGATIVE_INFINITY}[rnd.nextInt(3)];
    }
    return p < 0.3 ? null : Math.round(rnd.nextDouble() * 1e7 * 1000) / 1000.0;
  }

  /**
   * The rows with unit errors planted in about {@code share} of those with positive numbers, for
   * the plausibility flags: energy in kgce (× 1 000), energy in 10 000 tce (÷ 10 000), added value
   * in 10 000 yuan (÷ 10 000, so both intensities × 10 000) or water in litres (× 1 000). Same
   * seed, same rows; other rows unchanged.
   */
  public static List<RawRow> withUnitErrors(List<RawRow> rows, long seed, double share) {
    Random rnd = new Random(seed);
    List<RawRow> out = new ArrayList<>(rows.size());
    for (RawRow r : rows) {
      boolean positive =
          r.energyTce() != null
              && r.energyTce() > 0
              && r.waterM3() != null
              && r.waterM3() > 0
              && r.addedValueYuan() != null
              && r.addedValueYuan() > 0;
      if (!positive || rnd.nextDouble() >= share) {
        out.add(r);
        continue;
      }
      switch (rnd.nextInt(4)) {
        case 0 -> out.add(withNumber(r, 6, r.energyTce() * 1000));
        case 1 -> out.add(withNumber(r, 6, r.energyTce() / 10_000));
        case 2 -> out.add(withNumber(r, 5, r.addedValueYuan() / 10_000));
        default -> out.add(withNumber(r, 7, r.waterM3() * 1000));
      }
    }
    return out;
  }

  private static int pick(Random rnd, int[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private static List<RawRow> defect(Random rnd, RawRow r) {
    switch (rnd.nextInt(14)) {
      case 0:
        return List.of(with(r, 0, rnd.nextBoolean() ? null : " "));
      case 1:
        return List.of(
            with(r, 2, rnd.nextBoolean() ? null : BAD_CODES[rnd.nextInt(BAD_CODES.length)]));
      case 2:
        return List.of(with(r, 3, rnd.nextBoolean() ? "99" : ""));
      case 3:
        return List.of(withNumber(r, 4 + rnd.nextInt(4), null));
      case 4:
        return List.of(withNumber(r, 4 + rnd.nextInt(5), Double.NaN));
      case 5:
        return List.of(
            withNumber(
                r,
                4 + rnd.nextInt(5),
                rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY));
      case 6:
        return List.of(withNumber(r, 4 + rnd.nextInt(5), -1.5));
      case 7:
      case 8:
        return List.of(r, r); // exact duplicate
      case 9:
        return List.of(r, withNumber(r, 6, r.energyTce() + 1)); // conflicting duplicate
      case 10:
        return List.of(r, r, withNumber(r, 7, r.waterM3() + 1)); // conflict with an exact copy
      case 11:
        return List.of(withNumber(r, 6, 0.0)); // zero energy: valid
      case 12:
        return List.of(withNumber(r, 4, 19_999_999.99)); // just below the threshold
      default:
        return List.of(withNumber(r, 8, null)); // no CO2: valid
    }
  }

  private static RawRow with(RawRow r, int field, String v) {
    return new RawRow(
        field == 0 ? v : r.firmId(),
        r.year(),
        field == 2 ? v : r.industryCode(),
        field == 3 ? v : r.provinceCode(),
        r.revenueYuan(),
        r.addedValueYuan(),
        r.energyTce(),
        r.waterM3(),
        r.co2T(),
        r.sourceFile());
  }

  private static RawRow withNumber(RawRow r, int field, Double v) {
    return new RawRow(
        r.firmId(),
        r.year(),
        r.industryCode(),
        r.provinceCode(),
        field == 4 ? v : r.revenueYuan(),
        field == 5 ? v : r.addedValueYuan(),
        field == 6 ? v : r.energyTce(),
        field == 7 ? v : r.waterM3(),
        field == 8 ? v : r.co2T(),
        r.sourceFile());
  }
}
