package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.LocalDate;

import no.alarm.likemann.calendar.OsloCalendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${openContactWeek}}, on the start of each week's log: fixes the week and the coupling it belongs to as
 * variables of that week alone, so two open weeks never mix. The contacts a form submits are read and removed in the
 * same transaction ({@code recordWeeklyContacts}), so no week's form ever shows another week's contacts.
 */
@Component("openContactWeek")
public class OpenContactWeekListener implements ExecutionListener {

  private final OsloCalendar oslo;

  public OpenContactWeekListener(OsloCalendar oslo) {
    this.oslo = oslo;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String coupledOn = (String) execution.getVariable(COUPLED_ON);
    ContactWeek week = ContactWeek.before(oslo.todayDate(), coupledOn == null ? null : LocalDate.parse(coupledOn));
    execution.setVariableLocal(WEEK_START, week.start().toString());
    execution.setVariableLocal(WEEK_END, week.end().toString());
    execution.setVariableLocal(WEEK_LABEL, week.label());
    execution.setVariableLocal(WEEK_COUPLING_ID, execution.getVariable(COUPLING_ID));
  }
}
