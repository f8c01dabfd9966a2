package io.greenstat.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** GB/T 2260 province-level codes from {@code conf/provinces.csv}. */
public final class ProvinceCatalog {
  private final Map<String, String> names;

  private ProvinceCatalog(Map<String, String> names) {
    this.names = Collections.unmodifiableMap(names);
  }

  public static ProvinceCatalog load() {
    Map<String, String> names = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceTable.load("provinces.csv")) {
      names.put(row.get("code"), row.get("name_en"));
    }
    return new ProvinceCatalog(names);
  }

  /** The valid 2-digit codes, in file order. */
  public Set<String> codes() {
    return names.keySet();
  }

  public String name(String code) {
    return names.getOrDefault(code, code);
  }
}
