package no.alarm.likemann.onboarding;

import static no.alarm.likemann.onboarding.MentorOnboarding.Element.*;
import static no.alarm.likemann.onboarding.MentorOnboarding.Var.*;

import java.time.LocalDate;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.journey.ParticipantJourney.Value;
import no.alarm.likemann.onboarding.MentorOnboarding.Course;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordOnboardingStep}}, end listener of each gate in the onboarding: records the gate passed in the
 * candidate's onboarding record, which activation checks. A step that is cancelled (withdrawal, timeout) records
 * nothing.
 */
@Component("recordOnboardingStep")
public class RecordOnboardingStepListener implements ExecutionListener {

  private final OnboardingRegister onboarding;
  private final OsloCalendar oslo;

  public RecordOnboardingStepListener(OnboardingRegister onboarding, OsloCalendar oslo) {
    this.onboarding = onboarding;
    this.oslo = oslo;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled() && !MUNICIPALITY_COMMENT_TIMEOUT.equals(execution.getCurrentActivityId())) {
      return;
    }
    long mentorId = ((Number) execution.getVariable(MENTOR_ID)).longValue();
    String step = execution.getCurrentActivityId();
    switch (step) {
      case CHECK_ELIGIBILITY -> {
        if (MentorOnboarding.Value.ELIGIBLE.equals(execution.getVariable(ELIGIBILITY))) {
          onboarding.recordEligible(mentorId, oslo.todayDate());
        }
      }
      case ASSESS_SUITABILITY -> {
        if (MentorOnboarding.Value.APPROVE.equals(execution.getVariable(SUITABILITY_DECISION))) {
          onboarding.recordSuitabilityApproved(mentorId, who(execution));
        }
      }
      case COLLECT_MUNICIPALITY_COMMENT -> onboarding.recordMunicipalityComment(mentorId, false);
      case MUNICIPALITY_COMMENT_TIMEOUT -> onboarding.recordMunicipalityComment(mentorId, true);
      case COMPLETE_BEDRE_HVERDAG, COMPLETE_BRUKERREPRESENTANT, COMPLETE_LIKEMANNSKURS -> {
        Course course = Course.BY_TASK.get(step);
        onboarding.recordCourse(mentorId, course.code, date(execution, course.dateVariable()),
            ((Number) execution.getVariable(course.hoursVariable())).intValue());
      }
      case COMPLETE_SCHOOL_HOURS -> onboarding.addSupplement(mentorId, date(execution, SUPPLEMENT_COMPLETED_ON),
          ((Number) execution.getVariable(SUPPLEMENT_HOURS)).intValue());
      case SIGN_CONFIDENTIALITY_DECLARATION ->
          onboarding.recordConfidentialitySigned(mentorId, date(execution, CONFIDENTIALITY_SIGNED_ON));
      case ACKNOWLEDGE_CONFIDENTIALITY_COPY -> onboarding.recordConfidentialityCopy(mentorId, who(execution));
      case EMPLOY_MENTOR -> onboarding.recordEmployment(mentorId, date(execution, EMPLOYED_ON),
          Value.YES.equals(execution.getVariable(NAV_GRANT)),
          ((Number) execution.getVariable(MENTOR_CAPACITY)).intValue());
      default -> throw new IllegalStateException("No onboarding gate is recorded at " + step);
    }
  }

  private static LocalDate date(DelegateExecution execution, String variable) {
    return LocalDate.parse(((String) execution.getVariable(variable)).substring(0, 10));
  }

  private static String who(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? "system" : user.getUserId();
  }
}
