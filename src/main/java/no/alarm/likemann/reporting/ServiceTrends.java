package no.alarm.likemann.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service month by month, for the steering group's charts (issue 15): over the last twelve months (this one
 * included), how many referrals came, couplings started and participants dropped out, how many waited for a mentor
 * at the month's end and how long the month's new couplings had waited (median days from the referral), and the
 * minutes with the participants in and outside ordinary working hours. Counts only, from the project's own tables;
 * what leaves the case level goes through {@link SmallNumbers} ({@link Published}).
 */
@Component
public class ServiceTrends {

  public static final int MONTHS = 12;

  /** Each series by month (yyyy-mm, the oldest first), with a zero for a month without any. */
  public record Trends(List<String> months, Map<String, Integer> referrals, Map<String, Integer> couplings,
                       Map<String, Integer> dropOut, Map<String, Integer> minutesInHours,
                       Map<String, Integer> minutesOutsideHours, Map<String, Integer> contacts,
                       Map<String, Integer> waiting, Map<String, Double> medianDaysToMentor,
                       Map<String, Integer> firstCouplings) {

    static Trends of(List<String> months, Map<String, Integer> referrals, Map<String, Integer> couplings,
                     Map<String, Integer> dropOut, Map<String, Integer> minutesInHours,
                     Map<String, Integer> minutesOutsideHours, Map<String, Integer> contacts, Waits w) {
      return new Trends(months, referrals, couplings, dropOut, minutesInHours, minutesOutsideHours, contacts,
          w.waiting(), w.medianDaysToMentor(), w.firstCouplings());
    }

    /**
     * Month by month: how many stood in matching without a coupling at the month's end (the current month: now),
     * and for the referrals first coupled in the month, how many and their median days from referral to coupling.
     */
    public record Waits(Map<String, Integer> waiting, Map<String, Double> medianDaysToMentor,
                        Map<String, Integer> firstCouplings) {

      public static Waits of(List<Wait> waits, List<YearMonth> months) {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        Map<String, Double> median = new LinkedHashMap<>();
        Map<String, Integer> coupled = new LinkedHashMap<>();
        for (YearMonth month : months) {
          Instant start = month.atDay(1).atStartOfDay(OsloCalendar.OSLO).toInstant();
          Instant end = month.plusMonths(1).atDay(1).atStartOfDay(OsloCalendar.OSLO).toInstant();
          int stood = 0;
          List<Long> days = new ArrayList<>();
          for (Wait w : waits) {
            if (w.matching().isBefore(end) && (w.coupled() == null || !w.coupled().isBefore(end))
                && (w.ended() == null || !w.ended().isBefore(end))) {
              stood++;
            }
            if (w.coupled() != null && !w.coupled().isBefore(start) && w.coupled().isBefore(end)) {
              days.add(TimeToMentor.days(w.received(), w.coupled(), OsloCalendar.OSLO));
            }
          }
          waiting.put(month.toString(), stood);
          coupled.put(month.toString(), days.size());
          if (!days.isEmpty()) {
            median.put(month.toString(), TimeToMentor.median(days.stream().mapToLong(Long::longValue).sorted()
                .toArray()));
          }
        }
        return new Waits(waiting, median, coupled);
      }
    }
  }

  /**
   * One referral that reached matching: when, when its first coupling meeting was held and when it ended (either may
   * be null).
   */
  public record Wait(Instant matching, Instant coupled, Instant ended, Instant received) {}

  /**
   * As they are published: each count series a table whose small cells are hidden (and as many more as keep them
   * from being worked out from the series' total); the minutes of a month are shown when that month's contacts are
   * not a small count.
   */
  public record Published(int smallestCountShown, List<String> months, SmallNumbers.Table referrals,
                          SmallNumbers.Table couplings, SmallNumbers.Table dropOut,
                          Map<String, SmallNumbers.Figure> minutesInHours,
                          Map<String, SmallNumbers.Figure> minutesOutsideHours,
                          Map<String, SmallNumbers.Count> waiting,
                          Map<String, SmallNumbers.Figure> medianDaysToMentor) {

    public static Published of(Trends t, SmallNumbers n) {
      Map<String, SmallNumbers.Figure> in = new LinkedHashMap<>();
      Map<String, SmallNumbers.Figure> out = new LinkedHashMap<>();
      for (String month : t.months()) {
        int contacts = t.contacts().getOrDefault(month, 0);
        in.put(month, n.over(t.minutesInHours().getOrDefault(month, 0), contacts));
        out.put(month, n.over(t.minutesOutsideHours().getOrDefault(month, 0), contacts));
      }
      // the waiting at each month's end is a stock, not a share of a published total: each month under 5 is hidden
      Map<String, SmallNumbers.Count> waiting = new LinkedHashMap<>();
      Map<String, SmallNumbers.Figure> days = new LinkedHashMap<>();
      for (String month : t.months()) {
        waiting.put(month, n.count(t.waiting().getOrDefault(month, 0)));
        Double median = t.medianDaysToMentor().get(month);
        days.put(month, median == null ? SmallNumbers.Figure.NONE
            : n.over(median, t.firstCouplings().getOrDefault(month, 0)));
      }
      return new Published(n.threshold(), t.months(), n.table(t.referrals()), n.table(t.couplings()),
          n.table(t.dropOut()), in, out, waiting, days);
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ServiceTrends(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The months, the oldest first, ending with this one (Oslo). */
  static List<YearMonth> months(LocalDate today) {
    YearMonth now = YearMonth.from(today);
    return java.util.stream.IntStream.range(0, MONTHS).mapToObj(i -> now.minusMonths(MONTHS - 1 - i)).toList();
  }

  public Trends now(RegionScope s) {
    List<YearMonth> months = months(LocalDate.now(clock.withZone(OsloCalendar.OSLO)));
    Timestamp from = Timestamp.from(months.get(0).atDay(1).atStartOfDay(OsloCalendar.OSLO).toInstant());
    Date first = Date.valueOf(months.get(0).atDay(1));
    return Trends.of(months.stream().map(YearMonth::toString).toList(),
        MonthlyCounts.count(jdbc, months, "SELECT received_at FROM " + s.table("referral")
            + " WHERE received_at >= ?", from),
        MonthlyCounts.count(jdbc, months, "SELECT started_at FROM " + s.table("coupling")
            + " WHERE started_at >= ?", from),
        MonthlyCounts.count(jdbc, months, "SELECT ended_at FROM " + s.table("referral")
            + " WHERE closing_reason = 'dropOut'"
            + " AND ended_at >= ?", from),
        MonthlyCounts.sum(jdbc, months, "SELECT contact_date, minutes - minutes_outside_hours FROM "
            + s.table("contact_log")
            + " WHERE contact_date >= ?", first),
        MonthlyCounts.sum(jdbc, months, "SELECT contact_date, minutes_outside_hours FROM "
            + s.table("contact_log")
            + " WHERE contact_date >= ?", first),
        MonthlyCounts.count(jdbc, months, "SELECT contact_date FROM " + s.table("contact_log")
            + " WHERE contact_date >= ?", first),
        waits(jdbc, s, months));
  }

  /** Who waited for a mentor month by month, and how long the months' new couplings waited (the scope's regions). */
  public static Trends.Waits waits(JdbcTemplate jdbc, RegionScope s, List<YearMonth> months) {
    Timestamp from = Timestamp.from(months.get(0).atDay(1).atStartOfDay(OsloCalendar.OSLO).toInstant());
    // the referrals that reached matching and were still open, or not yet coupled, when the first month began
    List<Wait> waits = jdbc.query("SELECT r.matching_since, MIN(c.started_at), r.ended_at, r.received_at FROM "
        + s.table("referral", "r") + " LEFT JOIN " + s.table("coupling", "c")
        + " ON c.referral_reference = r.reference AND c.started_at IS NOT NULL"
        + " WHERE r.matching_since IS NOT NULL AND (r.ended_at IS NULL OR r.ended_at >= ?)"
        + " GROUP BY r.reference, r.matching_since, r.ended_at, r.received_at",
        (rs, i) -> new Wait(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
            instant(rs.getTimestamp(4))), from);
    return Trends.Waits.of(waits, months);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
