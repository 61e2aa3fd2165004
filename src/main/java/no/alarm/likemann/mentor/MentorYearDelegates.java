package no.alarm.likemann.mentor;

import static no.alarm.likemann.mentor.ActiveMentor.Var.*;

import java.time.YearMonth;

import no.alarm.likemann.journey.ParticipantJourney.Value;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code activeMentor}; the work is in {@link MentorYear}. */
@Configuration
public class MentorYearDelegates {

  static long mentorId(DelegateExecution execution) {
    return ((Number) execution.getVariable(MENTOR_ID)).longValue();
  }

  /**
   * {@code pauseMentor}: the pause, and what the follow-up and the return's eligibility check start from (the
   * register's sober-since date and the kind of experience).
   */
  @Bean
  JavaDelegate pauseMentorDelegate(MentorYear year, MentorRegister mentors) {
    return execution -> {
      long mentorId = mentorId(execution);
      year.pause(mentorId);
      execution.setVariable(SOBER_SINCE, year.soberSince(mentorId).map(java.time.LocalDate::toString).orElse(null));
      execution.setVariable(EXPERIENCE, mentors.find(mentorId).map(Mentor::experience).orElse(null));
    };
  }

  /**
   * {@code ${recordRelapseFollowUp}}, end listener of {@code followUpRelapse} and {@code reconsiderReturn} (after the
   * form's guard): the register keeps the adviser's follow-up; who did it is the login.
   */
  @Bean
  ExecutionListener recordRelapseFollowUp(MentorYear year) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      var in = new no.alarm.likemann.forms.FormInput(execution::getVariable);
      var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      year.recordFollowUp(mentorId(execution), in.date(SOBER_SINCE), in.date(RELAPSE_FOLLOWED_UP_ON),
          in.isTrue(INTERNAL_ROUTINE_FOLLOWED), user == null ? null : user.getUserId());
    };
  }

  /** {@code resumeMentor}. */
  @Bean
  JavaDelegate resumeMentorDelegate(MentorYear year) {
    return execution -> year.resume(mentorId(execution));
  }

  /** {@code mentorLeaves}. */
  @Bean
  JavaDelegate mentorLeavesDelegate(MentorYear year) {
    return execution -> year.leave(mentorId(execution));
  }

  /** {@code ${recordSupervisionAttendance}}, end listener of {@code recordSupervision}. */
  @Bean
  ExecutionListener recordSupervisionAttendance(MentorYear year) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      int missed = year.recordSupervision(mentorId(execution),
          YearMonth.parse((String) execution.getVariable(SUPERVISION_MONTH)),
          Value.YES.equals(execution.getVariable(SUPERVISION_ATTENDED)));
      execution.setVariable(MISSED_IN_A_ROW, missed);
    };
  }
}
