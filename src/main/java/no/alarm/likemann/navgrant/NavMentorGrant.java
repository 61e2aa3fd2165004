package no.alarm.likemann.navgrant;

import java.util.Map;

/**
 * The one place that names the NAV mentor grant process ({@code navMentorGrant}, plan 000 §6: NAV contributes "med
 * mentormidler etter individuell avtale"; app. 1: the adviser "har ansvar for søknad om mentortilskudd, søke
 * refusjoner, rapportere til nav"): the adviser applies for one mentor, records NAV's decision and the agreement,
 * claims the refund for every month of the agreement, and reports to NAV when it ends.
 */
public final class NavMentorGrant {

  public static final String PROCESS_KEY = "navMentorGrant";

  private NavMentorGrant() {}

  public static final class Element {
    public static final String GRANT_APPLIED = "grantApplied";
    public static final String REGISTER_APPLICATION = "registerGrantApplication";
    public static final String RECORD_DECISION = "recordGrantDecision";
    public static final String DECISION_OUTCOME = "grantDecisionOutcome";
    public static final String GRANT_REFUSED = "grantRefused";
    public static final String REFUND_MERGE = "refundMerge";
    public static final String REFUND_MONTH_OVER = "refundMonthOver";
    public static final String CLAIM_REFUND = "claimRefund";
    public static final String MORE_MONTHS = "moreMonths";
    public static final String REPORT_TO_NAV = "reportToNav";
    public static final String GRANT_REPORTED = "grantReported";

    private Element() {}
  }

  public static final class Var {
    /** The mentor the grant is for: LM-0001 (the start form's field). */
    public static final String MENTOR_REFERENCE = "mentorReference";
    public static final String APPLIED_ON = "appliedOn";
    public static final String APPLIED_FROM = "appliedFrom";
    public static final String APPLIED_TO = "appliedTo";
    public static final String POSITION_PERCENT = "positionPercent";
    public static final String AMOUNT_APPLIED = "amountAppliedPerMonth";
    public static final String APPLICATION_NOTE = "applicationNote";
    public static final String GRANT_ID = "grantId";

    // recordGrantDecision
    /** granted or refused. */
    public static final String DECISION = "grantDecision";
    public static final String DECIDED_ON = "decidedOn";
    public static final String GRANTED_FROM = "grantedFrom";
    public static final String GRANTED_TO = "grantedTo";
    public static final String AMOUNT_GRANTED = "amountGrantedPerMonth";
    public static final String NAV_REFERENCE = "navReference";
    public static final String DECISION_NOTE = "decisionNote";

    /** The month to claim next (yyyy-mm), and its label for the task. */
    public static final String REFUND_MONTH = "refundMonth";
    public static final String REFUND_MONTH_LABEL = "refundMonthLabel";
    /** When the month to claim is over: the timer's date. */
    public static final String REFUND_DUE_AT = "refundDueAt";
    /** No more months to claim: the agreement's period is over, or the mentor has left. */
    public static final String PERIOD_OVER = "grantPeriodOver";

    // claimRefund
    /** claimed, or mentorLeft (the grant ends with this month). */
    public static final String REFUND_OUTCOME = "refundOutcome";
    public static final String AMOUNT_CLAIMED = "amountClaimed";
    public static final String CLAIMED_ON = "claimedOn";

    // reportToNav
    public static final String REPORTED_ON = "reportedOn";
    public static final String REPORT_NOTE = "navReportNote";

    /** The grant in words, a local variable of its tasks only. */
    public static final String GRANT_TEXT = "grantText";

    private Var() {}
  }

  public static final String GRANTED = "granted";
  public static final String REFUSED = "refused";
  public static final String CLAIMED = "claimed";
  public static final String MENTOR_LEFT = "mentorLeft";

  public static final Map<String, String> DECISIONS = Map.of(GRANTED, "Innvilget", REFUSED, "Avslått");
}
