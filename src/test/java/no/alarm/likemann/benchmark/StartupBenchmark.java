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
 * image runs it). Target: ready within 10 s.
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
    Figures plain = measure(List.of(java, "-Xmx512m", "-jar", jar.toString()));

    Path extracted = Path.of("target", "startup-extracted");
    run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
        extracted.toString()));
    Path app = extracted.resolve(jar.getFileName());
    Path archive = extracted.resolve("likemann.jsa");
    run(List.of(java, "-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
        app.toString(), "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:training;DB_CLOSE_DELAY=-1"));
    Figures cds = measure(List.of(java, "-Xmx512m", "-XX:SharedArchiveFile=" + archive, "-jar", app.toString()));

    System.out.printf("""

        === Likemann start-up (embedded H2, -Xmx512m, %d cores) ===
                                      java -jar     extracted + CDS archive
        Tasklist page served after    %5.1f s       %5.1f s
        REST API answers a user after %5.1f s       %5.1f s   (target: ready within 10 s: %s)
        200 referrals, still alive    %-5s         %-5s
        resident memory (RSS)         %5d MiB     %5d MiB
        ==========================================================
        %n""", Runtime.getRuntime().availableProcessors(), plain.tasklistSeconds(), cds.tasklistSeconds(),
        plain.readySeconds(), cds.readySeconds(),
        cds.readySeconds() <= 10 ? "met with CDS" : "NOT met", plain.alive(), cds.alive(), plain.rssMiB(),
        cds.rssMiB());
    assertThat(plain.alive()).isTrue();
    assertThat(cds.alive()).isTrue();
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
