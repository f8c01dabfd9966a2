package io.greenstat.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small CSV reference table shipped from {@code conf/} inside the jar (header row, UTF-8, RFC
 * 4180 quoting). Blank lines and lines starting with {@code #} (comments) are skipped. Rows come
 * back as header-keyed maps in file order.
 */
final class ReferenceTable {
  private ReferenceTable() {}

  static List<Map<String, String>> load(String name) {
    String resource = "/io/greenstat/conf/" + name;
    try (InputStream in = ReferenceTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("reference table missing from the jar: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> header = null;
      List<Map<String, String>> rows = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> cells = split(line);
        if (header == null) {
          header = cells;
          continue;
        }
        if (cells.size() != header.size()) {
          throw new IllegalStateException(
              resource
                  + ": expected "
                  + header.size()
                  + " cells, got "
                  + cells.size()
                  + ": "
                  + line);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), cells.get(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits one CSV line; quoted cells may contain commas and doubled quotes. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
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
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
