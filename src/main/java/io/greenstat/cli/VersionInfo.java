package io.greenstat.cli;

/** The program version, from the jar manifest (or "dev" when run from classes). */
public final class VersionInfo {
  private VersionInfo() {}

  public static String version() {
    String v = VersionInfo.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
