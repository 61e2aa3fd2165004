package no.alarm.likemann.reporting.workinggroup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.Violation;

/**
 * When a working group's month asks for what: the adviser's report by the 10th at 16:00 (Oslo), recorded as not
 * received two days later; the meeting by the last day of the month at 16:00; June's meeting is the half-year
 * evaluation. The figures shown are the previous month's, a whole month. A month started late (a missed one, up to a
 * year back) gives the adviser a week and the project leader a week after that. Plain Java: tested without the engine.
 */
public record MonthPlan(YearMonth month, boolean halfYearEvaluation, Instant adviserDue, Instant adviserLate,
                        Instant meetingDue, LocalDate figuresFrom, LocalDate figuresTo) {

  public static final int ADVISER_DUE_DAY = 10;
  public static final LocalTime DUE_TIME = LocalTime.of(16, 0);
  /** Days after the adviser's due date until the month goes on without the report. */
  public static final int ADVISER_GRACE_DAYS = 2;
  /** A month started after a due date: the days each step gets from then on. */
  public static final int DAYS_TO_WRITE_LATE = 7;
  /** How far back a missed month may be started. */
  public static final int MONTHS_BACK = 12;

  private static final Pattern MONTH = Pattern.compile("^\\d{4}-(0[1-9]|1[0-2])$");

  /** The plan of a month started at {@code now} (Oslo); the month must pass {@link #check}. */
  public static MonthPlan of(YearMonth month, LocalDateTime now) {
    LocalDateTime adviserDue = month.atDay(ADVISER_DUE_DAY).atTime(DUE_TIME);
    if (adviserDue.isBefore(now)) {
      adviserDue = now.toLocalDate().plusDays(DAYS_TO_WRITE_LATE).atTime(DUE_TIME);
    }
    LocalDateTime adviserLate = adviserDue.plusDays(ADVISER_GRACE_DAYS);
    LocalDateTime meetingDue = month.atEndOfMonth().atTime(DUE_TIME);
    if (meetingDue.isBefore(adviserLate)) {
      meetingDue = adviserLate.toLocalDate().plusDays(DAYS_TO_WRITE_LATE).atTime(DUE_TIME);
    }
    YearMonth previous = month.minusMonths(1);
    return new MonthPlan(month, month.getMonthValue() == WorkingGroupMonth.HALF_YEAR_EVALUATION_MONTH,
        oslo(adviserDue), oslo(adviserLate), oslo(meetingDue), previous.atDay(1), previous.atEndOfMonth());
  }

  /** What is wrong with a month asked for on {@code today}: {@code yyyy-mm}, begun, at most a year back. */
  public static List<Violation> check(Object value, LocalDate today) {
    List<Violation> out = new ArrayList<>();
    String field = WorkingGroupMonth.Var.GROUP_MONTH;
    YearMonth month = parse(value);
    YearMonth current = YearMonth.from(today);
    if (month == null) {
      out.add(new Violation(field, "Skriv måneden som åååå-mm, for eksempel " + current + ".",
          "groupMonth must be a month (yyyy-mm)"));
    } else if (month.isAfter(current)) {
      out.add(new Violation(field, "Måneden kan ikke være fram i tid.", "groupMonth must not be in the future"));
    } else if (month.isBefore(current.minusMonths(MONTHS_BACK))) {
      out.add(new Violation(field, "Måneden kan ikke være mer enn ett år tilbake (tidligst "
          + current.minusMonths(MONTHS_BACK) + ").", "groupMonth must not be more than a year back"));
    }
    return out;
  }

  /** The month of a {@code yyyy-mm} text, or null. */
  public static YearMonth parse(Object value) {
    if (!(value instanceof String s) || !MONTH.matcher(s.strip()).matches()) {
      return null;
    }
    try {
      return YearMonth.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant oslo(LocalDateTime wallClock) {
    return wallClock.atZone(OsloCalendar.OSLO).toInstant();
  }
}
