package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.LocalDate;
import java.util.List;

import no.alarm.likemann.forms.FormInput;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code recordWeeklyContacts}: stores the week's contacts the mentor just logged, in the project's own tables. */
@Component
public class RecordWeeklyContactsDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordWeeklyContactsDelegate.class);

  private final ContactLog contacts;
  private final CoordinatorContact coordinatorContact;

  public RecordWeeklyContactsDelegate(ContactLog contacts, CoordinatorContact coordinatorContact) {
    this.contacts = contacts;
    this.coordinatorContact = coordinatorContact;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long couplingId = ((Number) execution.getVariable(WEEK_COUPLING_ID)).longValue();
    ContactWeek week = new ContactWeek(LocalDate.parse((String) execution.getVariable(WEEK_START)),
        LocalDate.parse((String) execution.getVariable(WEEK_END)));
    List<WeeklyContact> logged = WeeklyContact.from(new FormInput(execution::getVariable));
    boolean recorded = contacts.recordWeek(execution.getActivityInstanceId(), couplingId, week, logged);
    // the mentor's weekly contact with the coordinator, kept per mentor and week
    coordinatorContact.record(couplingId, week.start(), "yes".equals(execution.getVariable(CoordinatorContact.FIELD)));
    execution.removeVariable(CoordinatorContact.FIELD);
    // the rows were submitted to the journey: gone again before another week's form can show them
    execution.removeVariable(CONTACT_COUNT);
    for (int i = 1; i <= MAX_CONTACTS; i++) {
      execution.removeVariable(contact(i));
    }
    LOG.info("Weekly log of coupling {} for {} to {}: {} contacts{}", couplingId, week.start(), week.end(), logged.size(),
        recorded ? "" : " (recorded before)");
  }
}
