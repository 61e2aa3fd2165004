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

  /** {@code pauseMentor}. */
  @Bean
  JavaDelegate pauseMentorDelegate(MentorYear year) {
    return execution -> year.pause(mentorId(execution));
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
