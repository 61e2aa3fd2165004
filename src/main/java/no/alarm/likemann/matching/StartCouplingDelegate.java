package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLED_ON;
import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLING_ID;
import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLING_MEETING_DATE;

import java.time.LocalDate;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.mentor.MentorRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code startCoupling}: consent, agreement and confidentiality signed, the reserved slot becomes an active coupling
 * from the day of the coupling meeting the coordinator entered (checked by the form's rules: not in the future, not
 * before the referral), not from the day the task was completed.
 */
@Component
public class StartCouplingDelegate implements JavaDelegate {

  private final MentorRegister mentors;
  private final OsloCalendar oslo;

  public StartCouplingDelegate(MentorRegister mentors, OsloCalendar oslo) {
    this.mentors = mentors;
    this.oslo = oslo;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate met = new FormInput(execution::getVariable).date(COUPLING_MEETING_DATE);
    LocalDate coupledOn = met == null || met.isAfter(oslo.todayDate()) ? oslo.todayDate() : met;
    mentors.startCoupling(((Number) execution.getVariable(COUPLING_ID)).longValue(), coupledOn);
    execution.setVariable(COUPLED_ON, coupledOn.toString());
  }
}
