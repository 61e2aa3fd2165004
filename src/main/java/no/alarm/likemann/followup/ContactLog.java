package no.alarm.likemann.followup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
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

  /** Records one contact; {@code sourceId} (the recording step's activity instance) is unique, so none counts twice. */
  public void record(String sourceId, Contact c) {
    jdbc.update("""
        INSERT INTO contact_log (coupling_id, activity_instance_id, contact_date, contact_type, reached, minutes, logged_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        c.couplingId(), sourceId, Date.valueOf(c.date()), c.type(), c.reached(), c.minutes(),
        Timestamp.from(clock.instant()));
  }
}
