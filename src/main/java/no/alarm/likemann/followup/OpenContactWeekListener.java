package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.LocalDate;

import no.alarm.likemann.calendar.OsloCalendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${openContactWeek}}, on the start of each week's log: fixes the week and the coupling it belongs to as
 * variables of that week alone, so two open weeks never mix. The week is the one the follow-up calendar sent with the
 * message; a message sent without one (by hand, through the REST API) opens the calendar week before today. The
 * contacts a form submits are read and removed in the same transaction ({@code recordWeeklyContacts}), so no week's
 * form ever shows another week's contacts.
 */
@Component("openContactWeek")
public class OpenContactWeekListener implements ExecutionListener {

  private final OsloCalendar oslo;

  public OpenContactWeekListener(OsloCalendar oslo) {
    this.oslo = oslo;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object start = execution.getVariable(OPENED_WEEK_START);
    Object end = execution.getVariable(OPENED_WEEK_END);
    Object coupling = execution.getVariable(OPENED_WEEK_COUPLING_ID);
    ContactWeek week;
    if (start != null && end != null && coupling != null) {
      week = new ContactWeek(LocalDate.parse(start.toString()), LocalDate.parse(end.toString()));
    } else {
      String coupledOn = (String) execution.getVariable(COUPLED_ON);
      week = ContactWeek.before(oslo.todayDate(), coupledOn == null ? null : LocalDate.parse(coupledOn));
      coupling = execution.getVariable(COUPLING_ID);
    }
    execution.setVariableLocal(WEEK_START, week.start().toString());
    execution.setVariableLocal(WEEK_END, week.end().toString());
    execution.setVariableLocal(WEEK_LABEL, week.label());
    execution.setVariableLocal(WEEK_COUPLING_ID, coupling);
  }
}
