package io.greenstat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a small RFC 4180 CSV file with a header into header-keyed rows (tests only). */
public final class CsvRead {
  private CsvRead() {}

  public static List<Map<String, String>> read(Path file) throws IOException {
    List<List<String>> records = parse(Files.readString(file));
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> rec : records.subList(1, records.size())) {
      if (rec.size() != header.size()) {
        throw new IllegalStateException("ragged CSV row: " + rec);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), rec.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  static List<List<String>> parse(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> rec = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        rec.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        rec.add(cell.toString());
        cell.setLength(0);
        out.add(rec);
        rec = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !rec.isEmpty()) {
      rec.add(cell.toString());
      out.add(rec);
    }
    return out;
  }
}
