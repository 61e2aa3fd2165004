package no.alarm.likemann.onboarding;

import static no.alarm.likemann.onboarding.MentorOnboarding.Var.MENTOR_ID;

import no.alarm.likemann.mentor.MentorYear;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code activateMentor}: the candidate becomes an active mentor, only if the record shows every gate passed (a
 * missing gate is an incident in Cockpit, never a silent activation). Capacity freed this way is offered to the
 * wait-list. The active mentor's year (supervision, relapse routine) starts.
 */
@Component
public class ActivateMentorDelegate implements JavaDelegate {

  private final OnboardingRegister onboarding;
  private final MentorYear year;

  public ActivateMentorDelegate(OnboardingRegister onboarding, MentorYear year) {
    this.onboarding = onboarding;
    this.year = year;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long mentorId = ((Number) execution.getVariable(MENTOR_ID)).longValue();
    onboarding.activate(mentorId);
    year.start(mentorId);
  }
}
