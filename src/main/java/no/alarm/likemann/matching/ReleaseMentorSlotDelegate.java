package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.COUPLING_ID;

import no.alarm.likemann.mentor.MentorRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code releaseMentorSlot}: consent refused, the reserved slot is given back. */
@Component
public class ReleaseMentorSlotDelegate implements JavaDelegate {

  private final MentorRegister mentors;

  public ReleaseMentorSlotDelegate(MentorRegister mentors) {
    this.mentors = mentors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mentors.release(((Number) execution.getVariable(COUPLING_ID)).longValue());
  }
}
