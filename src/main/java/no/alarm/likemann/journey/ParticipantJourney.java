package no.alarm.likemann.journey;

/**
 * The one place that names the participant journey: its key, its elements and its variables.
 * Tests, delegates and tools use these names; the BPMN and the forms carry the same strings.
 */
public final class ParticipantJourney {

  public static final String PROCESS_KEY = "participantJourney";
  public static final String PRIORITY_DECISION = "referralPriority";
  /** Sent by the daily silence watch: no contact reached the participant for {@link #SILENT_DAYS} days. */
  public static final String MESSAGE_PARTICIPANT_SILENT = "participantSilent";
  public static final int SILENT_DAYS = 14;
  /** Wakes a referral waiting at {@code awaitCapacity} or {@code awaitMentor}: a mentor slot has come free. */
  public static final String MESSAGE_CAPACITY_FREED = "capacityFreed";
  /**
   * A new mentor is needed: before the coupling meeting the reservation is released and matching opens again; during
   * follow-up a rematch starts without stopping it. The tasks do not say why.
   */
  public static final String MESSAGE_REMATCH_NEEDED = "mentorRematchNeeded";
  /** The participant withdraws consent, at any stage: the journey ends and a mentor's slot is freed. */
  public static final String MESSAGE_CONSENT_WITHDRAWN = "consentWithdrawn";
  /**
   * Sent by the follow-up calendar every Monday morning, once per coupling and week: the week has ended, its log opens.
   * The week comes with it as transient variables ({@code Var.OPENED_WEEK_*}).
   */
  public static final String MESSAGE_CONTACT_WEEK_ENDED = "contactWeekEnded";
  /** Sent by the follow-up calendar after each eight weeks of follow-up: the coordinator checks in. */
  public static final String MESSAGE_CHECK_IN_DUE = "checkInDue";
  /** The closing reason recorded when consent is withdrawn. */
  public static final String REASON_CONSENT_WITHDRAWN = "consentWithdrawn";

  private ParticipantJourney() {}

  /** Element ids in processes/participant-journey.bpmn. */
  public static final class Element {
    public static final String REFERRAL_RECEIVED = "referralReceived";
    public static final String REGISTER_REFERRAL = "registerReferral";
    public static final String DETERMINE_PRIORITY = "determinePriority";
    /** The joint assessment: the referring municipality's view, from the referral form or asked for here. */
    public static final String MUNICIPALITY_VIEW_NEEDED = "municipalityViewNeeded";
    public static final String GIVE_MUNICIPALITY_VIEW = "giveMunicipalityView";
    public static final String MUNICIPALITY_VIEW_TIMEOUT = "municipalityViewTimeout";
    public static final String MUNICIPALITY_VIEW_MERGE = "municipalityViewMerge";
    public static final String ASSESS_REFERRAL = "assessReferral";
    public static final String AWAIT_CAPACITY = "awaitCapacity";
    public static final String HOLD_INFORMATION_MEETING = "holdInformationMeeting";
    public static final String MATCH_MENTOR = "matchMentor";
    public static final String AWAIT_MENTOR = "awaitMentor";
    public static final String RESERVE_MENTOR = "reserveMentor";
    public static final String HOLD_COUPLING_MEETING = "holdCouplingMeeting";
    public static final String RELEASE_MENTOR_SLOT = "releaseMentorSlot";
    public static final String START_COUPLING = "startCoupling";
    public static final String FOLLOW_UP = "followUp";
    public static final String WEEKLY_CONTACTS = "weeklyContacts";
    public static final String WEEK_ENDED = "weekEnded";
    /** Calls the week's log, a process of its own ({@link #CONTACT_WEEK_PROCESS}), so the mentor sees only the week. */
    public static final String LOG_CONTACT_WEEK = "logContactWeek";
    /** The mentor's task, in {@link #CONTACT_WEEK_PROCESS} (and in {@code finalContactWeek}). */
    public static final String LOG_WEEKLY_CONTACTS = "logWeeklyContacts";
    public static final String RECORD_WEEKLY_CONTACTS = "recordWeeklyContacts";
    /** processes/contact-week.bpmn: one week's log of one coupling. */
    public static final String CONTACT_WEEK_PROCESS = "contactWeek";
    public static final String CLOSE_FOLLOW_UP = "closeFollowUp";
    public static final String REMATCH_BEFORE_COUPLING = "rematchBeforeCoupling";
    public static final String RELEASE_RESERVATION = "releaseReservation";
    public static final String REMATCH_MENTOR = "rematchMentor";
    public static final String SWITCH_MENTOR = "switchMentor";
    public static final String MENTOR_SWITCHED = "mentorSwitched";
    public static final String CAPACITY_FREED_FOR_REFERRAL = "capacityFreedForReferral";
    public static final String CAPACITY_FREED_FOR_MATCHING = "capacityFreedForMatching";
    public static final String CHECK_IN = "checkIn";
    public static final String EIGHT_WEEKS_PASSED = "eightWeeksPassed";
    public static final String CHECK_IN_WITH_PARTICIPANT = "checkInWithParticipant";
    public static final String SILENCE_WARNING = "silenceWarning";
    public static final String PARTICIPANT_SILENT = "participantSilent";
    public static final String BRING_PARTICIPANT_BACK = "bringParticipantBack";
    public static final String PARTICIPANT_BACK_ON_TRACK = "participantBackOnTrack";
    public static final String RECORD_DROP_OUT = "recordDropOut";
    public static final String PARTICIPANT_DROPPED_OUT = "participantDroppedOut";
    public static final String FOLLOW_UP_DROPPED_OUT = "followUpDroppedOut";
    public static final String END_COUPLING = "endCoupling";
    public static final String WRITE_CLOSING_REPORT = "writeClosingReport";
    public static final String PRODUCE_CLOSING_REPORT = "produceClosingReport";
    public static final String REFERRAL_DECLINED = "referralDeclined";
    public static final String PARTICIPANT_SAID_NO = "participantSaidNo";
    public static final String CONSENT_REFUSED = "consentRefused";
    public static final String JOURNEY_CLOSED = "journeyClosed";
    public static final String CONSENT_WITHDRAWAL = "consentWithdrawal";
    public static final String CONSENT_WITHDRAWN = "consentWithdrawn";
    public static final String END_PARTICIPATION = "endParticipation";
    public static final String JOURNEY_WITHDRAWN = "journeyWithdrawn";

    private Element() {}
  }

  /** Process variables. Form fields use the same keys. */
  public static final class Var {
    // referral (start form)
    public static final String MUNICIPALITY = "municipality";
    public static final String COUNSELLOR_NAME = "counsellorName";
    public static final String COUNSELLOR_CONTACT = "counsellorContact";
    public static final String AGE = "age";
    public static final String GENDER = "gender";
    public static final String MENTOR_GENDER_WISH = "mentorGenderWish";
    public static final String SUBSTANCE_HISTORY = "substanceHistory";
    public static final String FUTURE_WISHES = "futureWishes";
    public static final String TREATMENT_STATUS = "treatmentStatus";
    public static final String AT_RISK_OF_FALLING_OUT = "atRiskOfFallingOut";
    public static final String HAS_INDIVIDUAL_PLAN = "hasIndividualPlan";
    public static final String HAS_BRUKERPLAN = "hasBrukerplan";
    public static final String REFERRAL_CONSENT = "referralConsent";
    /** The participant's earlier referral, when the counsellor recognises them: the same person, not a new one. */
    public static final String EARLIER_REFERENCE = "earlierReference";
    // set by the process
    public static final String REFERRAL_REFERENCE = "referralReference";
    public static final String PRIORITY = "priority";
    // assessReferral
    public static final String ASSESSMENT = "assessment";
    /** The municipality's view of the referral (offer, waitList, decline): a form field, kept in the register. */
    public static final String MUNICIPALITY_VIEW = "municipalityView";
    public static final String MUNICIPALITY_VIEW_NOTE = "municipalityViewNote";
    /** Routing: whether the referral form already carried the municipality's view. */
    public static final String MUNICIPALITY_VIEW_GIVEN = "municipalityViewGiven";
    /** The view in words, a local variable of the assessment's tasks only. */
    public static final String MUNICIPALITY_VIEW_TEXT = "municipalityViewText";
    public static final String DECLINE_REASON = "declineReason";
    // holdInformationMeeting
    public static final String INFORMATION_MEETING_DATE = "informationMeetingDate";
    public static final String PARTICIPANT_WANTS_MENTOR = "participantWantsMentor";
    // matchMentor
    public static final String MENTOR_OPTIONS = "mentorOptions";
    public static final String MENTOR_SUGGESTIONS = "mentorSuggestions";
    public static final String MENTOR_ID = "mentorId";
    public static final String NO_MENTOR_FITS = "noMentorFits";
    public static final String MENTOR_USERNAME = "mentorUsername";
    public static final String MENTOR_NAME = "mentorName";
    public static final String COUPLING_ID = "couplingId";
    /** The day the current coupling started (ISO date): the first week's log starts there. */
    public static final String COUPLED_ON = "coupledOn";
    // holdCouplingMeeting
    public static final String COUPLING_MEETING_DATE = "couplingMeetingDate";
    /** Confidentiality gone through with participant and mentor: required for the coupling, like the signatures. */
    public static final String CONFIDENTIALITY_AGREED = "confidentialityAgreed";
    public static final String CONSENT_SIGNED_BY_PARTICIPANT = "consentSignedByParticipant";
    public static final String CONSENT_SIGNED_BY_MENTOR = "consentSignedByMentor";
    public static final String AGREEMENT_SIGNED_BY_PARTICIPANT = "agreementSignedByParticipant";
    public static final String AGREEMENT_SIGNED_BY_MENTOR = "agreementSignedByMentor";
    public static final String AGREEMENT_SIGNED_BY_COUNSELLOR = "agreementSignedByCounsellor";
    // logWeeklyContacts: local to each week's event subprocess, so weeks never mix, and handed to the week's own
    // process (contactWeek) with the coupling meeting's goals and the participant's own rules, and nothing else
    public static final String WEEK_START = "weekStart";
    public static final String WEEK_END = "weekEnd";
    public static final String WEEK_LABEL = "weekLabel";
    /** The coupling the week belongs to, fixed when the week's log opens (a rematch may follow). */
    public static final String WEEK_COUPLING_ID = "weekCouplingId";
    /**
     * The week the follow-up calendar opens, sent with {@link ParticipantJourney#MESSAGE_CONTACT_WEEK_ENDED} as transient variables:
     * never stored, read once by {@code openContactWeek}, which keeps them as the week's own variables above.
     */
    public static final String OPENED_WEEK_START = "openedWeekStart";
    public static final String OPENED_WEEK_END = "openedWeekEnd";
    public static final String OPENED_WEEK_COUPLING_ID = "openedWeekCouplingId";
    /** How many contacts the week had; each is an object {@code contact1}, {@code contact2}, … with the CONTACT_* keys. */
    public static final String CONTACT_COUNT = "contactCount";
    /** The form has this many contact rows. */
    public static final int MAX_CONTACTS = 15;
    public static final String CONTACT_DATE = "contactDate";
    public static final String CONTACT_TIME = "contactTime";
    public static final String CONTACT_TYPE = "contactType";
    public static final String CONTACT_REACHED = "contactReached";
    public static final String CONTACT_MINUTES = "contactMinutes";
    /** The last day a contact reached the participant, given with the silence warning. */
    public static final String LAST_REACHED_CONTACT_DATE = "lastReachedContactDate";
    public static final String BRING_BACK_OUTCOME = "bringBackOutcome";
    // closeFollowUp
    public static final String CLOSING_REASON = "closingReason";
    public static final String CLOSING_NOTE = "closingNote";

    /**
     * The free-text notes of the journey's forms that nothing after the step reads: kept in the register
     * ({@code case_note}) when the step ends, never left in the journey's variables ({@code ${keepCaseNotes}}).
     */
    public static final java.util.List<String> NOTES = java.util.List.of("assessmentNote", DECLINE_REASON,
        "informationMeetingNotes", "waitingNote", "matchingNote", "rematchNote", "informationExchange",
        "checkInNote", "bringBackNote", CLOSING_NOTE);

    private Var() {}

    /** The variable holding the n-th contact of a week (1-based). */
    public static String contact(int n) {
      return "contact" + n;
    }
  }

  /** Values of the choice variables. */
  public static final class Value {
    public static final String OFFER = "offer";
    public static final String WAIT_LIST = "waitList";
    public static final String DECLINE = "decline";
    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String OTHER = "other";
    public static final String DROP_OUT = "dropOut";

    private Value() {}
  }
}
