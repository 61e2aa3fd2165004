package no.alarm.likemann.journey;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code ${keepCaseNotes}}, end listener of the journey's user tasks with free-text notes (after the form checks):
 * moves what the form wrote in {@link ParticipantJourney.Var#NOTES} to the register ({@link CaseNotes}) and removes
 * it from the journey, in the completion's own transaction. A cancelled task wrote nothing.
 */
@Component("keepCaseNotes")
public class KeepCaseNotesListener implements ExecutionListener {

  private final CaseNotes notes;

  public KeepCaseNotesListener(CaseNotes notes) {
    this.notes = notes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<CaseNotes.Note> written = new ArrayList<>();
    for (String field : ParticipantJourney.Var.NOTES) {
      if (execution.getVariable(field) instanceof String text && !text.isBlank()) {
        written.add(new CaseNotes.Note(execution.getCurrentActivityId(), field, text, null));
      }
      execution.removeVariable(field);
    }
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    notes.keep(execution.getProcessBusinessKey(), execution.getCurrentActivityId(), execution.getActivityInstanceId(),
        who == null ? null : who.getUserId(), written);
  }
}
