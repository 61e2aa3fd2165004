package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.CLOSING_REASON;

import no.alarm.likemann.journey.ParticipantJourney.Value;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code recordDropOut}: the participant could not be brought back; the follow-up closes as drop-out. */
@Component
public class RecordDropOutDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CLOSING_REASON, Value.DROP_OUT);
  }
}
