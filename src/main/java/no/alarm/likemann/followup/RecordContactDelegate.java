package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.LocalDate;

import no.alarm.likemann.journey.ParticipantJourney.Value;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code recordContact}: stores the contact the mentor just logged, and moves the day silence is counted from when the
 * contact reached the participant.
 */
@Component
public class RecordContactDelegate implements JavaDelegate {

  private final ContactLog contacts;

  public RecordContactDelegate(ContactLog contacts) {
    this.contacts = contacts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate date = LocalDate.parse(((String) execution.getVariable(CONTACT_DATE)).substring(0, 10));
    boolean reached = Value.YES.equals(execution.getVariable(CONTACT_REACHED));
    contacts.record(execution.getActivityInstanceId(), new ContactLog.Contact(
        ((Number) execution.getVariable(COUPLING_ID)).longValue(), date,
        (String) execution.getVariable(CONTACT_TYPE), reached,
        ((Number) execution.getVariable(CONTACT_MINUTES)).intValue()));
    execution.setVariable(LAST_REACHED_CONTACT_DATE,
        ContactLog.lastReached((String) execution.getVariable(LAST_REACHED_CONTACT_DATE), date, reached));
  }
}
