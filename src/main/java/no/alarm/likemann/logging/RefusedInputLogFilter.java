package no.alarm.likemann.logging;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.mentor.MentorUnavailableException;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Refused input is not an error of the system: the engine would log every refused form at ERROR with its message.
 * The refusal is logged once, at INFO with ids and field names only, by the form guard; the engine's copy is dropped.
 */
public class RefusedInputLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !ENGINE_CONTEXT.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    // the engine passes the exception as the last argument of a formatted message, not as the throwable
    Throwable thrown = t;
    if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      thrown = last;
    }
    return isRefusedInput(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  static boolean isRefusedInput(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidFormInputException || cause instanceof MentorUnavailableException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
