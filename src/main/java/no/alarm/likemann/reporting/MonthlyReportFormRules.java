package no.alarm.likemann.reporting;

import static no.alarm.likemann.reporting.MonthlyReporting.Var.*;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.reporting.MonthlyReporting.Element;

import org.springframework.stereotype.Component;

/**
 * The monthly reports' rules beyond what the forms state (limits and required fields come from the .form files):
 * a month that has come, expenses explained, a status line for each participant and no line about anyone else.
 */
@Component
public class MonthlyReportFormRules implements FormRules {

  private static final Pattern MONTH = Pattern.compile("^\\d{4}-(0[1-9]|1[0-2])$");

  private final OsloCalendar oslo;

  public MonthlyReportFormRules(OsloCalendar oslo) {
    this.oslo = oslo;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    switch (formId) {
      case Element.REPORT_MONTH_REQUESTED -> checkMonth(in, out);
      case Element.WRITE_MONTHLY_MENTOR_REPORT -> {
        expensesExplained(in, MENTOR_EXPENSES_KR, MENTOR_EXPENSES_FOR, out);
        out.addAll(ReferenceLines.check(PARTICIPANT_STATUS, in.string(PARTICIPANT_STATUS),
            MonthlyReportDelegates.strings(in.get(PARTICIPANT_REFERENCES)), true));
      }
      case Element.WRITE_MONTHLY_COORDINATOR_REPORT -> {
        expensesExplained(in, COORDINATOR_EXPENSES_KR, COORDINATOR_EXPENSES_FOR, out);
        out.addAll(ReferenceLines.check(PARTICIPANT_GOALS, in.string(PARTICIPANT_GOALS),
            MonthlyReportDelegates.strings(in.get(REGION_PARTICIPANTS)), false));
      }
      default -> { }
    }
  }

  private void checkMonth(FormInput in, List<Violation> out) {
    String value = in.string(REPORT_MONTH);
    if (value == null || !MONTH.matcher(value.strip()).matches()) {
      out.add(new Violation(REPORT_MONTH, "Skriv måneden som åååå-mm, for eksempel 2026-10.",
          "reportMonth must be a month (yyyy-mm)"));
      return;
    }
    try {
      if (YearMonth.parse(value.strip()).isAfter(YearMonth.from(oslo.todayDate()))) {
        out.add(new Violation(REPORT_MONTH, "Måneden kan ikke være fram i tid.",
            "reportMonth must not be in the future"));
      }
    } catch (DateTimeParseException e) {
      out.add(new Violation(REPORT_MONTH, "Skriv måneden som åååå-mm, for eksempel 2026-10.",
          "reportMonth must be a month (yyyy-mm)"));
    }
  }

  private static void expensesExplained(FormInput in, String amount, String what, List<Violation> out) {
    if (in.get(amount) instanceof Number n && n.doubleValue() > 0 && in.isEmpty(what)) {
      out.add(new Violation(what, "Skriv hva utleggene gjaldt.", what + " is required when there are expenses"));
    }
  }
}
