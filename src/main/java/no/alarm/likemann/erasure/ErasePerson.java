package no.alarm.likemann.erasure;

/** The process that erases a person ({@code processes/erase-person.bpmn}): its key and its variables. */
public final class ErasePerson {

  public static final String PROCESS_KEY = "erasePerson";
  public static final String BUSINESS_KEY_PREFIX = "SLETT-";

  private ErasePerson() {}

  public static final class Element {
    public static final String ERASURE_REQUESTED = "erasureRequested";
    public static final String RECORD_ERASURE_REQUEST = "recordErasureRequest";
    public static final String CONFIRM_ERASURE = "confirmErasure";
    public static final String ERASE_PERSON = "erasePersonTask";
    public static final String FORGET_ERASURE_REQUEST = "forgetErasureRequest";
    public static final String PERSON_ERASED = "personErased";
    public static final String DECLINE_ERASURE = "declineErasure";
    public static final String ERASURE_DECLINED = "erasureDeclined";

    private Element() {}
  }

  /** Process variables; form fields use the same keys. */
  public static final class Var {
    /** The reference the project leader gave (start form); forgotten when the request is decided and done. */
    public static final String ERASURE_REFERENCE = "erasureReference";
    public static final String ERASURE_REASON = "erasureReason";
    /** Set by the process: the erasure's row, how many journeys, who asked and who confirmed (logins). */
    public static final String ERASURE_ID = "erasureId";
    public static final String ERASURE_JOURNEYS = "erasureJourneys";
    public static final String ERASURE_REQUESTED_BY = "erasureRequestedBy";
    public static final String ERASURE_DECIDED_BY = "erasureDecidedBy";
    /** confirmErasure: "yes" or "no". */
    public static final String ERASURE_CONFIRMED = "erasureConfirmed";

    private Var() {}
  }
}
