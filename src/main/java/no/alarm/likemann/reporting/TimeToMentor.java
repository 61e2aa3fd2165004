package no.alarm.likemann.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How long participants wait for a mentor, in days of the Oslo calendar, split where the service's own steps end:
 * from the referral to matching (assessment and the information meeting, A-larm's own pace) and from matching to
 * the coupling meeting (the wait for a mentor who fits and has a free slot: too long here means too few mentors).
 *
 * @param coupled           participants whose first coupling meeting was held in the twelve months before today
 * @param medianDaysToMatching median days from their referral to matching
 * @param medianDaysInMatching median days from matching to their first coupling meeting
 * @param waitingNow        participants in matching now, with no coupling meeting held
 * @param longestWaitDays   the longest of those waits so far, in days; 0 when nobody waits
 */
public record TimeToMentor(int coupled, double medianDaysToMatching, double medianDaysInMatching, int waitingNow,
                           int longestWaitDays) {

  /** One coupled participant: referral received, first in matching, first coupling meeting. */
  public record Coupled(Instant received, Instant matching, Instant coupled) {}

  static TimeToMentor of(List<Coupled> coupled, List<Instant> waitingSince, LocalDate today, ZoneId zone) {
    LocalDate yearAgo = today.minusYears(1);
    var counted = coupled.stream().filter(c -> !day(c.coupled(), zone).isBefore(yearAgo)
        && !day(c.coupled(), zone).isAfter(today)).toList();
    double toMatching = median(counted.stream().mapToLong(c -> days(c.received(), c.matching(), zone)).sorted()
        .toArray());
    double inMatching = median(counted.stream().mapToLong(c -> days(c.matching(), c.coupled(), zone)).sorted()
        .toArray());
    int longest = (int) waitingSince.stream().mapToLong(w -> ChronoUnit.DAYS.between(day(w, zone), today))
        .max().orElse(0);
    return new TimeToMentor(counted.size(), toMatching, inMatching, waitingSince.size(), Math.max(0, longest));
  }

  /** Whole calendar days in the zone from one moment's day to the other's, never negative. */
  static long days(Instant from, Instant to, ZoneId zone) {
    return Math.max(0, ChronoUnit.DAYS.between(day(from, zone), day(to, zone)));
  }

  private static LocalDate day(Instant t, ZoneId zone) {
    return t.atZone(zone).toLocalDate();
  }

  /** The median of sorted values; 0 for none. */
  static double median(long[] sorted) {
    if (sorted.length == 0) {
      return 0;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }
}
