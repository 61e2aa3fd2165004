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
import java.util.Comparator;
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
 * range, on an H2 file database as the default profile uses: an empty one (the first start ever: schema,
 * migrations, deployment of every model and form, demo data), and one that an earlier start has filled (every later
 * start: nothing to create or deploy). Target: ready within 10 s.
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

    // the README's first command, as a person types it (the plugin gives the application -Xmx512m, pom.xml)
    List<String> readmeCommand = List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "spring-boot:run");
    List<String> plainCommand = List.of(java, "-Xmx512m", "-jar", jar.toString());
    List<String> cdsCommand = List.of(java, "-Xmx512m", "-XX:SharedArchiveFile=" + archive, "-jar", app.toString());
    // a database for each kind's restarts, filled by a first start that is not measured
    String plainData = fileDatabase("plain");
    String cdsData = fileDatabase("cds");
    String readmeData = fileDatabase("readme");
    measure(plainCommand, plainData);
    measure(cdsCommand, cdsData);
    measure(readmeCommand, readmeData);

    // these machines are noisy: several starts of each, in turn, and the median
    int runs = Integer.getInteger("benchmark.startupRuns", 3);
    List<Figures> plain = new ArrayList<>();
    List<Figures> cds = new ArrayList<>();
    List<Figures> plainAgain = new ArrayList<>();
    List<Figures> cdsAgain = new ArrayList<>();
    List<Figures> readme = new ArrayList<>();
    List<Figures> readmeAgain = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      plain.add(measure(plainCommand, fileDatabase("empty")));
      cds.add(measure(cdsCommand, fileDatabase("empty")));
      readme.add(measure(readmeCommand, fileDatabase("empty")));
      plainAgain.add(measure(plainCommand, plainData));
      cdsAgain.add(measure(cdsCommand, cdsData));
      readmeAgain.add(measure(readmeCommand, readmeData));
    }
    String report = String.format("""

        === Likemann start-up (embedded H2 in a file, -Xmx512m, %d cores; median of %d starts, min to max) ===
                                                         java -jar                 extracted + CDS archive
        first start, on an empty database
          Tasklist page served after                     %-25s %s
          REST API answers a user after                  %-25s %s
        later starts, on the database of an earlier start
          Tasklist page served after                     %-25s %s
          REST API answers a user after                  %-25s %s
        200 referrals after each start, still alive      %-25s %s
        resident memory after them (RSS), median         %-25s %s
        target: ready to serve Tasklist within 10 s (median): first start %s; later starts %s
                and the REST API answering a user within 10 s: first start %s; later starts %s

        the README's first command, ./mvnw spring-boot:run (Maven's own start and its up-to-date checks included)
          REST API answers a user after, empty database %s
          REST API answers a user after, used database  %s
        target: the README's command, REST API answering a user within 10 s (median): empty database %s; used %s
        ==========================================================
        %n""", Runtime.getRuntime().availableProcessors(), runs,
        spread(plain, Figures::tasklistSeconds), spread(cds, Figures::tasklistSeconds),
        spread(plain, Figures::readySeconds), spread(cds, Figures::readySeconds),
        spread(plainAgain, Figures::tasklistSeconds), spread(cdsAgain, Figures::tasklistSeconds),
        spread(plainAgain, Figures::readySeconds), spread(cdsAgain, Figures::readySeconds),
        alive(plain, plainAgain), alive(cds, cdsAgain),
        String.format("%.0f MiB", median(plain, f -> f.rssMiB())), String.format("%.0f MiB", median(cds, f -> f.rssMiB())),
        verdict(plain, cds, Figures::tasklistSeconds), verdict(plainAgain, cdsAgain, Figures::tasklistSeconds),
        verdict(plain, cds, Figures::readySeconds), verdict(plainAgain, cdsAgain, Figures::readySeconds),
        spread(readme, Figures::readySeconds), spread(readmeAgain, Figures::readySeconds),
        median(readme, Figures::readySeconds) <= 10 ? "met" : "NOT met",
        median(readmeAgain, Figures::readySeconds) <= 10 ? "met" : "NOT met");
    System.out.print(report);
    Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(Path.of("target", "benchmark", "startup-benchmark.txt"), report);
    for (List<Figures> kind : List.of(plain, cds, plainAgain, cdsAgain, readme, readmeAgain)) {
      assertThat(kind).allMatch(Figures::alive);
    }
  }

  /** An empty file database under target/ (removed first), as the default profile keeps its data in ./data. */
  private static String fileDatabase(String kind) throws IOException {
    Path folder = Path.of("target", "startup-data", kind).toAbsolutePath();
    if (Files.exists(folder)) {
      try (Stream<Path> old = Files.walk(folder)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(folder);
    return "jdbc:h2:file:" + folder.resolve("likemann") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  private static boolean alive(List<Figures> first, List<Figures> later) {
    return first.stream().allMatch(Figures::alive) && later.stream().allMatch(Figures::alive);
  }

  private static String verdict(List<Figures> plain, List<Figures> cds,
      java.util.function.ToDoubleFunction<Figures> seconds) {
    return median(plain, seconds) <= 10 ? "met" : median(cds, seconds) <= 10 ? "met with CDS only" : "NOT met";
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

  private Figures measure(List<String> command, String databaseUrl) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> full = new ArrayList<>(command);
    if (command.get(0).endsWith("mvnw")) {
      // the README's command: its arguments go to the application through the plugin
      full.add("-Dspring-boot.run.arguments=--server.port=" + port + " --spring.datasource.url=" + databaseUrl);
    } else {
      full.add("--server.port=" + port);
      full.add("--spring.datasource.url=" + databaseUrl);
    }
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
          {"variables":{"municipality":{"value":"skien"},"age":{"value":25},"gender":{"value":"female"},
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
      // under Maven, the application is Maven's child
      long pid = app.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).mapToLong(
          ProcessHandle::pid).findFirst().orElse(app.pid());
      long rssKb = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
          .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
          .findFirst().orElse(-1);
      return new Figures(tasklist, ready, rssKb / 1024, app.isAlive());
    } finally {
      app.descendants().forEach(ProcessHandle::destroy);
      app.destroy();
      app.waitFor();
      app.descendants().forEach(ProcessHandle::destroyForcibly);
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
