package no.alarm.likemann.referral;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;

import java.util.Collection;
import java.util.Map;

/**
 * Where a referral stands, in the words the counsellor and the coordinator use: from its outcome once the journey
 * has ended, otherwise from the journey's open tasks (the furthest stage wins: in follow-up, a rematch or a weekly
 * log is still follow-up).
 */
public enum ReferralStage {
  ASSESSMENT("Til vurdering"),
  WAIT_LIST("På venteliste"),
  INFORMATION_MEETING("Informasjonsmøte"),
  MATCHING("Finner likemann"),
  COUPLING_MEETING("Koblingsmøte"),
  FOLLOW_UP("I oppfølging"),
  CLOSING_REPORT("Sluttrapporten skrives"),
  /** Between two steps, for the moment the engine works on it (e.g. an asynchronous step). */
  IN_PROGRESS("Under behandling"),
  DECLINED("Henvisningen avslått"),
  SAID_NO("Takket nei etter informasjonsmøtet"),
  CONSENT_REFUSED("Samtykke ikke gitt"),
  CLOSED("Avsluttet"),
  WITHDRAWN("Samtykket trukket");

  private static final Map<String, String> CLOSING_REASONS = Map.of("goalsReached", "målene er nådd",
      "dropOut", "frafall", "moved", "flyttet", "consentWithdrawn", "samtykket trukket", "other", "annet");

  private final String label;

  ReferralStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The label with the closing reason, where there is one: "Avsluttet: målene er nådd". */
  public String label(String closingReason) {
    String reason = closingReason == null ? null : CLOSING_REASONS.get(closingReason);
    return this == CLOSED && reason != null ? label + ": " + reason : label;
  }

  /**
   * @param outcome      the referral's recorded outcome ({@code DECLINED}, {@code SAID_NO}, {@code CONSENT_REFUSED},
   *                     {@code CLOSED}, {@code WITHDRAWN}), or null while the journey runs
   * @param openTaskKeys the task definition keys of the journey's open tasks
   */
  public static ReferralStage of(String outcome, Collection<String> openTaskKeys) {
    if (outcome != null) {
      return valueOf(outcome);
    }
    if (openTaskKeys.contains(WRITE_CLOSING_REPORT)) {
      return CLOSING_REPORT;
    }
    if (openTaskKeys.contains(CLOSE_FOLLOW_UP)) {
      return FOLLOW_UP;
    }
    if (openTaskKeys.contains(HOLD_COUPLING_MEETING)) {
      return COUPLING_MEETING;
    }
    if (openTaskKeys.contains(MATCH_MENTOR) || openTaskKeys.contains(AWAIT_MENTOR)) {
      return MATCHING;
    }
    if (openTaskKeys.contains(HOLD_INFORMATION_MEETING)) {
      return INFORMATION_MEETING;
    }
    if (openTaskKeys.contains(AWAIT_CAPACITY)) {
      return WAIT_LIST;
    }
    if (openTaskKeys.contains(ASSESS_REFERRAL)) {
      return ASSESSMENT;
    }
    return IN_PROGRESS;
  }
}
