package no.alarm.likemann.portalen;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The Portalen register: medarbeidere, their attendance, and the counts report 003 keeps (joined, still active). */
@Component
public class PortalenRegister {

  public record Counts(int joined, int stillActive) {}

  public record Registered(long id, String reference) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public PortalenRegister(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Registered register(String processInstanceId, String workplace, String agreedDays, Long mentorId,
                             LocalDate joinedOn) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("INSERT INTO work_participant (process_instance_id, workplace,"
          + " agreed_days, mentor_id, joined_on) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, processInstanceId);
      ps.setString(2, workplace);
      ps.setString(3, agreedDays);
      ps.setObject(4, mentorId);
      ps.setDate(5, Date.valueOf(joinedOn));
      return ps;
    }, keys);
    long id = keys.getKey().longValue();
    String reference = String.format("PO-%04d", id);
    jdbc.update("UPDATE work_participant SET reference = ? WHERE id = ?", reference, id);
    return new Registered(id, reference);
  }

  /** One row per agreed day; registering the same day again corrects it. */
  public void recordAttendance(long participantId, LocalDate day, boolean attended) {
    int updated = jdbc.update("UPDATE work_attendance SET attended = ?, recorded_at = ? WHERE participant_id = ?"
        + " AND attendance_date = ?", attended, Timestamp.from(clock.instant()), participantId, Date.valueOf(day));
    if (updated == 0) {
      jdbc.update("INSERT INTO work_attendance (participant_id, attendance_date, attended, recorded_at)"
          + " VALUES (?, ?, ?, ?)", participantId, Date.valueOf(day), attended, Timestamp.from(clock.instant()));
    }
  }

  public void setStatus(long participantId, String status, LocalDate leftOn) {
    jdbc.update("UPDATE work_participant SET status = ?, left_on = ? WHERE id = ?", status,
        leftOn == null ? null : Date.valueOf(leftOn), participantId);
  }

  public Counts counts() {
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(CASE WHEN status <> 'LEFT' THEN 1 ELSE 0 END), 0)"
        + " FROM work_participant", (rs, i) -> new Counts(rs.getInt(1), rs.getInt(2)));
  }
}
