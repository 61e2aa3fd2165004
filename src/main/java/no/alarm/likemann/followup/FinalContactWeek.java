package no.alarm.likemann.followup;

/**
 * Names processes/final-contact-week.bpmn: the weekly log of a coupling's last days, from the Monday of the week it
 * ended (or its first day) to the day it ended. Its variables are the journey's week variables
 * ({@code ParticipantJourney.Var}: the week, its coupling and label, the mentor, the referral), so the same form,
 * rules and recording serve both.
 */
public final class FinalContactWeek {

  public static final String PROCESS_KEY = "finalContactWeek";
  /** No last week after consent is withdrawn: the participant's information is not to be processed further. */
  public static final String NOT_AFTER_REASON = "consentWithdrawn";

  private FinalContactWeek() {
  }

  /** Element ids. */
  public static final class Element {
    public static final String COUPLING_ENDED = "couplingEnded";
    public static final String LOG_WEEKLY_CONTACTS = "logWeeklyContacts";
    public static final String RECORD_WEEKLY_CONTACTS = "recordWeeklyContacts";
    public static final String FINAL_WEEK_LOGGED = "finalWeekLogged";

    private Element() {
    }
  }
}
