package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import no.alarm.likemann.journey.InpatientStays;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.mentor.MentorRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code endParticipation}: the participant has withdrawn consent. Whatever the journey held is let go: a reserved
 * slot is released, an active coupling ends with the reason, and either way the mentor's slot is free for the next;
 * an inpatient stay's process ends with the journey.
 */
@Component
public class EndParticipationDelegate implements JavaDelegate {

  private final MentorRegister mentors;
  private final InpatientStays stays;

  public EndParticipationDelegate(MentorRegister mentors, InpatientStays stays) {
    this.mentors = mentors;
    this.stays = stays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CLOSING_REASON, ParticipantJourney.REASON_CONSENT_WITHDRAWN);
    if (execution.getVariable(COUPLING_ID) instanceof Number coupling) {
      mentors.letGo(coupling.longValue(), ParticipantJourney.REASON_CONSENT_WITHDRAWN);
    }
    stays.journeyEnded((String) execution.getVariable(REFERRAL_REFERENCE));
  }
}
