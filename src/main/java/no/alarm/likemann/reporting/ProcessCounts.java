package no.alarm.likemann.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.onboarding.MentorOnboarding;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many journeys (or candidates) stand at each step of a model now, and how many passed it this year, for the
 * steering group's diagram in Cockpit (issue 15): counts from the engine's history of activity instances, of the
 * reader's regions (the instances' tenants) only, never an instance, a business key or a variable. A count from 1 to
 * 4 is "under 5"; a larger one is given to the nearest 5 ("ca. 15"), so that one step's count cannot be worked out
 * exactly from the steps around it.
 */
@Component
public class ProcessCounts {

  /** The models the steering group follows this way. */
  public static final Set<String> PROCESSES = Set.of(ParticipantJourney.PROCESS_KEY, MentorOnboarding.PROCESS_KEY);

  /** One step's counts, as shown. */
  public record Step(String now, String passedThisYear) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ProcessCounts(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The steps of the model with anything to show; regions null: every region (the administrator). */
  public Map<String, Step> of(String processKey, List<String> regions, SmallNumbers n) {
    if (!PROCESSES.contains(processKey) || (regions != null && regions.isEmpty())) {
      return Map.of();
    }
    Timestamp yearStart = Timestamp.from(LocalDate.now(clock.withZone(OsloCalendar.OSLO)).withDayOfYear(1)
        .atStartOfDay(OsloCalendar.OSLO).toInstant());
    StringBuilder sql = new StringBuilder("SELECT ACT_ID_, SUM(CASE WHEN END_TIME_ IS NULL THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN START_TIME_ >= ? THEN 1 ELSE 0 END) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ?");
    List<Object> args = new java.util.ArrayList<>(List.of(yearStart, processKey));
    if (regions != null) {
      sql.append(" AND TENANT_ID_ IN (").append(String.join(", ", regions.stream().map(r -> "?").toList()))
          .append(")");
      args.addAll(regions);
    }
    sql.append(" GROUP BY ACT_ID_ ORDER BY ACT_ID_");
    Map<String, Step> steps = new LinkedHashMap<>();
    jdbc.query(sql.toString(), rs -> {
      String now = shown(rs.getInt(2), n);
      String passed = shown(rs.getInt(3), n);
      if (now != null || passed != null) {
        steps.put(rs.getString(1), new Step(now, passed));
      }
    }, args.toArray());
    return steps;
  }

  /** Null for none; "under 5" for a small count; otherwise the count to the nearest 5. */
  static String shown(int count, SmallNumbers n) {
    if (count == 0) {
      return null;
    }
    if (count < n.threshold()) {
      return n.under();
    }
    return "ca. " + (int) (Math.round(count / 5.0) * 5);
  }
}
