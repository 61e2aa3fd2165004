package no.alarm.likemann.referral;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;

import java.util.Map;

import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.referral.ReferralRegistry.Outcome;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** {@code ${recordJourneyOutcome}} on every end event of the journey: the outcome that reports count. */
@Component("recordJourneyOutcome")
public class RecordJourneyOutcomeListener implements ExecutionListener {

  static final Map<String, Outcome> OUTCOME_BY_END_EVENT = Map.of(
      REFERRAL_DECLINED, Outcome.DECLINED,
      PARTICIPANT_SAID_NO, Outcome.SAID_NO,
      CONSENT_REFUSED, Outcome.CONSENT_REFUSED,
      JOURNEY_CLOSED, Outcome.CLOSED,
      JOURNEY_WITHDRAWN, Outcome.WITHDRAWN);

  private final ReferralRegistry referrals;

  public RecordJourneyOutcomeListener(ReferralRegistry referrals) {
    this.referrals = referrals;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Outcome outcome = OUTCOME_BY_END_EVENT.get(execution.getCurrentActivityId());
    if (outcome == null) {
      throw new IllegalStateException("No journey outcome for end event " + execution.getCurrentActivityId());
    }
    String reason = outcome == Outcome.CLOSED || outcome == Outcome.WITHDRAWN
        ? (String) execution.getVariable(ParticipantJourney.Var.CLOSING_REASON) : null;
    referrals.recordOutcome((String) execution.getVariable(ParticipantJourney.Var.REFERRAL_REFERENCE), outcome, reason);
  }
}
