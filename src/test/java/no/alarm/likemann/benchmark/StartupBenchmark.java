package no.alarm.likemann.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Start-up figures (run by {@code ./mvnw verify -Pbenchmark}): the packaged application on embedded H2 with
 * {@code -Xmx512m}, timed from process start until Tasklist is served and a demo user is answered by the REST API;
 * then 200 referrals through the REST API to show it works within the heap, and its resident memory. Measured twice:
 * as a plain {@code java -jar}, and extracted with a class-data-sharing archive from a training run (how the Docker
 * image runs it). Each is started {@code -Dbenchmark.startupRuns} times (3), in turn, and the median printed with the
 * range. Target: ready within 10 s.
 */
class StartupBenchmark {

  record Figures(double tasklistSeconds, double readySeconds, long rssMiB, boolean alive) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void readyToServeTasklistWithinTenSecondsOnHalfAGigabyteOfHeap() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("likemann-.*\\.jar")).findFirst().orElseThrow();
    }
    Path extracted = Path.of("target", "startup-extracted");
    run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
        extracted.toString()));
    Path app = extracted.resolve(jar.getFileName());
    Path archive = extracted.resolve("likemann.jsa");
    run(List.of(java, "-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
        app.toString(), "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:training;DB_CLOSE_DELAY=-1"));

    // these machines are noisy: several starts of each, in turn, and the median
    int runs = Integer.getInteger("benchmark.startupRuns", 3);
    List<Figures> plain = new ArrayList<>();
    List<Figures> cds = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      plain.add(measure(List.of(java, "-Xmx512m", "-jar", jar.toString())));
      cds.add(measure(List.of(java, "-Xmx512m", "-XX:SharedArchiveFile=" + archive, "-jar", app.toString())));
    }
    double cdsReady = median(cds, Figures::readySeconds);
    String report = String.format("""

        === Likemann start-up (embedded H2, -Xmx512m, %d cores; median of %d starts, min to max) ===
                                      java -jar                 extracted + CDS archive
        Tasklist page served after    %-25s %s
        REST API answers a user after %-25s %s   (target: ready within 10 s: %s)
        200 referrals, still alive    %-25s %s
        resident memory (RSS), median %-25s %s
        ==========================================================
        %n""", Runtime.getRuntime().availableProcessors(), runs,
        spread(plain, Figures::tasklistSeconds), spread(cds, Figures::tasklistSeconds),
        spread(plain, Figures::readySeconds), spread(cds, Figures::readySeconds),
        cdsReady <= 10 ? "met with CDS" : "NOT met",
        plain.stream().allMatch(Figures::alive), cds.stream().allMatch(Figures::alive),
        String.format("%.0f MiB", median(plain, f -> f.rssMiB())), String.format("%.0f MiB", median(cds, f -> f.rssMiB())));
    System.out.print(report);
    Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(Path.of("target", "benchmark", "startup-benchmark.txt"), report);
    assertThat(plain).allMatch(Figures::alive);
    assertThat(cds).allMatch(Figures::alive);
  }

  private static double median(List<Figures> figures, java.util.function.ToDoubleFunction<Figures> value) {
    double[] sorted = figures.stream().mapToDouble(value).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static String spread(List<Figures> figures, java.util.function.ToDoubleFunction<Figures> value) {
    var stats = figures.stream().mapToDouble(value).summaryStatistics();
    return String.format("%.1f s (%.1f to %.1f)", median(figures, value), stats.getMin(), stats.getMax());
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(Files.createTempFile("likemann-startup-step", ".log").toFile()).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("step " + command).isTrue();
  }

  private Figures measure(List<String> command) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> full = new ArrayList<>(command);
    full.add("--server.port=" + port);
    full.add("--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1");
    Path log = Files.createTempFile("likemann-startup", ".log");
    long started = System.nanoTime();
    Process app = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String base = "http://127.0.0.1:" + port;
      double tasklist = -1;
      double ready = -1;
      while ((System.nanoTime() - started) < Duration.ofSeconds(90).toNanos() && app.isAlive()) {
        try {
          if (tasklist < 0 && get(base + "/camunda/app/tasklist/default/", null) == 200) {
            tasklist = (System.nanoTime() - started) / 1e9;
          }
          if (tasklist >= 0 && get(base + "/engine-rest/task?maxResults=1", "koordinator") == 200) {
            ready = (System.nanoTime() - started) / 1e9;
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      assertThat(ready).as("the application never became ready; see " + log).isPositive();

      String referral = """
          {"variables":{"municipality":{"value":"skien"},"counsellorName":{"value":"Rune"},
           "counsellorContact":{"value":"35000000"},"age":{"value":25},"gender":{"value":"female"},
           "substanceHistory":{"value":"Alkohol"},"futureWishes":{"value":"Jobb"},
           "treatmentStatus":{"value":"before"},"atRiskOfFallingOut":{"value":false},
           "hasIndividualPlan":{"value":false},"hasBrukerplan":{"value":true},"referralConsent":{"value":true}}}""";
      for (int i = 0; i < 200; i++) {
        HttpRequest start = HttpRequest.newBuilder(URI.create(base
                + "/engine-rest/process-definition/key/participantJourney/submit-form"))
            .header("Authorization", basic("ruskonsulent")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(referral)).build();
        assertThat(http.send(start, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      }
      long rssKb = Files.readAllLines(Path.of("/proc/" + app.pid() + "/status")).stream()
          .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
          .findFirst().orElse(-1);
      return new Figures(tasklist, ready, rssKb / 1024, app.isAlive());
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  private int get(String url, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
