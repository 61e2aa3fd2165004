package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.mentor.MentorRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code switchMentor}: the participant moves to the mentor chosen in {@code rematchMentor}. The new slot is taken
 * (or the completion is refused, as in matching), the old coupling ends and frees its slot. Weekly logs already open
 * stay with the mentor who had the week; the next week's log goes to the new mentor. The journey keeps its whole
 * history; the couplings table keeps every coupling.
 */
@Component
public class SwitchMentorDelegate implements JavaDelegate {

  static final String END_REASON = "rematch";

  private final MentorRegister mentors;
  private final MatchingRequirements requirements;
  private final OsloCalendar oslo;
  private final no.alarm.likemann.journey.InpatientStays stays;

  public SwitchMentorDelegate(MentorRegister mentors, MatchingRequirements requirements, OsloCalendar oslo,
      no.alarm.likemann.journey.InpatientStays stays) {
    this.mentors = mentors;
    this.requirements = requirements;
    this.oslo = oslo;
    this.stays = stays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long previous = ((Number) execution.getVariable(COUPLING_ID)).longValue();
    long mentorId = Long.parseLong((String) execution.getVariable(MENTOR_ID));
    var reservation = mentors.reserve(mentorId, (String) execution.getVariable(REFERRAL_REFERENCE),
        requirements.of(execution));
    mentors.startCoupling(reservation.couplingId());
    mentors.endCoupling(previous, END_REASON);
    execution.setVariable(COUPLING_ID, reservation.couplingId());
    execution.setVariable(MENTOR_USERNAME, reservation.username());
    execution.setVariable(MENTOR_NAME, reservation.displayName());
    execution.setVariable(COUPLED_ON, oslo.today());
    // a transition from an inpatient stay is the new mentor's to take part in
    stays.mentorChanged((String) execution.getVariable(REFERRAL_REFERENCE), reservation.username());
  }
}
