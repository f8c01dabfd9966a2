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
