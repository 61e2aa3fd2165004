package no.alarm.likemann.referral;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code registerReferral}: the referral row and its readable reference, which becomes the business key. */
@Component
public class RegisterReferralDelegate implements JavaDelegate {

  private final ReferralRegistry referrals;

  public RegisterReferralDelegate(ReferralRegistry referrals) {
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = referrals.register(execution.getProcessInstanceId(), new ReferralRegistry.NewReferral(
        (String) execution.getVariable(MUNICIPALITY),
        (String) execution.getVariable(GENDER),
        ((Number) execution.getVariable(AGE)).intValue(),
        (String) execution.getVariable(TREATMENT_STATUS),
        Boolean.TRUE.equals(execution.getVariable(HAS_INDIVIDUAL_PLAN)),
        Boolean.TRUE.equals(execution.getVariable(HAS_BRUKERPLAN))));
    // the reference is the business key, also when a key was typed in Tasklist's start dialog
    execution.setProcessBusinessKey(reference);
    execution.setVariable(REFERRAL_REFERENCE, reference);
  }
}
