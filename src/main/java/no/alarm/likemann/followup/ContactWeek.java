package no.alarm.likemann.followup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The week a weekly contact log covers: Monday to Sunday, the calendar week before the day the log opens (the follow-up
 * calendar opens it on Monday morning). The first week of a coupling starts
 * on the day of the coupling.
 */
public record ContactWeek(LocalDate start, LocalDate end) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  public ContactWeek {
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("week starts after it ends");
    }
  }

  /** The week before {@code today}'s week; starting no earlier than the coupling, when that fell within it. */
  public static ContactWeek before(LocalDate today, LocalDate coupledOn) {
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    LocalDate sunday = monday.plusDays(6);
    LocalDate start = monday;
    if (coupledOn != null && coupledOn.isAfter(monday)) {
      start = coupledOn.isAfter(sunday) ? sunday : coupledOn;
    }
    return new ContactWeek(start, sunday);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  /** As the mentor reads it in Tasklist: "uke 47 (16.11.2026–22.11.2026)". */
  public String label() {
    return "uke " + end.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " (" + DAY.format(start) + "–" + DAY.format(end) + ")";
  }
}
