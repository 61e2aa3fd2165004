package no.alarm.likemann.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks leave their figures: printed, and kept under {@code target/benchmark/}. */
final class BenchmarkReport {

  private BenchmarkReport() {}

  /** Prints the report and writes it to {@code target/benchmark/<fileName>}; a file that cannot be written is said. */
  static void printAndKeep(String report, String fileName) {
    System.out.println(report);
    Path file = Path.of("target", "benchmark", fileName);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.out.println("(could not write " + file + ": " + e.getMessage() + ")");
    }
  }
}
