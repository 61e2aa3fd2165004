package no.alarm.likemann.benchmark;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import no.alarm.likemann.followup.ContactWeek;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.journey.ParticipantJourney.Element;
import no.alarm.likemann.support.Referrals;

import org.camunda.spin.plugin.variable.SpinValues;

/** The participant journey's happy path as the forms submit it: the referral and what each task's form sends. */
final class HappyPath {

  private HappyPath() {}

  /** A counsellor's referral from {@code municipality}, with the municipality's view: the coordinator assesses next. */
  static Map<String, Object> referral(String municipality) {
    return Referrals.with(MUNICIPALITY, municipality, AGE, 25, GENDER, "female", SUBSTANCE_HISTORY, "alkohol",
        FUTURE_WISHES, "jobb", TREATMENT_STATUS, "before", HAS_INDIVIDUAL_PLAN, false, MUNICIPALITY_VIEW, "offer");
  }

  /** What the task's form submits on the happy path on {@code date}, matching the mentor {@code mentorId}. */
  static Map<String, Object> completion(String taskKey, String date, String mentorId) {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (taskKey) {
      case Element.ASSESS_REFERRAL -> v.put(ASSESSMENT, ParticipantJourney.Value.OFFER);
      case Element.HOLD_INFORMATION_MEETING -> {
        v.put(INFORMATION_MEETING_DATE, date);
        v.put("participantAttended", true);
        v.put(PARTICIPANT_WANTS_MENTOR, ParticipantJourney.Value.YES);
      }
      case Element.MATCH_MENTOR -> {
        v.put(NO_MENTOR_FITS, false);
        v.put(MENTOR_ID, mentorId);
      }
      case Element.HOLD_COUPLING_MEETING -> {
        v.put(COUPLING_MEETING_DATE, date);
        v.put("goals", "Komme i jobb og holde seg rusfri");
        v.put("confidentialityAgreed", true);
        v.put("participantInpatient", "no");
        v.put("informationExchange", "Likemann og ruskonsulent kan dele oppmøte");
        v.put("homeVisitsAllowed", "no");
        v.put("contactRelativesAllowed", "no");
        v.put(CONSENT_SIGNED_BY_PARTICIPANT, true);
        v.put(CONSENT_SIGNED_BY_MENTOR, true);
        v.put(AGREEMENT_SIGNED_BY_PARTICIPANT, true);
        v.put(AGREEMENT_SIGNED_BY_MENTOR, true);
        v.put(AGREEMENT_SIGNED_BY_COUNSELLOR, true);
      }
      case Element.LOG_WEEKLY_CONTACTS -> {
        String day = ContactWeek.before(LocalDate.parse(date), LocalDate.parse(date)).end().toString();
        // two contacts in the week before, each row a JSON object, as Tasklist submits the form
        v.put(CONTACT_COUNT, 2);
        v.put("coordinatorContact", "yes");
        v.put(contact(1), SpinValues.jsonValue("{\"contactDate\":\"" + day + "\",\"contactTime\":\"18:00\","
            + "\"contactType\":\"phone\",\"contactReached\":\"yes\",\"contactMinutes\":30}").create());
        v.put(contact(2), SpinValues.jsonValue("{\"contactDate\":\"" + day + "\",\"contactTime\":\"11:00\","
            + "\"contactType\":\"physicalMeeting\",\"contactReached\":\"yes\",\"contactMinutes\":60}").create());
      }
      case Element.CLOSE_FOLLOW_UP -> v.put(CLOSING_REASON, "goalsReached");
      case Element.WRITE_CLOSING_REPORT -> {
        v.put("closingReportSummary", "Deltakeren har nådd målene sine");
        v.put("closingReportGoals", "Målene er nådd");
        v.put("closingReportSentDate", date);
      }
      default -> throw new IllegalArgumentException(taskKey);
    }
    return v;
  }
}
