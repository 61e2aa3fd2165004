package no.alarm.likemann.portalen;

import static no.alarm.likemann.portalen.WorkParticipation.Var.*;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.portalen.WorkParticipation.Element;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code workParticipation}; the work is in {@link PortalenRegister} and {@link AgreedDays}. */
@Configuration
public class PortalenDelegates {

  static long participant(DelegateExecution execution) {
    return ((Number) execution.getVariable(MEDARBEIDER_ID)).longValue();
  }

  static LocalDate date(DelegateExecution execution, String variable) {
    return LocalDate.parse(((String) execution.getVariable(variable)).substring(0, 10));
  }

  /** {@code registerMedarbeider}: the register row, the reference as business key, and who follows up. */
  @Bean
  JavaDelegate registerMedarbeiderDelegate(PortalenRegister register, MentorRegister mentors) {
    return execution -> {
      Set<DayOfWeek> days = AgreedDays.parse(execution.getVariable(AGREED_DAYS));
      Mentor mentor = PortalenFormRules.responsibleMentor(mentors, (String) execution.getVariable(MENTOR_REFERENCE),
          (String) execution.getVariable(STARTED_BY)).orElse(null);
      LocalDate start = date(execution, START_DATE);
      var registered = register.register(execution.getProcessInstanceId(), (String) execution.getVariable(WORKPLACE),
          AgreedDays.codes(days), mentor == null ? null : mentor.id(), start);
      execution.setProcessBusinessKey(registered.reference());
      execution.setVariable(MEDARBEIDER_ID, registered.id());
      execution.setVariable(MEDARBEIDER_REFERENCE, registered.reference());
      execution.setVariable(AGREED_DAY_CODES, AgreedDays.codes(days));
      execution.setVariable(RESPONSIBLE_MENTOR_USERNAME, mentor == null ? null : mentor.username());
      execution.setVariable(LAST_PLANNED_DAY, start.minusDays(1).toString());
    };
  }

  /** {@code planNextDay}: the next agreed day after the last one planned, and its morning for the timer. */
  @Bean
  JavaDelegate planAttendanceDayDelegate(OsloCalendar oslo) {
    return execution -> {
      LocalDate next = AgreedDays.nextAfter(date(execution, LAST_PLANNED_DAY),
          AgreedDays.parse(execution.getVariable(AGREED_DAY_CODES)));
      execution.setVariable(LAST_PLANNED_DAY, next.toString());
      execution.setVariable(ATTENDANCE_DATE, next.toString());
      execution.setVariable(ATTENDANCE_DUE, oslo.morningOf(next));
    };
  }

  /** {@code ${recordAttendance}}, end listener of {@code registerAttendance}. */
  @Bean
  ExecutionListener recordAttendance(PortalenRegister register) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      String attendance = (String) execution.getVariable(ATTENDANCE);
      register.recordAttendance(participant(execution), date(execution, ATTENDANCE_DATE),
          "attended".equals(attendance));
    };
  }

  /** {@code pauseParticipation}, {@code returnParticipation}, {@code leaveParticipation}. */
  @Bean
  JavaDelegate changeParticipationDelegate(PortalenRegister register, OsloCalendar oslo) {
    return execution -> {
      long id = participant(execution);
      switch (execution.getCurrentActivityId()) {
        case Element.PAUSE_PARTICIPATION -> register.setStatus(id, "PAUSED", null);
        case Element.RETURN_PARTICIPATION -> {
          register.setStatus(id, "ACTIVE", null);
          // the first agreed day from the return date on is the next one planned
          execution.setVariable(LAST_PLANNED_DAY, date(execution, RETURN_DATE).minusDays(1).toString());
        }
        case Element.LEAVE_PARTICIPATION -> register.setStatus(id, "LEFT", oslo.todayDate());
        default -> throw new IllegalStateException("No participation change at " + execution.getCurrentActivityId());
      }
    };
  }
}
