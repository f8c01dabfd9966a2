package io.greenstat.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.it.ItDatasets;
import io.greenstat.it.ItEnv;
import io.greenstat.it.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads and writes S3 for real: S3Proxy (an S3 API server on a filesystem blob store) in this JVM
 * on a free loopback port, with AWS v2/v4 signatures and credentials made up for the run; {@code
 * jobs/greenstat} as a process with {@code conf/s3.properties}, credentials only in its
 * environment, input {@code s3a://bucket/in}, output under a prefix of its own.
 *
 * <p>Checks that the run's objects are exactly a local run's files, the tables byte for byte; that
 * Spark's writes went through the S3A magic committer and nothing was renamed but the part files;
 * that a rerun replaces the earlier output; that a foreign prefix is refused (exit 2); and that the
 * secret key appears in no output and no log line.
 */
class S3RoundTripIT {
  private static final Path DIR = ItEnv.target().resolve("s3-it");
  private static final Path LOGS = DIR.resolve("logs");
  private static final String BUCKET = "greenstat-it";
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(300);

  private static S3Proxy proxy;
  private static RecordingBlobStore store;
  private static String endpoint;
  private static String accessKey;
  private static String secretKey;
  private static Path jobProperties;

  @BeforeAll
  static void startS3() throws Exception {
    ItEnv.deleteTree(DIR);
    Path blobs = DIR.resolve("blobs");
    Files.createDirectories(blobs);
    Files.createDirectories(LOGS);
    SecureRandom rnd = new SecureRandom();
    byte[] ak = new byte[8];
    byte[] sk = new byte[30];
    rnd.nextBytes(ak);
    rnd.nextBytes(sk);
    accessKey = "GSIT" + HexFormat.of().withUpperCase().formatHex(ak);
    secretKey = Base64.getUrlEncoder().withoutPadding().encodeToString(sk);

    store = new RecordingBlobStore(new FilesystemNio2BlobStore(blobs.toString()));
    proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!proxy.getState().equals("STARTED") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals("STARTED", proxy.getState());
    endpoint = "http://127.0.0.1:" + proxy.getPort();
    store.createContainer(BUCKET);

    // The job's Spark properties as README suggests: the local file, then the S3 file, then this
    // server's address. No credentials: those are in the job's environment only.
    jobProperties = DIR.resolve("job.properties");
    String props =
        Files.readString(ItEnv.BASEDIR.resolve("conf/local.properties"))
            + "\n"
            + Files.readString(ItEnv.BASEDIR.resolve("conf/s3.properties"))
            + "\n# S3RoundTripIT's server\n"
            + "spark.hadoop.fs.s3a.endpoint "
            + endpoint
            + "\nspark.hadoop.fs.s3a.endpoint.region us-east-1\n"
            + "spark.hadoop.fs.s3a.path.style.access true\n"
            + "spark.hadoop.fs.s3a.connection.ssl.enabled false\n"
            + "spark.hadoop.fs.s3a.retry.limit 2\n"
            + "spark.hadoop.fs.s3a.attempts.maximum 2\n";
    Files.writeString(jobProperties, props);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (proxy != null) {
      proxy.stop();
    }
  }

  private static ItEnv.Outcome greenstat(String name, String... jobArgs) throws Exception {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--master",
            "local[2]",
            "--driver-memory",
            "1g",
            "--properties-file",
            jobProperties.toString(),
            "--conf",
            "spark.ui.enabled=false"));
    args.addAll(List.of(jobArgs));
    return ItEnv.greenstat(
        name,
        args,
        Map.of("AWS_ACCESS_KEY_ID", accessKey, "AWS_SECRET_ACCESS_KEY", secretKey),
        LOGS,
        RUN_TIMEOUT);
  }

  /** Uploads a local directory tree (checksum files left out) under {@code prefix}. */
  private static void upload(Path dir, String prefix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        if (p.getFileName().toString().endsWith(".crc")) {
          continue;
        }
        String key = prefix + dir.relativize(p).toString().replace('\\', '/');
        try (InputStream in = Files.newInputStream(p)) {
          store.putBlob(
              PutObjectRequest.builder()
                  .bucket(BUCKET)
                  .key(key)
                  .contentLength(Files.size(p))
                  .build(),
              in);
        }
      }
    }
  }

  /**
   * The objects under {@code prefix} as relative key → bytes; 0-byte directory markers (keys ending
   * in '/', which Hadoop 3.4 keeps) left out.
   */
  private static Map<String, byte[]> objects(String prefix) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    String token = null;
    do {
      ListObjectsV2Response page =
          store.list(
              ListObjectsV2Request.builder()
                  .bucket(BUCKET)
                  .prefix(prefix)
                  .continuationToken(token)
                  .build());
      for (S3Object o : page.contents()) {
        if (o.key().endsWith("/")) {
          continue;
        }
        try (InputStream in = store.getBlob(BUCKET, o.key())) {
          out.put(o.key().substring(prefix.length()), in.readAllBytes());
        }
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return out;
  }

  private static Map<String, byte[]> selected(Map<String, byte[]> all, List<String> entries) {
    Map<String, byte[]> m = new TreeMap<>();
    all.forEach(
        (k, v) -> {
          if (entries.stream().anyMatch(e -> e.endsWith("/") ? k.startsWith(e) : k.equals(e))) {
            m.put(k, v);
          }
        });
    return m;
  }

  private static String text(Map<String, byte[]> files, String key) {
    byte[] b = files.get(key);
    assertTrue(b != null, () -> key + " missing among " + files.keySet());
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void runReadsAndWritesS3LikeALocalRun() throws Exception {
    Path input = ItDatasets.input();
    Path local = ItDatasets.localReference();
    upload(input, "in/");
    String outPrefix = "out/run_date=2026-11-29/";
    String output = "s3a://" + BUCKET + "/" + outPrefix.substring(0, outPrefix.length() - 1);
    store.clear();

    ItEnv.Outcome o =
        greenstat("s3-run", "run", "--input", "s3a://" + BUCKET + "/in", "--output", output);
    assertEquals(0, o.exitCode(), o::toString);
    Map<String, byte[]> got = objects(outPrefix);

    // Exactly the files of a local run: no staging, _IN_PROGRESS, __magic or _temporary leftovers.
    Map<String, byte[]> want = OutputFiles.local(local);
    assertEquals(want.keySet(), got.keySet(), "the run's objects");
    assertEquals(0, got.get("_SUCCESS").length, "greenstat's own _SUCCESS, written last");

    OutputFiles.assertSame(
        OutputFiles.local(
            local, List.of("tables/industry_year.csv", "tables/industry_year/", "summary.json")),
        selected(
            got, List.of("tables/industry_year.csv", "tables/industry_year/", "summary.json")));
    // The report names the input; otherwise the same.
    assertEquals(
        Files.readString(local.resolve("report.html")),
        text(got, "report.html").replace("s3a://" + BUCKET + "/in", input.toString()));
    assertTrue(text(got, "_MANIFEST.json").contains(output), "manifest names the S3 output");

    // Spark's writes went through the magic committer (pending uploads under __magic paths), and
    // the only server-side copies are DeterministicParts' part-file renames.
    for (String dir : List.of("quarantine/", "tables/industry_year/")) {
      assertTrue(
          store.puts.stream().anyMatch(k -> k.startsWith(outPrefix + dir + "__magic")),
          () -> "no magic-committer upload for " + dir + ": " + store.puts);
    }
    Pattern partRename = Pattern.compile(Pattern.quote(outPrefix) + ".+/part-\\d{5}\\.[^/]+");
    assertTrue(
        store.copies.stream().allMatch(k -> partRename.matcher(k).matches()),
        () -> "copies other than part-file renames: " + store.copies);

    assertSecretNowhere(o, got);

    // A rerun into the same prefix, continuing from it (an incremental night rerun for the same
    // date): nothing changed, so no input is read; the earlier quarantine is read back before the
    // prefix is cleared, and the rerun publishes the same bytes, leaving nothing else behind.
    ItEnv.Outcome again =
        greenstat(
            "s3-rerun",
            "run",
            "--input",
            "s3a://" + BUCKET + "/in",
            "--output",
            output,
            "--previous",
            output);
    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(again.stdout().contains("Run: unchanged"), again::toString);
    Map<String, byte[]> rerun = objects(outPrefix);
    assertEquals(want.keySet(), rerun.keySet(), "the rerun's objects");
    Map<String, byte[]> before = new java.util.TreeMap<>(got);
    Map<String, byte[]> after = new java.util.TreeMap<>(rerun);
    before.remove("_MANIFEST.json");
    after.remove("_MANIFEST.json");
    OutputFiles.assertSame(before, after);
    assertFalse(
        text(rerun, "_MANIFEST.json").equals(text(got, "_MANIFEST.json")), "a new manifest");
    assertSecretNowhere(again, rerun);

    System.out.printf(
        "S3RoundTripIT: S3 run %.1f s, rerun %.1f s; %s%n",
        o.wall().toMillis() / 1000.0, again.wall().toMillis() / 1000.0, ItDatasets.timings());
  }

  @Test
  void refusesToWriteIntoAForeignPrefix() throws Exception {
    Path input = ItDatasets.input();
    upload(input, "in/");
    store.putBlob(
        PutObjectRequest.builder()
            .bucket(BUCKET)
            .key("shared/report.csv")
            .contentLength(4L)
            .build(),
        new java.io.ByteArrayInputStream("keep".getBytes(StandardCharsets.UTF_8)));

    ItEnv.Outcome o =
        greenstat(
            "s3-foreign",
            "run",
            "--input",
            "s3a://" + BUCKET + "/in",
            "--output",
            "s3a://" + BUCKET + "/shared");
    assertEquals(2, o.exitCode(), o::toString);
    List<String> lines = o.stderr().lines().filter(l -> l.startsWith("greenstat: ")).toList();
    assertEquals(1, lines.size(), o::toString);
    assertTrue(lines.get(0).contains("new prefix"), o::toString);
    assertFalse(o.stderr().contains("\tat "), () -> "stack trace without --verbose:\n" + o);
    assertEquals(List.of("report.csv"), List.copyOf(objects("shared/").keySet()));
    assertSecretNowhere(o, Map.of());
  }

  /** The secret key is in no log line of the run and in no object of the bucket. */
  private static void assertSecretNowhere(ItEnv.Outcome o, Map<String, byte[]> outputs)
      throws IOException {
    assertFalse(o.stdout().contains(secretKey), "secret key in stdout");
    assertFalse(o.stderr().contains(secretKey), "secret key in stderr");
    for (String k : List.of("_MANIFEST.json", "report.html", "summary.json")) {
      if (outputs.containsKey(k)) {
        assertFalse(text(outputs, k).contains(secretKey), "secret key in " + k);
      }
    }
    byte[] secret = secretKey.getBytes(StandardCharsets.UTF_8);
    for (Map.Entry<String, byte[]> e : objects("").entrySet()) {
      assertFalse(contains(e.getValue(), secret), "secret key in object " + e.getKey());
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
