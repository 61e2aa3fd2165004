package no.alarm.likemann.followup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When the follow-up's recurring work is due, as plain date arithmetic in Oslo days: the weekly contact log for each
 * calendar week that has ended (Monday to Sunday; the first week starts on the coupling day), and a check-in with the
 * participant every {@value #CHECK_IN_DAYS} days of follow-up, and the last days of a coupling that ended mid-week. {@link FollowUpCalendar} asks every morning, so work
 * missed while the application was down is opened when it comes back.
 */
public final class FollowUpSchedule {

  /** Eight weeks between check-ins with the participant (plan §7). */
  public static final int CHECK_IN_DAYS = 56;

  private FollowUpSchedule() {
  }

  /**
   * The weeks of a coupling whose log is due on {@code today} and not opened yet: every week that ended before today,
   * after the last one opened ({@code lastOpenedStart}, null when none), and no more than {@code maxWeeks} back: a
   * week older than that is past helping the mentor remember.
   */
  public static List<ContactWeek> dueWeeks(LocalDate today, LocalDate coupledOn, LocalDate lastOpenedStart,
                                           int maxWeeks) {
    if (maxWeeks < 1) {
      throw new IllegalArgumentException("maxWeeks must be at least 1");
    }
    LocalDate lastEnded = monday(today).minusWeeks(1);
    LocalDate from = monday(coupledOn);
    if (lastOpenedStart != null) {
      LocalDate afterLast = monday(lastOpenedStart).plusWeeks(1);
      from = afterLast.isAfter(from) ? afterLast : from;
    }
    LocalDate oldest = lastEnded.minusWeeks(maxWeeks - 1L);
    from = oldest.isAfter(from) ? oldest : from;
    List<ContactWeek> due = new ArrayList<>();
    for (LocalDate m = from; !m.isAfter(lastEnded); m = m.plusWeeks(1)) {
      due.add(new ContactWeek(coupledOn.isAfter(m) ? coupledOn : m, m.plusDays(6)));
    }
    return due;
  }

  /**
   * The number of the check-in due on {@code today} (1 after {@value #CHECK_IN_DAYS} days of follow-up, 2 after twice
   * that, …) when it is later than the last one opened; empty otherwise. Check-ins missed while the application was
   * down collapse into one: the coordinator needs the one that is due now, not a pile of old ones.
   */
  public static OptionalInt dueCheckIn(LocalDate today, LocalDate followUpStart, int opened) {
    long days = ChronoUnit.DAYS.between(followUpStart, today);
    int number = days < 0 ? 0 : (int) (days / CHECK_IN_DAYS);
    return number > opened ? OptionalInt.of(number) : OptionalInt.empty();
  }

  /**
   * The weekly logs a coupling still owes once it has ended, due the morning after: the weeks that ended before its
   * last week without being opened (missed while the application was down; at most {@code maxWeeks} of them, the
   * latest), then its last days, from that week's Monday (or the coupling day) to the day it ended. Empty while the
   * coupling has not ended before today, and once its last days have been opened.
   */
  public static List<ContactWeek> weeksOwedAfterEnd(LocalDate today, LocalDate coupledOn, LocalDate endedOn,
                                                    LocalDate lastOpenedStart, int maxWeeks) {
    if (maxWeeks < 1) {
      throw new IllegalArgumentException("maxWeeks must be at least 1");
    }
    if (!endedOn.isBefore(today) || endedOn.isBefore(coupledOn)) {
      return List.of();
    }
    LocalDate lastWeek = monday(endedOn);
    if (lastOpenedStart != null && !monday(lastOpenedStart).isBefore(lastWeek)) {
      return List.of();
    }
    LocalDate from = monday(coupledOn);
    if (lastOpenedStart != null) {
      LocalDate afterLast = monday(lastOpenedStart).plusWeeks(1);
      from = afterLast.isAfter(from) ? afterLast : from;
    }
    LocalDate oldest = lastWeek.minusWeeks(maxWeeks);
    from = oldest.isAfter(from) ? oldest : from;
    List<ContactWeek> owed = new ArrayList<>();
    for (LocalDate m = from; m.isBefore(lastWeek); m = m.plusWeeks(1)) {
      owed.add(new ContactWeek(coupledOn.isAfter(m) ? coupledOn : m, m.plusDays(6)));
    }
    owed.add(new ContactWeek(coupledOn.isAfter(lastWeek) ? coupledOn : lastWeek, endedOn));
    return owed;
  }

  private static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
