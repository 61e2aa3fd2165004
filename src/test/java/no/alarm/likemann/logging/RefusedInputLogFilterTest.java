package no.alarm.likemann.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

class RefusedInputLogFilterTest {

  final LoggerContext context = new LoggerContext();
  final RefusedInputLogFilter filter = new RefusedInputLogFilter();
  final InvalidFormInputException refused = new InvalidFormInputException("referralReceived",
      List.of(new Violation("age", "«Alder» må være minst 18.", "age must be at least 18")));

  @Test
  void dropsTheEnginesErrorForRefusedInputOnly() {
    var engine = context.getLogger(RefusedInputLogFilter.ENGINE_CONTEXT);
    assertThat(filter.decide(null, engine, Level.ERROR, "{}", new Object[] {"msg", refused}, null))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engine, Level.ERROR, "{}", null, new ProcessEngineException("wrapped", refused)))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engine, Level.ERROR, "{}", new Object[] {new ProcessEngineException("db down")},
        null)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, context.getLogger("other"), Level.ERROR, "{}", new Object[] {refused}, null))
        .isEqualTo(FilterReply.NEUTRAL);
  }
}
