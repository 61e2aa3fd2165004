package no.alarm.likemann.journey;

import java.util.Map;

/**
 * The one place that names the deviation process ({@code agreementDeviation}, plan 000 §13: "avvik fra
 * avtaleforpliktelsene … må følges opp og rapporteres"): any party reports a deviation from a journey's agreement,
 * the coordinator follows it up first (the lowest level), the project leader what is not resolved there.
 */
public final class AgreementDeviation {

  public static final String PROCESS_KEY = "agreementDeviation";

  private AgreementDeviation() {}

  public static final class Element {
    public static final String DEVIATION_REPORTED = "deviationReported";
    public static final String REGISTER_DEVIATION = "registerDeviation";
    public static final String FOLLOW_UP_DEVIATION = "followUpDeviation";
    public static final String DEVIATION_RESOLVED = "deviationResolved";
    public static final String FOLLOW_UP_DEVIATION_PROJECT_LEADER = "followUpDeviationProjectLeader";
    public static final String DEVIATION_CLOSED_MERGE = "deviationClosedMerge";
    public static final String DEVIATION_CLOSED = "deviationClosed";

    private Element() {}
  }

  public static final class Var {
    /** The journey's reference (the start form's field; the business key after registration). */
    public static final String REFERRAL_REFERENCE = ParticipantJourney.Var.REFERRAL_REFERENCE;
    /** Which obligation: {@link #KINDS}. */
    public static final String DEVIATION_KIND = "deviationKind";
    /** Whose obligation was not kept: {@link #PARTIES}. */
    public static final String DEVIATION_BY = "deviationBy";
    public static final String DEVIATION_DATE = "deviationDate";
    /** The report's words: to the register, out of the process. */
    public static final String DEVIATION_DESCRIPTION = "deviationDescription";
    public static final String DEVIATION_ID = "deviationId";
    /** The follow-up's words: to the register, out of the process. */
    public static final String FOLLOW_UP_NOTE = "deviationFollowUpNote";
    /** resolved or escalate (the coordinator); resolved or agreementEnded (the project leader). */
    public static final String DEVIATION_OUTCOME = "deviationOutcome";
    /** The deviation in words, a local variable of the follow-up tasks only. */
    public static final String DEVIATION_TEXT = "deviationText";

    private Var() {}
  }

  public static final Map<String, String> KINDS = Map.of(
      "meetings", "Avtalte møter eller kontakt ble ikke holdt",
      "confidentiality", "Taushetsplikten",
      "ownRules", "Deltakerens egne regler for oppfølgingen",
      "informationExchange", "Avtalen om informasjonsutveksling",
      "other", "Annet");

  public static final Map<String, String> PARTIES = Map.of(
      "participant", "Deltakeren",
      "mentor", "Likemannen",
      "counsellor", "Ruskonsulenten",
      "coordinator", "Koordinatoren");

  public static final Map<String, String> OUTCOMES = Map.of(
      "resolved", "Løst",
      "escalate", "Sendt til prosjektlederen",
      "agreementEnded", "Samarbeidet avsluttes");
}
