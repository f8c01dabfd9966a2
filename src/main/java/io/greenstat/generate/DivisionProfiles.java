package io.greenstat.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The planted per-division parameters of the synthetic panel, in one table.
 *
 * <p>The figures are plausibility values for synthetic data only (DOMAIN §3.2 orders of magnitude,
 * UNVERIFIED as statistics): they are calibrated so that, among above-size firms, the six
 * energy-intensive divisions (25, 26, 30, 31, 32, 44) use about 85–90% of the energy and produce
 * about 30% of the added value. Energy and water intensities are at the panel's first year and fall
 * by the planted annual rates.
 */
public final class DivisionProfiles {
  private DivisionProfiles() {}

  /**
   * One division's planted parameters.
   *
   * @param code 2-digit GB/T 4754-2017 division
   * @param firmSharePct share of in-scope firms, percent (the table sums to 100)
   * @param sizeShift shift of the firm's log revenue (log points; 1.0 = e times larger firms)
   * @param vaRatio mean added value / revenue
   * @param energyIntensity tce per 10 000 yuan of added value in the first year
   * @param energyRate annual change of energy intensity (-0.03 = 3% lower each year)
   * @param waterIntensity m³ per 10 000 yuan of added value in the first year
   * @param waterRate annual change of water intensity
   * @param co2PerTce tonnes of CO2 per tce (higher where purchased electricity dominates)
   */
  public record Profile(
      String code,
      double firmSharePct,
      double sizeShift,
      double vaRatio,
      double energyIntensity,
      double energyRate,
      double waterIntensity,
      double waterRate,
      double co2PerTce) {}

  /**
   * Divisions 06–46 in code order, then the profile {@code --} that every out-of-scope firm
   * (divisions 01–05, 47–97) gets. Columns as in {@link Profile}: firm share in percent, size shift
   * in log points, VA/revenue, energy intensity (tce per 10 000 yuan VA) and its annual rate, water
   * intensity (m³ per 10 000 yuan VA) and its annual rate, tonnes of CO2 per tce.
   */
  private static final String TABLE =
      """
      code   firm%  size  VA/rev  tce/10k  e-rate  m3/10k  w-rate tCO2/tce
      06      1.20   0.9    0.40    0.750  -0.030    40.0  -0.050      2.6
      07      0.10   1.6    0.45    0.600  -0.020    30.0  -0.040      2.3
      08      0.50   0.3    0.35    0.675  -0.035    50.0  -0.060      3.2
      09      0.40   0.3    0.35    0.450  -0.030    50.0  -0.055      3.2
      10      0.90   0.0    0.32    0.600  -0.040    40.0  -0.050      3.0
      11      0.10   0.5    0.35    0.300  -0.025    15.0  -0.040      2.6
      12      0.07   0.0    0.30    0.450  -0.020    30.0  -0.040      3.0
      13      5.80   0.1    0.20    0.225  -0.035    40.0  -0.060      3.4
      14      2.10   0.0    0.28    0.262  -0.030    30.0  -0.055      3.3
      15      1.40   0.3    0.32    0.225  -0.035    45.0  -0.065      3.2
      16      0.03   2.0    0.70    0.038  -0.020     3.0  -0.030      3.8
      17      4.80   0.0    0.22    0.413  -0.045    70.0  -0.070      3.6
      18      3.40  -0.2    0.25    0.075  -0.030     8.0  -0.040      4.2
      19      2.10  -0.1    0.25    0.068  -0.030    10.0  -0.045      4.1
      20      2.30  -0.3    0.25    0.338  -0.040    15.0  -0.050      3.5
      21      1.60  -0.2    0.25    0.075  -0.030     5.0  -0.040      4.1
      22      1.80   0.2    0.24    0.825  -0.050   150.0  -0.080      3.0
      23      1.40  -0.3    0.28    0.112  -0.030     6.0  -0.040      4.2
      24      2.30  -0.2    0.24    0.075  -0.030     5.0  -0.040      4.2
      25      0.60   1.3    0.18    4.000  -0.020    40.0  -0.045      2.2
      26      6.30   0.4    0.24    3.200  -0.045    60.0  -0.075      2.4
      27      2.10   0.4    0.35    0.188  -0.035    25.0  -0.060      3.6
      28      0.50   0.8    0.18    0.675  -0.040    40.0  -0.060      3.0
      29      4.60  -0.1    0.24    0.262  -0.035     8.0  -0.045      4.0
      30      9.50   0.0    0.27    3.000  -0.040    15.0  -0.060      2.8
      31      1.20   1.4    0.20    4.800  -0.025    30.0  -0.070      2.9
      32      1.80   1.0    0.16    2.600  -0.030    30.0  -0.065      3.5
      33      6.80  -0.2    0.23    0.225  -0.035     8.0  -0.050      3.8
      34      6.70  -0.1    0.26    0.098  -0.040     4.0  -0.050      4.1
      35      4.70   0.0    0.27    0.090  -0.045     4.0  -0.055      4.1
      36      3.90   0.9    0.22    0.075  -0.040     4.0  -0.055      4.0
      37      1.30   0.5    0.24    0.090  -0.035     5.0  -0.050      4.0
      38      7.00   0.2    0.22    0.068  -0.050     4.0  -0.060      4.2
      39      5.00   1.0    0.18    0.053  -0.060     6.0  -0.065      4.4
      40      1.30   0.0    0.30    0.045  -0.045     3.0  -0.050      4.3
      41      0.40  -0.3    0.25    0.225  -0.030    10.0  -0.040      3.8
      42      0.50   0.0    0.20    0.300  -0.020    15.0  -0.030      3.5
      43      0.30   0.0    0.30    0.090  -0.030     6.0  -0.040      4.0
      44      2.00   0.9    0.35    3.600  -0.030   300.0  -0.055      2.7
      45      0.60   0.6    0.25    0.375  -0.025    10.0  -0.040      2.1
      46      0.60   0.0    0.40    0.338  -0.020   250.0  -0.035      4.3
      --      0.00   0.0    0.25    0.150  -0.030    10.0  -0.040      3.0
      """;

  /** Divisions 06–46 in code order. */
  public static final List<Profile> INDUSTRIAL;

  /** The parameters every out-of-scope firm gets. */
  public static final Profile OUT_OF_SCOPE;

  static {
    List<Profile> rows = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] c = line.trim().split("\\s+");
      if (c[0].equals("code")) {
        continue;
      }
      rows.add(
          new Profile(
              c[0],
              Double.parseDouble(c[1]),
              Double.parseDouble(c[2]),
              Double.parseDouble(c[3]),
              Double.parseDouble(c[4]),
              Double.parseDouble(c[5]),
              Double.parseDouble(c[6]),
              Double.parseDouble(c[7]),
              Double.parseDouble(c[8])));
    }
    OUT_OF_SCOPE = rows.remove(rows.size() - 1);
    INDUSTRIAL = List.copyOf(rows);
  }

  /** Divisions outside industry (sections A, E–T) that out-of-scope firms are drawn from. */
  public static final List<String> OUT_OF_SCOPE_CODES =
      List.of(
          "01", "02", "03", "04", "05", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56",
          "57", "58", "59", "60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71",
          "72", "73", "74", "75", "76", "77", "78", "79", "80", "81", "82", "83", "84", "85", "86",
          "87", "88", "89", "90", "91", "92", "93", "94", "95", "96", "97");
}
