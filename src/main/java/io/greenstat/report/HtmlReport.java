package io.greenstat.report;

/** Placeholder until the report renderer lands. */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(ReportModel model) {
    return "<!doctype html><title>greenstat</title>\n";
  }
}
