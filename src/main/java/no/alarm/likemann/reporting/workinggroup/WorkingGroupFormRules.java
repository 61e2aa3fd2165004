package no.alarm.likemann.reporting.workinggroup;

import static no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Var.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Element;

import org.springframework.stereotype.Component;

/**
 * The working group's month beyond what its forms state: a month that has begun and is at most a year back; outlays
 * and travel costs say what they were; a meeting held has its day within the month (not ahead), who attended and the
 * cases discussed, a meeting not held its reason; June's evaluation its conclusions.
 */
@Component
public class WorkingGroupFormRules implements FormRules {

  private final OsloCalendar oslo;

  public WorkingGroupFormRules(OsloCalendar oslo) {
    this.oslo = oslo;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    switch (formId) {
      case Element.MONTH_REQUESTED -> {
        // the form's own rules have said what is missing
        if (!in.isEmpty(GROUP_MONTH)) {
          out.addAll(MonthPlan.check(in.get(GROUP_MONTH), oslo.todayDate()));
        }
      }
      case Element.WRITE_ADVISER_REPORT -> {
        explained(in, OUTLAYS_KR, OUTLAYS_NOTE, "Skriv hvilke bilag og utlegg beløpet gjelder.", out);
        explained(in, TRAVEL_COSTS_KR, TRAVEL_NOTE, "Skriv hvilke reiser reisekostnadene gjelder.", out);
      }
      case Element.HOLD_WORKING_GROUP_MEETING, Element.HOLD_HALF_YEAR_EVALUATION ->
          checkMeeting(formId, in, MonthPlan.parse(in.get(GROUP_MONTH)), oslo.todayDate(), out);
      default -> { }
    }
  }

  /** The minutes of a month's meeting: what each answer to "was it held?" needs. */
  static void checkMeeting(String formId, FormInput in, YearMonth month, LocalDate today, List<Violation> out) {
    String held = in.string(MEETING_HELD);
    if ("no".equals(held)) {
      if (in.isEmpty(MEETING_NOT_HELD_REASON)) {
        out.add(new Violation(MEETING_NOT_HELD_REASON, "Skriv hvorfor møtet ikke ble holdt.",
            "meetingNotHeldReason is required when the meeting was not held"));
      }
      return;
    }
    if (!"yes".equals(held)) {
      // the form's own rules refuse it
      return;
    }
    LocalDate day = in.date(MEETING_DATE);
    if (in.isEmpty(MEETING_DATE)) {
      out.add(new Violation(MEETING_DATE, "Skriv datoen for møtet.", "meetingDate is required when the meeting was"
          + " held"));
    } else if (day != null && month != null && !YearMonth.from(day).equals(month)) {
      out.add(new Violation(MEETING_DATE, "Møtet må være holdt i " + no.alarm.likemann.reporting.MonthlyReportPdf
          .monthName(month) + ".", "meetingDate must be within the month"));
    } else if (day != null && day.isAfter(today)) {
      out.add(new Violation(MEETING_DATE, "Møtedatoen kan ikke være fram i tid.", "meetingDate must not be in the"
          + " future"));
    }
    if (in.isEmpty(CASES_DISCUSSED)) {
      out.add(new Violation(CASES_DISCUSSED, "Skriv hvilke saker som ble drøftet.",
          "casesDiscussed is required when the meeting was held"));
    }
    List<String> attendees = in.choices(MEETING_ATTENDEES);
    if (attendees != null && attendees.isEmpty()) {
      out.add(new Violation(MEETING_ATTENDEES, "Kryss av for hvem som var med på møtet.",
          "meetingAttendees is required when the meeting was held"));
    }
    if (Element.HOLD_HALF_YEAR_EVALUATION.equals(formId) && in.isEmpty(EVALUATION_SUMMARY)) {
      out.add(new Violation(EVALUATION_SUMMARY, "Skriv hva halvårsevalueringen kom fram til.",
          "evaluationSummary is required for the half-year evaluation"));
    }
  }

  private static void explained(FormInput in, String amount, String what, String norwegian, List<Violation> out) {
    if (in.get(amount) instanceof Number n && n.doubleValue() > 0 && in.isEmpty(what)) {
      out.add(new Violation(what, norwegian, what + " is required when " + amount + " is more than 0"));
    }
  }
}
