package no.alarm.likemann.onboarding;

import java.util.List;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code withdrawCandidate}: ends the named candidate's onboarding, wherever it stands. */
@Component
public class WithdrawCandidateDelegate implements JavaDelegate {

  static final String REFERENCE = "candidateReference";

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ((String) execution.getVariable(REFERENCE)).strip().toUpperCase(java.util.Locale.ROOT);
    try {
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(MentorOnboarding.MESSAGE_CANDIDATE_WITHDREW)
          .processInstanceBusinessKey(reference).correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new InvalidFormInputException("candidateWithdrawalReported", List.of(new Violation(REFERENCE,
          "Fant ingen pågående rekruttering med referansen «" + reference + "».",
          "candidateReference names no onboarding in progress")));
    }
  }
}
