package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.CLOSING_REASON;
import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLING_ID;

import no.alarm.likemann.mentor.MentorRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code endCoupling}: the follow-up is closed, the mentor's slot is freed. */
@Component
public class EndCouplingDelegate implements JavaDelegate {

  private final MentorRegister mentors;

  public EndCouplingDelegate(MentorRegister mentors) {
    this.mentors = mentors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mentors.endCoupling(((Number) execution.getVariable(COUPLING_ID)).longValue(),
        (String) execution.getVariable(CLOSING_REASON));
  }
}
