package io.greenstat.ingest;

/** What became of an input row; every row has exactly one fate (the {@code fate} column). */
public enum RowFate {
  QUARANTINED("quarantined"),
  DUPLICATE("duplicate"),
  /** Valid and unique: the scope step decides between the three fates below. */
  KEPT("kept"),
  OUT_OF_SCOPE("out_of_scope"),
  BELOW_THRESHOLD("below_threshold"),
  AGGREGATED("aggregated");

  private final String code;

  RowFate(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static RowFate of(String code) {
    for (RowFate f : values()) {
      if (f.code.equals(code)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown row fate " + code);
  }
}
