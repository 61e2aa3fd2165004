package no.alarm.likemann.onboarding;

import java.util.Map;

/** The one place that names the mentor onboarding process: its key, its elements and its variables. */
public final class MentorOnboarding {

  public static final String PROCESS_KEY = "mentorOnboarding";
  public static final String ELIGIBILITY_DECISION = "mentorEligibility";
  /** Ends onboarding wherever it stands. */
  public static final String MESSAGE_CANDIDATE_WITHDREW = "candidateWithdrew";
  /** A person reports a withdrawal from Tasklist: ends the candidate's onboarding with the message above. */
  public static final String WITHDRAWAL_KEY = "candidateWithdrawal";
  public static final int SCHOOL_HOURS_REQUIRED = 45;

  private MentorOnboarding() {}

  public static final class Element {
    public static final String CANDIDATE_REGISTERED = "candidateRegistered";
    public static final String REGISTER_CANDIDATE = "registerCandidate";
    public static final String CHECK_ELIGIBILITY = "checkEligibility";
    public static final String WAIT_UNTIL_TWO_YEARS_SOBER = "waitUntilTwoYearsSober";
    public static final String ASSESS_SUITABILITY = "assessSuitability";
    public static final String COLLECT_MUNICIPALITY_COMMENT = "collectMunicipalityComment";
    public static final String MUNICIPALITY_COMMENT_TIMEOUT = "municipalityCommentTimeout";
    public static final String COMPLETE_BEDRE_HVERDAG = "completeBedreHverdag";
    public static final String COMPLETE_BRUKERREPRESENTANT = "completeBrukerrepresentant";
    public static final String COMPLETE_LIKEMANNSKURS = "completeLikemannskurs";
    public static final String SUM_SCHOOL_HOURS = "sumSchoolHours";
    public static final String COMPLETE_SCHOOL_HOURS = "completeSchoolHours";
    public static final String SIGN_CONFIDENTIALITY_DECLARATION = "signConfidentialityDeclaration";
    public static final String ACKNOWLEDGE_CONFIDENTIALITY_COPY = "acknowledgeConfidentialityCopy";
    public static final String EMPLOY_MENTOR = "employMentor";
    public static final String ACTIVATE_MENTOR = "activateMentor";
    public static final String MENTOR_ACTIVATED = "mentorActivated";
    public static final String CANDIDATE_NOT_ELIGIBLE = "candidateNotEligible";
    public static final String CANDIDATE_REJECTED = "candidateRejected";
    public static final String CANDIDATE_WITHDRAWN = "candidateWithdrawn";

    private Element() {}
  }

  public static final class Var {
    public static final String CANDIDATE_NAME = "candidateName";
    public static final String CANDIDATE_CONTACT = "candidateContact";
    public static final String MUNICIPALITY = "municipality";
    public static final String EXPERIENCE = "experience";
    public static final String SOBER_SINCE = "soberSince";
    public static final String GENDER = "gender";
    public static final String BIRTH_YEAR = "birthYear";
    public static final String SUBSTANCE_HISTORY = "substanceHistory";
    public static final String INTERESTS = "interests";
    public static final String MENTOR_ID = "mentorId";
    public static final String CANDIDATE_REFERENCE = "candidateReference";
    public static final String ELIGIBILITY = "eligibility";
    public static final String SUITABILITY_DECISION = "suitabilityDecision";
    public static final String SUITABILITY_REASON = "suitabilityReason";
    public static final String SCHOOL_HOURS_TOTAL = "schoolHoursTotal";
    public static final String SUPPLEMENT_COMPLETED_ON = "supplementCompletedOn";
    public static final String SUPPLEMENT_HOURS = "supplementHours";
    public static final String CONFIDENTIALITY_SIGNED_ON = "confidentialitySignedOn";
    public static final String EMPLOYED_ON = "employedOn";
    public static final String NAV_GRANT = "navGrant";
    public static final String MENTOR_CAPACITY = "mentorCapacity";

    private Var() {}
  }

  public static final class Value {
    public static final String ELIGIBLE = "eligible";
    public static final String NOT_YET_TWO_YEARS_SOBER = "notYetTwoYearsSober";
    public static final String NO_EXPERIENCE = "noExperience";
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";

    private Value() {}
  }

  /** The three courses of the A-larm school: the task that completes each, and its name. */
  public enum Course {
    BEDRE_HVERDAG("bedreHverdag", Element.COMPLETE_BEDRE_HVERDAG, "Bedre hverdag"),
    BRUKERREPRESENTANT("brukerrepresentant", Element.COMPLETE_BRUKERREPRESENTANT, "Brukerrepresentant"),
    LIKEMANNSKURS("likemannskurs", Element.COMPLETE_LIKEMANNSKURS, "Likemannskurs");

    public final String code;
    public final String task;
    public final String title;

    Course(String code, String task, String title) {
      this.code = code;
      this.task = task;
      this.title = title;
    }

    public String dateVariable() {
      return code + "CompletedOn";
    }

    public String hoursVariable() {
      return code + "Hours";
    }

    public static final Map<String, Course> BY_TASK = Map.of(
        BEDRE_HVERDAG.task, BEDRE_HVERDAG, BRUKERREPRESENTANT.task, BRUKERREPRESENTANT,
        LIKEMANNSKURS.task, LIKEMANNSKURS);
  }
}
