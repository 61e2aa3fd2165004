package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.LocalDate;

import no.alarm.likemann.journey.ParticipantJourney.Value;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code recordContact}: stores the contact the mentor just logged. */
@Component
public class RecordContactDelegate implements JavaDelegate {

  private final ContactLog contacts;

  public RecordContactDelegate(ContactLog contacts) {
    this.contacts = contacts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String date = (String) execution.getVariable(CONTACT_DATE);
    contacts.record(execution.getActivityInstanceId(), new ContactLog.Contact(
        ((Number) execution.getVariable(COUPLING_ID)).longValue(),
        LocalDate.parse(date.substring(0, 10)),
        (String) execution.getVariable(CONTACT_TYPE),
        Value.YES.equals(execution.getVariable(CONTACT_REACHED)),
        ((Number) execution.getVariable(CONTACT_MINUTES)).intValue()));
  }
}
