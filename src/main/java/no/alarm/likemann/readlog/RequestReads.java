package no.alarm.likemann.readlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases read while one request is answered, gathered on its thread and written once by {@link ReadLogFilter}
 * when the answer has gone out with success. Code that shows a case outside the engine (a list row, a PDF) says so
 * here; what the engine hands out is noted by {@link EngineReadsInterceptor} and, for the resources that answer a
 * single instance's or task's variables, read from the request's path.
 */
public final class RequestReads {

  /** One case and what of it was shown. */
  public record Read(String reference, String what) {}

  /** An engine instance whose contents were shown, its case looked up when the request is written. */
  public record InstanceRead(String processInstanceId, String what) {}

  /** What one request has shown so far. */
  record Shown(List<Read> cases, List<InstanceRead> instances) {}

  private static final ThreadLocal<Shown> CURRENT = new ThreadLocal<>();

  private RequestReads() {}

  /** This request shows the case; outside a request (a job, a test) nothing is gathered. */
  public static void add(String reference, String what) {
    Shown shown = CURRENT.get();
    if (shown != null && reference != null && !reference.isBlank()) {
      shown.cases().add(new Read(reference, what));
    }
  }

  /** This request showed contents of an engine instance ({@link EngineReadsInterceptor}). */
  static void addInstance(String processInstanceId, String what) {
    Shown shown = CURRENT.get();
    if (shown != null && processInstanceId != null) {
      shown.instances().add(new InstanceRead(processInstanceId, what));
    }
  }

  /** Whether a request is gathering reads on this thread. */
  static boolean active() {
    return CURRENT.get() != null;
  }

  static void begin() {
    CURRENT.set(new Shown(new ArrayList<>(), new ArrayList<>()));
  }

  static Shown end() {
    Shown shown = CURRENT.get();
    CURRENT.remove();
    return shown == null ? new Shown(List.of(), List.of()) : shown;
  }
}
