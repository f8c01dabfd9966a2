package io.greenstat.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The stable snake_case codes of the plausibility flags (the {@code reason} of {@code
 * tables/flags}, and of {@code quarantine/} in quarantine mode). For each indicator ({@code
 * energy}, {@code water}):
 *
 * <ul>
 *   <li>{@code unit_<indicator>_x1000}, {@code unit_<indicator>_x10000}: the firm's intensity is
 *       about 10³ or 10⁴ times its division-year median (energy in kgce instead of tce, added value
 *       in 10 000 yuan instead of yuan …);
 *   <li>{@code unit_<indicator>_div1000}, {@code unit_<indicator>_div10000}: about 1/10³ or 1/10⁴
 *       of it (energy in 10 000 tce, added value in yuan where 10 000 yuan was meant …);
 *   <li>{@code jump_<indicator>_up}, {@code jump_<indicator>_down}: at least {@code
 *       spark.greenstat.flags.jumpFactor} (10) times, or at most its inverse, the firm's own
 *       intensity of the year before.
 * </ul>
 *
 * A firm-year carries at most one code per indicator: a unit code before a jump code (a unit error
 * also makes a jump; the unit code says why). When a row has codes for both indicators, its single
 * reason (the quarantine reason) is the energy code.
 */
public final class FlagReason {
  private FlagReason() {}

  /** The unit code for a value 10^{@code k} times the median ({@code up}) or 1/10^k of it. */
  public static String unit(Indicator indicator, int k, boolean up) {
    return "unit_" + indicator.code() + (up ? "_x" : "_div") + (k == 3 ? "1000" : "10000");
  }

  /** The jump code: up or down against the firm's previous year. */
  public static String jump(Indicator indicator, boolean up) {
    return "jump_" + indicator.code() + (up ? "_up" : "_down");
  }

  /** Every code, in a fixed order. */
  public static List<String> all() {
    List<String> codes = new ArrayList<>();
    for (Indicator i : Indicator.values()) {
      for (int k = 3; k <= 4; k++) {
        codes.add(unit(i, k, true));
        codes.add(unit(i, k, false));
      }
      codes.add(jump(i, true));
      codes.add(jump(i, false));
    }
    return List.copyOf(codes);
  }

  /** What a code means, in plain words, or null for a code that is not a flag. */
  public static String meaning(String code) {
    for (Indicator i : Indicator.values()) {
      String what = i.code() + " intensity ";
      for (int k = 3; k <= 4; k++) {
        String factor = k == 3 ? "1,000" : "10,000";
        if (code.equals(unit(i, k, true))) {
          return what + "about " + factor + " times its division-year median (a unit error?)";
        }
        if (code.equals(unit(i, k, false))) {
          return what + "about 1/" + factor + " of its division-year median (a unit error?)";
        }
      }
      if (code.equals(jump(i, true))) {
        return what
            + "rose by the jump factor (default 10) or more against the firm's previous year";
      }
      if (code.equals(jump(i, false))) {
        return what
            + "fell by the jump factor (default 10) or more against the firm's previous year";
      }
    }
    return null;
  }
}
