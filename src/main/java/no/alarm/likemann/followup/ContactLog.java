package no.alarm.likemann.followup;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The mentor's contacts with the participant, kept in the project's own table so reports can count them. */
@Component
public class ContactLog {

  public record Contact(long couplingId, LocalDate date, String type, boolean reached, int minutes) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ContactLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records a week's log and its contacts: two statements, whatever the number of contacts. {@code sourceId} (the
   * week's task instance) is unique, so a week is never counted twice; returns false when it was recorded already.
   */
  public boolean recordWeek(String sourceId, long couplingId, ContactWeek week, List<WeeklyContact> contacts) {
    KeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.update(c -> {
        PreparedStatement ps = c.prepareStatement("""
            INSERT INTO weekly_contact_log (coupling_id, activity_instance_id, week_start, week_end, logged_at)
            VALUES (?, ?, ?, ?, ?)""", new String[] {"id"});
        ps.setLong(1, couplingId);
        ps.setString(2, sourceId);
        ps.setDate(3, Date.valueOf(week.start()));
        ps.setDate(4, Date.valueOf(week.end()));
        ps.setTimestamp(5, Timestamp.from(clock.instant()));
        return ps;
      }, key);
    } catch (DuplicateKeyException e) {
      return false;
    }
    long weekId = key.getKey().longValue();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.batchUpdate("""
        INSERT INTO contact_log (coupling_id, weekly_log_id, contact_date, contact_time, contact_type, reached, minutes,
                                 minutes_outside_hours, logged_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", contacts, contacts.size(), (ps, c) -> {
          ps.setLong(1, couplingId);
          ps.setLong(2, weekId);
          ps.setDate(3, Date.valueOf(c.date()));
          ps.setTime(4, Time.valueOf(c.time()));
          ps.setString(5, c.type());
          ps.setBoolean(6, c.reached());
          ps.setInt(7, c.minutes());
          ps.setInt(8, c.minutesOutsideHours());
          ps.setTimestamp(9, now);
        });
    return true;
  }

  /** Records one contact logged on its own (journeys started before the weekly log); {@code sourceId} (the recording step's activity instance) is unique, so none counts twice. */
  public void record(String sourceId, Contact c) {
    jdbc.update("""
        INSERT INTO contact_log (coupling_id, activity_instance_id, contact_date, contact_type, reached, minutes, logged_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        c.couplingId(), sourceId, Date.valueOf(c.date()), c.type(), c.reached(), c.minutes(),
        Timestamp.from(clock.instant()));
  }
}
