package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLED_ON;
import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLING_ID;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.mentor.MentorRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code startCoupling}: consent and agreement signed, the reserved slot becomes an active coupling. */
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
    mentors.startCoupling(((Number) execution.getVariable(COUPLING_ID)).longValue());
    execution.setVariable(COUPLED_ON, oslo.today());
  }
}
