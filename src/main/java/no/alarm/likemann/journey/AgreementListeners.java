package no.alarm.likemann.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The coupling meeting's agreement in and out of the journey: {@code ${keepAgreement}} (end listener of
 * {@code holdCouplingMeeting}, after the form checks) moves what the form agreed to the register and out of the
 * journey; {@code ${showAgreement}} (create listener of the tasks that need it: the mentor's weekly logs, bringing
 * the participant back) puts it on that task alone.
 */
@Configuration
public class AgreementListeners {

  @Bean
  ExecutionListener keepAgreement(Agreements agreements) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      agreements.keep(execution.getProcessBusinessKey(), new Agreements.Agreement(
          text(execution, Agreements.GOALS), text(execution, Agreements.HOME_VISITS_ALLOWED),
          text(execution, Agreements.CONTACT_RELATIVES_ALLOWED), text(execution, Agreements.OTHER_FOLLOW_UP_RULES)));
      Agreements.FIELDS.forEach(execution::removeVariable);
    };
  }

  @Bean
  TaskListener showAgreement(Agreements agreements) {
    return task -> agreements.of(reference(task)).ifPresent(a -> {
      task.setVariableLocal(Agreements.GOALS, a.goals());
      task.setVariableLocal(Agreements.HOME_VISITS_ALLOWED, a.homeVisitsAllowed());
      task.setVariableLocal(Agreements.CONTACT_RELATIVES_ALLOWED, a.contactRelativesAllowed());
      task.setVariableLocal(Agreements.OTHER_FOLLOW_UP_RULES, a.otherFollowUpRules());
    });
  }

  private static String reference(DelegateTask task) {
    Object reference = task.getVariable(ParticipantJourney.Var.REFERRAL_REFERENCE);
    return reference instanceof String r ? r : task.getExecution().getProcessBusinessKey();
  }

  private static String text(DelegateExecution execution, String name) {
    return execution.getVariable(name) instanceof String s && !s.isBlank() ? s : null;
  }
}
