package no.alarm.likemann.readlog;

import java.time.Instant;

/**
 * One read of one case: who (the login), when, which case (its reference), what was read (a task's form, a PDF, a
 * row of a list, a REST resource) and through which path ({@link Via}).
 */
public record CaseRead(String reference, String readBy, Instant readAt, String what, Via via) {

  /** The path a read came through. */
  public enum Via {
    /** Tasklist, Cockpit or Admin: the webapps' session API. */
    WEBAPP,
    /** /engine-rest with HTTP Basic. */
    REST,
    /** The project's own /api (lists and PDFs), from a webapp page or an API client. */
    API
  }
}
