package no.alarm.likemann.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Start-up figure (run by {@code ./mvnw verify -Pbenchmark}): the packaged application on embedded H2 with
 * {@code -Xmx512m}, timed from process start until Tasklist is served and a demo user can log in; then 200 referrals
 * through the REST API to show it works within the heap, and its resident memory. Prints figures; the target is
 * ready within 10 s.
 */
class StartupBenchmark {

  @Test
  void readyToServeTasklistWithinTenSecondsOnHalfAGigabyteOfHeap() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("likemann-.*\\.jar")).findFirst().orElseThrow();
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("likemann-startup", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long started = System.nanoTime();
    Process app = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      String base = "http://127.0.0.1:" + port;
      double tasklistSeconds = -1;
      double loginSeconds = -1;
      while ((System.nanoTime() - started) < Duration.ofSeconds(90).toNanos() && app.isAlive()) {
        try {
          if (tasklistSeconds < 0 && get(http, base + "/camunda/app/tasklist/default/", null) == 200) {
            tasklistSeconds = (System.nanoTime() - started) / 1e9;
          }
          if (tasklistSeconds >= 0 && get(http, base + "/engine-rest/task?maxResults=1", "koordinator") == 200) {
            loginSeconds = (System.nanoTime() - started) / 1e9;
            break;
          }
        } catch (java.io.IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      assertThat(loginSeconds).as("the application never became ready; see " + log).isPositive();

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

      System.out.printf("""

          === Likemann start-up (embedded H2, -Xmx512m, %d cores) ===
          Tasklist page served after   %.1f s
          REST login answered after    %.1f s   (target: ready within 10 s: %s)
          200 referrals started, alive: %s
          resident memory (RSS)         %d MiB
          ==========================================================
          %n""", Runtime.getRuntime().availableProcessors(), tasklistSeconds, loginSeconds,
          loginSeconds <= 10 ? "met" : "NOT met", app.isAlive(), rssKb / 1024);
      assertThat(app.isAlive()).isTrue();
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  private static int get(HttpClient http, String url, String user) throws Exception {
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
