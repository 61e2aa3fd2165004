package no.alarm.likemann.journey;

import java.util.Map;

/**
 * The one place that names the inpatient stay process ({@code inpatientStay}, report 001, ch. 4: "danne en relasjon
 * før utskrivingstidspunktet … at likemann er med i denne overgangen"): a participant coupled while in an inpatient
 * stay, or admitted again during the follow-up, is followed to the discharge: the coordinator records it (early, and
 * why, or postponed), the mentor takes part in the transition and says how. The journey's end closes an open stay.
 */
public final class InpatientStay {

  public static final String PROCESS_KEY = "inpatientStay";
  /** Starts a stay: from the coupling meeting, or from a change in the journey. */
  public static final String MESSAGE_ADMITTED = "participantAdmitted";
  /** The journey has ended: an open stay is closed with it. */
  public static final String MESSAGE_JOURNEY_ENDED = "inpatientStayJourneyEnded";

  private InpatientStay() {}

  public static final class Element {
    public static final String PARTICIPANT_ADMITTED = "participantAdmitted";
    public static final String DISCHARGE_SPLIT = "dischargeSplit";
    public static final String DISCHARGE_MERGE = "dischargeMerge";
    public static final String RECORD_DISCHARGE = "recordDischarge";
    public static final String DISCHARGE_OUTCOME = "dischargeOutcome";
    public static final String TAKE_PART_IN_DISCHARGE = "takePartInDischarge";
    public static final String DISCHARGE_JOIN = "dischargeJoin";
    public static final String PARTICIPANT_DISCHARGED = "participantDischarged";
    public static final String JOURNEY_ENDED_DURING_STAY = "journeyEndedDuringStay";
    public static final String JOURNEY_ENDED = "journeyEnded";
    public static final String CLOSE_STAY = "closeStay";
    public static final String STAY_CLOSED = "stayClosed";

    private Element() {}
  }

  public static final class Var {
    /** The journey's reference: the business key of the stay. */
    public static final String REFERRAL_REFERENCE = ParticipantJourney.Var.REFERRAL_REFERENCE;
    public static final String STAY_ID = "stayId";
    /** The expected discharge (yyyy-mm-dd): the tasks' due date; a postponement moves it. */
    public static final String EXPECTED_DISCHARGE = "expectedDischarge";
    public static final String ADMITTED_ON = "admittedOn";
    /** The mentor who takes part in the transition (the journey's mentor when the stay started or was switched). */
    public static final String MENTOR_USERNAME = "stayMentorUsername";
    /** The stay in words, a local variable of its tasks only. */
    public static final String STAY_TEXT = "stayText";

    // the coupling meeting's fields
    public static final String PARTICIPANT_INPATIENT = "participantInpatient";
    public static final String EXPECTED_DISCHARGE_DATE = "expectedDischargeDate";

    // the change in the journey's fields (journeyChange = admitted)
    public static final String ADMISSION_KIND = "admissionKind";
    public static final String ADMITTED_DATE = "admittedDate";

    // recordDischarge
    /** discharged or postponed. */
    public static final String DISCHARGE = "dischargeOutcome";
    public static final String DISCHARGED_ON = "dischargedOn";
    public static final String EARLY_REASON = "earlyDischargeReason";
    public static final String NEW_EXPECTED_DISCHARGE = "newExpectedDischarge";
    public static final String DISCHARGE_NOTE = "dischargeNote";

    // takePartInDischarge
    public static final String MENTOR_PART = "mentorPart";
    public static final String MENTOR_PART_ON = "mentorPartOn";
    public static final String MENTOR_PART_NOTE = "mentorPartNote";

    private Var() {}
  }

  public static final String DISCHARGED = "discharged";
  public static final String POSTPONED = "postponed";

  /** How the participant came in: at the coupling (already inpatient), or admitted during the follow-up. */
  public static final Map<String, String> ADMISSIONS = Map.of(
      "atCoupling", "Innlagt da koblingen startet",
      "planned", "Planlagt innleggelse",
      "acute", "Akutt innleggelse");

  public static final Map<String, String> EARLY_REASONS = Map.of(
      "acuteAdmission", "Plassen trengtes til en akutt innleggelse",
      "selfDischarge", "Deltakeren skrev seg ut selv",
      "treatmentBrokenOff", "Behandlingen ble avbrutt",
      "other", "Annet");

  public static final Map<String, String> MENTOR_PARTS = Map.of(
      "atDischarge", "Var med på utskrivingsdagen",
      "firstDays", "Møtte deltakeren de første dagene etter",
      "phone", "Kontakt på telefon rundt utskrivingen",
      "notPossible", "Det lot seg ikke gjøre");
}
