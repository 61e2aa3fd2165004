package no.alarm.likemann.erasure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every table of the project and how long what it holds is kept: the one list, which a test holds against the
 * database's tables (a new table needs its rule before the build passes) and the README prints. The engine's own
 * tables follow the processes' history time to live (the same five years), and a person's erasure takes their part
 * of them at once.
 */
public final class RetentionRules {

  /** How a table's rows go. */
  public enum Kind {
    /** Erased with the person: at their request, or five years after their last journey ended (Retention). */
    WITH_THE_PERSON,
    /** What remains of an erased person for the reports: no reference, no words, no link to them. */
    ANONYMOUS_RECORD,
    /** Goes with what it belongs to, removed on its own schedule. */
    OWN_SCHEDULE,
    /**
     * Staff's and co-workers' data (mentors, candidates, Portalen's co-workers): kept while they take part, erased
     * when the time after they left is over (Retention), see the rule's text.
     */
    STAFF,
    /** No personal data: the register of the service, figures, settings. */
    NO_PERSONAL_DATA
  }

  public record Rule(Kind kind, String rule) {}

  public static final Map<String, Rule> TABLES = tables();

  private RetentionRules() {}

  private static Map<String, Rule> tables() {
    Map<String, Rule> t = new LinkedHashMap<>();
    String withPerson = "erased with the person (on request, or five years after their last journey ended)";
    t.put("person", new Rule(Kind.WITH_THE_PERSON, withPerson + "; an erased person's journeys get a new, empty row"));
    t.put("referral", new Rule(Kind.ANONYMOUS_RECORD, withPerson + ", leaving the anonymous record the reports count"
        + " (random key, age group, no link to the person)"));
    t.put("referral_detail", new Rule(Kind.WITH_THE_PERSON, withPerson));
    t.put("case_note", new Rule(Kind.WITH_THE_PERSON, withPerson));
    t.put("referral_agreement", new Rule(Kind.WITH_THE_PERSON, withPerson));
    t.put("closing_report", new Rule(Kind.WITH_THE_PERSON, withPerson));
    t.put("monthly_participant_status", new Rule(Kind.WITH_THE_PERSON, withPerson
        + "; the month's PDFs are made again without them"));
    t.put("monthly_participant_goal", new Rule(Kind.WITH_THE_PERSON, withPerson));
    t.put("case_read", new Rule(Kind.WITH_THE_PERSON, withPerson + "; nightly also for cases ended five years ago"));
    t.put("coupling", new Rule(Kind.ANONYMOUS_RECORD, "moved to the anonymous record when the person is erased"));
    t.put("agreement_deviation", new Rule(Kind.ANONYMOUS_RECORD, "moved to the anonymous record (what kind, whose,"
        + " when, the level and the outcome); the words are erased with the person"));
    t.put("journey_meeting", new Rule(Kind.ANONYMOUS_RECORD, "moved to the anonymous record (kind, day, who"
        + " attended); the note is erased with the person"));
    t.put("inpatient_stay", new Rule(Kind.ANONYMOUS_RECORD, "moved to the anonymous record (admission, days, early"
        + " discharge and why, the mentor's part); the notes are erased with the person"));
    t.put("contact_log", new Rule(Kind.ANONYMOUS_RECORD, "moved to the anonymous record (counts and minutes only)"));
    t.put("contact_week", new Rule(Kind.ANONYMOUS_RECORD, "moved to the anonymous record"));
    t.put("weekly_contact_log", new Rule(Kind.ANONYMOUS_RECORD, "moved to the anonymous record"));
    t.put("evaluation_answer", new Rule(Kind.ANONYMOUS_RECORD, "the scores move to the anonymous record, the comment"
        + " is erased with the person"));
    t.put("monthly_report", new Rule(Kind.OWN_SCHEDULE, "the municipality's PDF of a month: made again without an"
        + " erased person; kept as the municipality's record of the service"));
    t.put("monthly_report_delivery", new Rule(Kind.OWN_SCHEDULE, "who acknowledged a month's report: with the report"));
    t.put("erasure", new Rule(Kind.OWN_SCHEDULE, "the record of an erasure (who, when, why; no reference once done):"
        + " kept, as the proof that it was done; a declined request goes with the person"));
    t.put("erased_reference", new Rule(Kind.OWN_SCHEDULE, "salted slow hashes of erased references: with the erasure"));
    t.put("retention_run", new Rule(Kind.NO_PERSONAL_DATA, "each night's counts"));
    t.put("task_digest", new Rule(Kind.OWN_SCHEDULE, "which user got the daily e-mail on which day: 90 days"));
    t.put("mentor", new Rule(Kind.STAFF, "the mentor's register entry, kept while they work in the service and five"
        + " years after they left (the employer's and the accounts' record); then name, login, experience and"
        + " interests go with the mentor's processes, the birth year becomes its decade (FormerMentorErasure); a"
        + " candidate who did not become a mentor is erased so a year after the onboarding ended"));
    t.put("mentor_candidate", new Rule(Kind.STAFF, "the candidate's onboarding (sober since, suitability): as the"
        + " mentor's entry; the sober-since date, the reference and the onboarding's process history go with it"));
    t.put("mentor_course", new Rule(Kind.STAFF, "courses completed: as the mentor's entry"));
    t.put("supervision", new Rule(Kind.STAFF, "monthly supervision attended: as the mentor's entry"));
    t.put("mentor_coordinator_week", new Rule(Kind.STAFF, "whether coordinator and mentor were in contact each"
        + " week, and its follow-up: as the mentor's entry; who followed up and the note go with it"));
    t.put("mentor_pause", new Rule(Kind.STAFF, "pauses (a relapse among them) with the adviser's follow-up: as the"
        + " mentor's entry; the sober-since date goes with it, the pause's dates stay for the reports"));
    t.put("nav_grant", new Rule(Kind.STAFF, "NAV's mentor grant for a mentor (application, decision, agreement): as the"
        + " mentor's entry (the accounts' record); NAV's reference, the notes and the grant's process history go with"
        + " it"));
    t.put("nav_grant_refund", new Rule(Kind.STAFF, "the refund claimed from NAV per month: as the mentor's entry; the"
        + " amounts stay for the accounts"));
    t.put("monthly_mentor_report", new Rule(Kind.STAFF, "driving and expenses per month: kilometres and kroner stay"
        + " for the reports, what the expenses were for goes with the mentor's entry"));
    t.put("monthly_region_report", new Rule(Kind.OWN_SCHEDULE, "the coordinator's monthly plan and expenses: kept as"
        + " the region's record"));
    t.put("work_participant", new Rule(Kind.STAFF, "Portalen's co-workers (no name: it is in their process): kept"
        + " while they take part and five years after they left; then their process and its history go and the"
        + " row keeps workplace and dates under a random key (CoworkerErasure)"));
    t.put("work_attendance", new Rule(Kind.STAFF, "Portalen attendance: as the co-worker's entry"));
    t.put("steering_report", new Rule(Kind.NO_PERSONAL_DATA, "the steering group's reports: figures with small"
        + " numbers hidden, and the project leader's texts"));
    t.put("working_group_month", new Rule(Kind.NO_PERSONAL_DATA, "the working group's months: the adviser's report,"
        + " the minutes (the parties who attended, never a name or a reference) and figures with small numbers hidden,"
        + " with the user ids of who wrote them, as steering_report; kept as the region's record"));
    t.put("municipality", new Rule(Kind.NO_PERSONAL_DATA, "the register of the service"));
    t.put("region", new Rule(Kind.NO_PERSONAL_DATA, "the register of the service"));
    t.put("shedlock", new Rule(Kind.NO_PERSONAL_DATA, "one row per scheduled piece of work: which node holds its lock"
        + " until when (host name), overwritten at each run"));
    t.put("spring_session", new Rule(Kind.OWN_SCHEDULE, "the webapps' logins: the user id and times of each session,"
        + " removed when the session ends (logging out, or idle for the session's time-out)"));
    t.put("spring_session_attributes", new Rule(Kind.OWN_SCHEDULE, "what a login holds (Camunda's authentication: the"
        + " user's groups and tenants, the CSRF token): removed with its session"));
    t.put("login_failure", new Rule(Kind.OWN_SCHEDULE, "failed logins: the client's address and the time, no user"
        + " name; removed every minute once older than the throttle's window (15 minutes)"));
    t.put("figure_snapshot", new Rule(Kind.NO_PERSONAL_DATA, "the steering group's figures as last computed, per"
        + " region scope: counts and shares with small numbers hidden; overwritten at each computation, removed when"
        + " not read for 30 days"));
    return t;
  }
}
