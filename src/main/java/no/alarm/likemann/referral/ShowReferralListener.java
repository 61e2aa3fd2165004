package no.alarm.likemann.referral;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import no.alarm.likemann.journey.ParticipantJourney;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${showReferral}}, create listener of the coordinators' tasks that show the referral (assessment, waiting,
 * information meeting, matching): puts the referral's own words and the referring counsellor on that task alone, from
 * the register. They are the task's variables, so only who may work the task reads them, and they go with the task.
 */
@Component("showReferral")
public class ShowReferralListener implements TaskListener {

  private final ReferralRegistry referrals;

  public ShowReferralListener(ReferralRegistry referrals) {
    this.referrals = referrals;
  }

  @Override
  public void notify(DelegateTask task) {
    referrals.details((String) task.getVariable(REFERRAL_REFERENCE)).ifPresent(d -> {
      task.setVariableLocal(SUBSTANCE_HISTORY, d.substanceHistory());
      task.setVariableLocal(FUTURE_WISHES, d.futureWishes());
      task.setVariableLocal(COUNSELLOR_NAME, d.counsellorName());
      task.setVariableLocal(COUNSELLOR_CONTACT, d.counsellorContact());
    });
    // the municipality's view of the joint assessment, on the coordinator's assessment and wait-list tasks only
    String step = task.getTaskDefinitionKey();
    if (ParticipantJourney.Element.ASSESS_REFERRAL.equals(step) || ParticipantJourney.Element.AWAIT_CAPACITY.equals(step)) {
      task.setVariableLocal(MUNICIPALITY_VIEW_TEXT, JointAssessment.text(
          referrals.municipalityView((String) task.getVariable(REFERRAL_REFERENCE))));
    }
  }
}
