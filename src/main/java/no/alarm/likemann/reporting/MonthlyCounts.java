package no.alarm.likemann.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows counted (or a column summed) month by month, by the Oslo calendar day of the first column (a time or a date):
 * the series behind the steering group's charts, in Cockpit and in the report. Every month asked for is in the
 * answer (yyyy-mm, the first first), with 0 for a month without any.
 */
public final class MonthlyCounts {

  private MonthlyCounts() {}

  /** The months from {@code from}'s to {@code to}'s, both included. */
  public static List<YearMonth> between(LocalDate from, LocalDate to) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** How many rows fall in each month. */
  public static Map<String, Integer> count(JdbcTemplate jdbc, List<YearMonth> months, String sql, Object... args) {
    Map<String, Integer> m = zero(months);
    jdbc.query(sql, rs -> {
      m.computeIfPresent(month(rs.getObject(1)), (k, v) -> v + 1);
    }, args);
    return m;
  }

  /** The second column's sum in each month. */
  public static Map<String, Integer> sum(JdbcTemplate jdbc, List<YearMonth> months, String sql, Object... args) {
    Map<String, Integer> m = zero(months);
    jdbc.query(sql, rs -> {
      int value = rs.getInt(2);
      m.computeIfPresent(month(rs.getObject(1)), (k, v) -> v + value);
    }, args);
    return m;
  }

  private static Map<String, Integer> zero(List<YearMonth> months) {
    Map<String, Integer> m = new LinkedHashMap<>();
    months.forEach(month -> m.put(month.toString(), 0));
    return m;
  }

  private static String month(Object value) {
    LocalDate day = value instanceof Timestamp t ? t.toInstant().atZone(OsloCalendar.OSLO).toLocalDate()
        : value instanceof Date d ? d.toLocalDate()
        : value instanceof java.time.OffsetDateTime o ? o.atZoneSameInstant(OsloCalendar.OSLO).toLocalDate()
        : value instanceof LocalDate l ? l : null;
    return day == null ? "" : YearMonth.from(day).toString();
  }
}
