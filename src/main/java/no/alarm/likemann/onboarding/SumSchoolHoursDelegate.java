package no.alarm.likemann.onboarding;

import static no.alarm.likemann.onboarding.MentorOnboarding.Var.MENTOR_ID;
import static no.alarm.likemann.onboarding.MentorOnboarding.Var.SCHOOL_HOURS_TOTAL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code sumSchoolHours}: the A-larm school hours recorded so far, for the 45-hour gateway. */
@Component
public class SumSchoolHoursDelegate implements JavaDelegate {

  private final OnboardingRegister onboarding;

  public SumSchoolHoursDelegate(OnboardingRegister onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(SCHOOL_HOURS_TOTAL,
        onboarding.schoolHours(((Number) execution.getVariable(MENTOR_ID)).longValue()));
  }
}
