package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.CLOSING_REASON;
import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLING_ID;
import static no.alarm.likemann.journey.ParticipantJourney.Var.REFERRAL_REFERENCE;

import no.alarm.likemann.mentor.MentorRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code endCoupling}: the follow-up is closed, the mentor's slot is freed; an inpatient stay's process ends. */
@Component
public class EndCouplingDelegate implements JavaDelegate {

  private final MentorRegister mentors;
  private final no.alarm.likemann.journey.InpatientStays stays;

  public EndCouplingDelegate(MentorRegister mentors, no.alarm.likemann.journey.InpatientStays stays) {
    this.mentors = mentors;
    this.stays = stays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mentors.endCoupling(((Number) execution.getVariable(COUPLING_ID)).longValue(),
        (String) execution.getVariable(CLOSING_REASON));
    stays.journeyEnded((String) execution.getVariable(REFERRAL_REFERENCE));
  }
}
