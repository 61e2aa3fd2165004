package no.alarm.likemann.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Ordinary working hours in the service: weekdays 08:00 to 16:00; Saturdays, Sundays and Norwegian public holidays
 * are outside all day. Reports count the mentors' time outside these hours (plan §14, report 001 chapter 4).
 */
public final class WorkingHours {

  public static final LocalTime DAY_STARTS = LocalTime.of(8, 0);
  public static final LocalTime DAY_ENDS = LocalTime.of(16, 0);

  private WorkingHours() {}

  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !NorwegianHolidays.isHoliday(day);
  }

  /**
   * How many of the minutes from {@code start} on (local Oslo time, as the mentor gives it) fall outside ordinary
   * working hours. A contact may run past midnight; each day is judged on its own.
   */
  public static int minutesOutside(LocalDateTime start, int minutes) {
    if (minutes < 0) {
      throw new IllegalArgumentException("minutes must not be negative");
    }
    LocalDateTime end = start.plusMinutes(minutes);
    int inside = 0;
    for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      LocalDateTime from = max(start, day.atTime(DAY_STARTS));
      LocalDateTime to = min(end, day.atTime(DAY_ENDS));
      if (from.isBefore(to)) {
        inside += (int) ChronoUnit.MINUTES.between(from, to);
      }
    }
    return minutes - inside;
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}
