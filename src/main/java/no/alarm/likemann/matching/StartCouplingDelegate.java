package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLED_ON;
import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLING_ID;
import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLING_MEETING_DATE;

import java.time.LocalDate;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.journey.InpatientStay;
import no.alarm.likemann.journey.InpatientStays;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.mentor.MentorRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code startCoupling}: consent, agreement and confidentiality signed, the reserved slot becomes an active coupling
 * from the day of the coupling meeting the coordinator entered (checked by the form's rules: not in the future, not
 * before the referral), not from the day the task was completed. A participant in an inpatient stay is coupled before
 * the discharge: the stay and its expected discharge go to the register, and its process follows it to the
 * transition ({@link InpatientStay}); the meeting's answers about it leave the journey.
 */
@Component
public class StartCouplingDelegate implements JavaDelegate {

  private final MentorRegister mentors;
  private final OsloCalendar oslo;
  private final InpatientStays stays;

  public StartCouplingDelegate(MentorRegister mentors, OsloCalendar oslo, InpatientStays stays) {
    this.mentors = mentors;
    this.oslo = oslo;
    this.stays = stays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormInput in = new FormInput(execution::getVariable);
    LocalDate met = in.date(COUPLING_MEETING_DATE);
    LocalDate coupledOn = met == null || met.isAfter(oslo.todayDate()) ? oslo.todayDate() : met;
    mentors.startCoupling(((Number) execution.getVariable(COUPLING_ID)).longValue(), coupledOn);
    execution.setVariable(COUPLED_ON, coupledOn.toString());
    if (ParticipantJourney.Value.YES.equals(in.get(InpatientStay.Var.PARTICIPANT_INPATIENT))) {
      stays.admit((String) execution.getVariable(ParticipantJourney.Var.REFERRAL_REFERENCE), "atCoupling", coupledOn,
          in.date(InpatientStay.Var.EXPECTED_DISCHARGE_DATE), "coordinator");
    }
    execution.removeVariable(InpatientStay.Var.PARTICIPANT_INPATIENT);
    execution.removeVariable(InpatientStay.Var.EXPECTED_DISCHARGE_DATE);
  }
}
