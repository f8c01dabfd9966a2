package io.greenstat.publish;

import io.greenstat.config.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses output locations that a run must never replace: the file-system root, the home directory,
 * the input itself, or a directory inside the input (or the input inside it). Local paths are
 * compared after resolving symbolic links, so a link cannot smuggle the output into the input.
 */
public final class OutputGuard {
  private OutputGuard() {}

  /** Checks the paths as text, before Spark starts; the existing-content check runs later. */
  public static void checkPaths(String input, String output) {
    String out = normalise(output);
    String in = normalise(input);
    if (out.isEmpty() || out.equals("/") || out.matches("[a-z0-9]+://[^/]*/?")) {
      throw new ConfigException("refusing to write output to the root '" + output + "'");
    }
    String home = normalise(System.getProperty("user.home", "/nonexistent-home"));
    if (out.equals(home)) {
      throw new ConfigException("refusing to write output to the home directory '" + output + "'");
    }
    if (out.equals(in) || out.startsWith(in + "/") || in.startsWith(out + "/")) {
      throw new ConfigException(
          "output '" + output + "' overlaps input '" + input + "'; choose a separate directory");
    }
  }

  /** An absolute, normalised path (or URI) without a trailing slash; file: URIs become paths. */
  static String normalise(String path) {
    String p = path.trim();
    if (p.startsWith("file:")) {
      p = Path.of(URI.create(p.replace("file:///", "file:/"))).toString();
    }
    if (!p.contains("://")) {
      p = realPath(Path.of(p).toAbsolutePath().normalize()).toString();
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** The path with symbolic links resolved in its longest existing ancestor. */
  private static Path realPath(Path absolute) {
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException | SecurityException e) {
      return absolute;
    }
  }
}
