package io.greenstat.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Renders a small table as RFC 4180 CSV text: header row, comma-separated, {@code \n} line ends,
 * empty cells for nulls. Doubles are written in plain notation with the shortest digits that read
 * back to the same double, so the file is exact and stable across runs.
 */
public final class CsvWriter {
  private CsvWriter() {}

  public static <T> String render(List<TableColumn<T>> columns, List<T> rows) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(cell(columns.get(i).name()));
    }
    sb.append('\n');
    for (T row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(cell(columns.get(i).value().apply(row)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        return "";
      }
      return BigDecimal.valueOf(d).toPlainString();
    }
    String s = value.toString();
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
