package io.greenstat.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the synthetic firms spread over the 31 mainland provinces (GB/T 2260 codes 11–65; Taiwan 71,
 * Hong Kong 81 and Macao 82 report no firms). Weights are rough shares of above-size industrial
 * firms in percent, uneven on purpose (coastal provinces dominate), for realism only: UNVERIFIED as
 * statistics.
 */
public final class ProvinceWeights {
  private ProvinceWeights() {}

  private static final String TABLE =
      """
      11 0.80   12 1.30   13 3.60   14 1.60   15 0.90
      21 2.00   22 0.70   23 0.90
      31 2.10   32 12.80  33 12.60  34 4.60   35 4.40   36 3.60   37 7.55
      41 5.00   42 4.00   43 4.10   44 14.00  45 1.80   46 0.15
      50 1.80   51 3.80   52 1.10   53 1.10   54 0.05
      61 1.80   62 0.50   63 0.15   64 0.30   65 0.90
      """;

  /** Province code → weight (percent, summing to about 100), in code order. */
  public static final Map<String, Double> WEIGHTS;

  static {
    Map<String, Double> weights = new LinkedHashMap<>();
    List<String> tokens = new ArrayList<>(List.of(TABLE.strip().split("\\s+")));
    for (int i = 0; i < tokens.size(); i += 2) {
      weights.put(tokens.get(i), Double.parseDouble(tokens.get(i + 1)));
    }
    WEIGHTS = Collections.unmodifiableMap(weights);
  }
}
