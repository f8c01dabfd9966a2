package io.greenstat.incremental;

import io.greenstat.cli.VersionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Identifies the program that computed a run's partials: the version and a SHA-256 of the
 * application jar (or, when run from {@code target/classes}, of every file under it). The reference
 * tables are resources in the jar, so a changed industry list or deflator table is a changed
 * program too. Stored partials are only reused by the same program.
 */
public final class CodeFingerprint {
  private static volatile String cached;

  private CodeFingerprint() {}

  public static String current() {
    String c = cached;
    if (c == null) {
      c = VersionInfo.version() + ":" + compute();
      cached = c;
    }
    return c;
  }

  private static String compute() {
    try {
      Path location =
          Path.of(
              CodeFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(location)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(location)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          d.update(
              location.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          d.update(Files.readAllBytes(f));
        }
      } else {
        d.update(Files.readAllBytes(location));
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | NoSuchAlgorithmException | SecurityException e) {
      throw new IllegalStateException("cannot fingerprint the program: " + e, e);
    }
  }
}
