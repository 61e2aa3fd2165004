package no.alarm.likemann.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${oslo}} in the models: dates and timers in Europe/Oslo, on the engine's clock (so tests can move time).
 */
@Component("oslo")
public class OsloCalendar {

  public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  public LocalDate todayDate() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), OSLO);
  }

  /** Now, as a wall clock in Oslo shows it. */
  public LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), OSLO);
  }

  /** Today as an ISO date (yyyy-mm-dd), as forms and decisions read dates. */
  public String today() {
    return todayDate().toString();
  }

  /** The morning of the day two years after the given ISO date, Oslo time: when a candidate is two years sober. */
  public Date twoYearsAfter(String isoDate) {
    LocalDate day = LocalDate.parse(isoDate.substring(0, 10)).plusYears(2);
    return Date.from(day.atTime(LocalTime.of(6, 0)).atZone(OSLO).toInstant());
  }

  /** The first day of next month at 08:00, Oslo time. */
  public Date firstOfNextMonth() {
    LocalDate first = todayDate().withDayOfMonth(1).plusMonths(1);
    return Date.from(first.atTime(LocalTime.of(8, 0)).atZone(OSLO).toInstant());
  }

  /** Last month as yyyy-mm, the month a supervision record is about. */
  public String previousMonth() {
    return java.time.YearMonth.from(todayDate()).minusMonths(1).toString();
  }

  /** The last minute of today, Oslo time: the due date of a task that belongs to the day. */
  public Date endOfToday() {
    return Date.from(todayDate().atTime(LocalTime.of(23, 59)).atZone(OSLO).toInstant());
  }

  /** 09:00 on the given day, Oslo time. */
  public Date morningOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(9, 0)).atZone(OSLO).toInstant());
  }

  /** 09:00 Oslo time, the given number of days after an ISO date. */
  public Date morningAfter(String isoDate, int days) {
    return morningOf(LocalDate.parse(isoDate.substring(0, 10)).plusDays(days));
  }
}
