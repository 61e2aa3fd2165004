package no.alarm.likemann.readlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases read while one request is answered, gathered on its thread and written once by {@link ReadLogFilter}
 * when the answer has gone out with success. Code that shows a case outside the engine (a list row, a PDF) says so
 * here; the engine's own resources are read from the request's path.
 */
public final class RequestReads {

  /** One case and what of it was shown. */
  public record Read(String reference, String what) {}

  private static final ThreadLocal<List<Read>> CURRENT = new ThreadLocal<>();

  private RequestReads() {}

  /** This request shows the case; outside a request (a job, a test) nothing is gathered. */
  public static void add(String reference, String what) {
    List<Read> reads = CURRENT.get();
    if (reads != null && reference != null && !reference.isBlank()) {
      reads.add(new Read(reference, what));
    }
  }

  static void begin() {
    CURRENT.set(new ArrayList<>());
  }

  static List<Read> end() {
    List<Read> reads = CURRENT.get();
    CURRENT.remove();
    return reads == null ? List.of() : reads;
  }
}
