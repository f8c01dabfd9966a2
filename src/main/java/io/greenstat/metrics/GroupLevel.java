package io.greenstat.metrics;

/** The group levels of {@code industry_year}, in report order. */
public enum GroupLevel {
  ALL("all"),
  SECTION("section"),
  EI6("ei6"),
  DIVISION("division");

  private final String code;

  GroupLevel(String code) {
    this.code = code;
  }

  /** The value written in the {@code group_level} column. */
  public String code() {
    return code;
  }
}
