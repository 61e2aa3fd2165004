package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import no.alarm.likemann.mentor.MentorRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code reserveMentor}: runs in the transaction that completes {@code matchMentor}, so a mentor whose last slot was
 * just taken by another coordinator makes the completion fail with a clear message and nothing changes.
 */
@Component
public class ReserveMentorDelegate implements JavaDelegate {

  private final MentorRegister mentors;
  private final MatchingRequirements requirements;

  public ReserveMentorDelegate(MentorRegister mentors, MatchingRequirements requirements) {
    this.mentors = mentors;
    this.requirements = requirements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long mentorId = Long.parseLong((String) execution.getVariable(MENTOR_ID));
    var reservation = mentors.reserve(mentorId, (String) execution.getVariable(REFERRAL_REFERENCE),
        requirements.of(execution));
    execution.setVariable(COUPLING_ID, reservation.couplingId());
    execution.setVariable(MENTOR_USERNAME, reservation.username());
    execution.setVariable(MENTOR_NAME, reservation.displayName());
  }
}
