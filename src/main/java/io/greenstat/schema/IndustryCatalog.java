package io.greenstat.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * GB/T 4754-2017 industrial divisions 06–46 and sections B, C, D, from {@code conf/industries.csv}
 * and {@code conf/sections.csv}; plus the names of the two composite groups.
 *
 * <p>Divisions 01–97 all exist in GB/T 4754-2017 (sections A–T cover them without gaps), so any
 * 2-digit code in that range is a real division; only 06–46 carry names here because only industry
 * is reported.
 */
public final class IndustryCatalog {
  public static final String EI6 = "EI6";
  public static final String ALL = "ALL";
  public static final String EI6_NAME = "Six energy-intensive industries";
  public static final String ALL_NAME = "All industry above designated size";

  /** A division row of {@code conf/industries.csv}. */
  public record Division(String code, String section, String nameEn, boolean energyIntensive) {}

  private final Map<String, Division> divisions;
  private final Map<String, String> sectionNames;

  private IndustryCatalog(Map<String, Division> divisions, Map<String, String> sectionNames) {
    this.divisions = Collections.unmodifiableMap(divisions);
    this.sectionNames = Collections.unmodifiableMap(sectionNames);
  }

  /** Loads the catalogue shipped in the jar. */
  public static IndustryCatalog load() {
    Map<String, Division> divisions = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceTable.load("industries.csv")) {
      divisions.put(
          row.get("code"),
          new Division(
              row.get("code"),
              row.get("section"),
              row.get("name_en"),
              Boolean.parseBoolean(row.get("energy_intensive"))));
    }
    Map<String, String> sections = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceTable.load("sections.csv")) {
      sections.put(row.get("code"), row.get("name_en"));
    }
    return new IndustryCatalog(divisions, sections);
  }

  /** True for a 2-digit code that is a GB/T 4754-2017 division (01–97). */
  public static boolean isDivision(String twoDigits) {
    if (twoDigits == null || !twoDigits.matches("[0-9]{2}")) {
      return false;
    }
    int d = Integer.parseInt(twoDigits);
    return d >= 1 && d <= 97;
  }

  public Optional<Division> division(String code) {
    return Optional.ofNullable(divisions.get(code));
  }

  public List<Division> divisions() {
    return List.copyOf(divisions.values());
  }

  /** Section codes in order (B, C, D). */
  public List<String> sections() {
    return List.copyOf(sectionNames.keySet());
  }

  public String sectionName(String section) {
    return sectionNames.getOrDefault(section, section);
  }

  /** The NBS EI6 divisions as flagged in the catalogue (the default of the EI6 setting). */
  public SortedSet<String> energyIntensiveDivisions() {
    SortedSet<String> out = new TreeSet<>();
    divisions.values().stream().filter(Division::energyIntensive).forEach(d -> out.add(d.code()));
    return out;
  }

  /** English name of a group code (division, section, EI6 or ALL). */
  public String name(String groupCode) {
    if (EI6.equals(groupCode)) {
      return EI6_NAME;
    }
    if (ALL.equals(groupCode)) {
      return ALL_NAME;
    }
    Division d = divisions.get(groupCode);
    if (d != null) {
      return d.nameEn();
    }
    return sectionNames.getOrDefault(groupCode, groupCode);
  }
}
