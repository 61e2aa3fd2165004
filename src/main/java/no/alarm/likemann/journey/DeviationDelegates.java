package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.AgreementDeviation.Var.*;


import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.journey.AgreementDeviation.Element;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The thin delegates of {@code agreementDeviation}; the register is {@link Deviations}. */
@Configuration
public class DeviationDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(DeviationDelegates.class);

  static long deviationId(Object id) {
    return ((Number) id).longValue();
  }

  /**
   * {@code registerDeviation}: who reports (the login) about a running journey with an agreement; the deviation to
   * the register, its words to the case notes; the process keeps the reference (its business key) and the id.
   */
  @Bean
  JavaDelegate registerDeviationDelegate(JourneyReporter reporter, Deviations deviations, JdbcTemplate jdbc) {
    return execution -> {
      String reference = ((String) execution.getVariable(REFERRAL_REFERENCE)).strip().toUpperCase();
      reporter.check(execution, reference, Element.DEVIATION_REPORTED, REFERRAL_REFERENCE);
      Integer agreed = jdbc.queryForObject("SELECT COUNT(*) FROM referral_agreement WHERE reference = ?",
          Integer.class, reference);
      if (agreed == null || agreed == 0) {
        throw JourneyReporter.refused(Element.DEVIATION_REPORTED, REFERRAL_REFERENCE, "Forløpet har ingen avtale ennå:"
            + " avtalen inngås i koblingsmøtet.", "the journey has no agreement yet");
      }
      FormInput in = new FormInput(execution::getVariable);
      Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      long id = deviations.register(reference, execution.getProcessInstanceId(), in.string(DEVIATION_KIND),
          in.string(DEVIATION_BY), in.date(DEVIATION_DATE), JourneyReporter.roleOf(who),
          in.string(DEVIATION_DESCRIPTION));
      execution.removeVariable(DEVIATION_DESCRIPTION);
      execution.setProcessBusinessKey(reference);
      execution.setVariable(REFERRAL_REFERENCE, reference);
      execution.setVariable(DEVIATION_ID, id);
      LOG.info("Deviation {} from the agreement of {} registered in process instance {}", id, reference,
          execution.getProcessInstanceId());
    };
  }

  /** {@code ${showDeviation}}, create listener of the follow-ups: the deviation and the words so far, on the task. */
  @Bean("showDeviation")
  TaskListener showDeviation(Deviations deviations) {
    return task -> deviations.find(deviationId(task.getVariable(DEVIATION_ID)))
        .ifPresent(d -> task.setVariableLocal(DEVIATION_TEXT, Deviations.text(d)));
  }

  /**
   * {@code ${recordDeviationFollowUp}}, end listener of both follow-ups (after the form's guard): the outcome to the
   * register, the words to the case notes.
   */
  @Bean
  ExecutionListener recordDeviationFollowUp(Deviations deviations) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      long id = deviationId(execution.getVariable(DEVIATION_ID));
      String outcome = (String) execution.getVariable(DEVIATION_OUTCOME);
      String note = (String) execution.getVariable(FOLLOW_UP_NOTE);
      if (Element.FOLLOW_UP_DEVIATION.equals(execution.getCurrentActivityId())) {
        deviations.coordinatorFollowedUp(id, outcome, note);
      } else {
        deviations.projectLeaderFollowedUp(id, outcome, note);
      }
      execution.removeVariable(FOLLOW_UP_NOTE);
      LOG.info("Deviation {} followed up at {}: {}", id, execution.getCurrentActivityId(), outcome);
    };
  }
}
