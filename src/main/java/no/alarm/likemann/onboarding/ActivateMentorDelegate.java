package no.alarm.likemann.onboarding;

import static no.alarm.likemann.onboarding.MentorOnboarding.Var.MENTOR_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code activateMentor}: the candidate becomes an active mentor, only if the record shows every gate passed (a
 * missing gate is an incident in Cockpit, never a silent activation). Capacity freed this way is offered to the
 * wait-list.
 */
@Component
public class ActivateMentorDelegate implements JavaDelegate {

  private final OnboardingRegister onboarding;

  public ActivateMentorDelegate(OnboardingRegister onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.activate(((Number) execution.getVariable(MENTOR_ID)).longValue());
  }
}
