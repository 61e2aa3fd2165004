package no.alarm.likemann.onboarding;

import static no.alarm.likemann.onboarding.MentorOnboarding.Element.*;

import java.util.Map;

import no.alarm.likemann.onboarding.OnboardingRegister.Outcome;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** {@code ${recordOnboardingOutcome}} on every end event of the onboarding. */
@Component("recordOnboardingOutcome")
public class RecordOnboardingOutcomeListener implements ExecutionListener {

  static final Map<String, Outcome> OUTCOME_BY_END_EVENT = Map.of(
      MENTOR_ACTIVATED, Outcome.ACTIVATED,
      CANDIDATE_NOT_ELIGIBLE, Outcome.NOT_ELIGIBLE,
      CANDIDATE_REJECTED, Outcome.REJECTED,
      CANDIDATE_WITHDRAWN, Outcome.WITHDRAWN);

  private final OnboardingRegister onboarding;

  public RecordOnboardingOutcomeListener(OnboardingRegister onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Outcome outcome = OUTCOME_BY_END_EVENT.get(execution.getCurrentActivityId());
    if (outcome == null) {
      throw new IllegalStateException("No onboarding outcome for end event " + execution.getCurrentActivityId());
    }
    Object mentorId = execution.getVariable(MentorOnboarding.Var.MENTOR_ID);
    if (mentorId != null) {
      onboarding.end(((Number) mentorId).longValue(), outcome);
    }
  }
}
