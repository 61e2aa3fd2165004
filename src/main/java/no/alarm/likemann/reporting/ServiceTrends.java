package no.alarm.likemann.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service month by month, for the steering group's charts (issue 15): over the last twelve months (this one
 * included), how many referrals came, couplings started and participants dropped out, and the minutes with the
 * participants in and outside ordinary working hours. Counts only, from the project's own tables; what leaves the
 * case level goes through {@link SmallNumbers} ({@link Published}).
 */
@Component
public class ServiceTrends {

  public static final int MONTHS = 12;

  /** Each series by month (yyyy-mm, the oldest first), with a zero for a month without any. */
  public record Trends(List<String> months, Map<String, Integer> referrals, Map<String, Integer> couplings,
                       Map<String, Integer> dropOut, Map<String, Integer> minutesInHours,
                       Map<String, Integer> minutesOutsideHours, Map<String, Integer> contacts) {}

  /**
   * As they are published: each count series a table whose small cells are hidden (and as many more as keep them
   * from being worked out from the series' total); the minutes of a month are shown when that month's contacts are
   * not a small count.
   */
  public record Published(int smallestCountShown, List<String> months, SmallNumbers.Table referrals,
                          SmallNumbers.Table couplings, SmallNumbers.Table dropOut,
                          Map<String, SmallNumbers.Figure> minutesInHours,
                          Map<String, SmallNumbers.Figure> minutesOutsideHours) {

    public static Published of(Trends t, SmallNumbers n) {
      Map<String, SmallNumbers.Figure> in = new LinkedHashMap<>();
      Map<String, SmallNumbers.Figure> out = new LinkedHashMap<>();
      for (String month : t.months()) {
        int contacts = t.contacts().getOrDefault(month, 0);
        in.put(month, n.over(t.minutesInHours().getOrDefault(month, 0), contacts));
        out.put(month, n.over(t.minutesOutsideHours().getOrDefault(month, 0), contacts));
      }
      return new Published(n.threshold(), t.months(), n.table(t.referrals()), n.table(t.couplings()),
          n.table(t.dropOut()), in, out);
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
    return new Trends(months.stream().map(YearMonth::toString).toList(),
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
            + " WHERE contact_date >= ?", first));
  }
}
