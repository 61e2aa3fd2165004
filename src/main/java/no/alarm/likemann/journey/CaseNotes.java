package no.alarm.likemann.journey;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The notes written about a participant in the journey's forms ({@code case_note}), by reference. */
@Component
public class CaseNotes {

  /** One note as kept. */
  public record Note(String step, String field, String note, String writtenBy) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public CaseNotes(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Keeps a step's notes once: the step's activity instance and the field make the key, so a retry adds nothing. */
  public void keep(String reference, String step, String activityInstanceId, String writtenBy, List<Note> notes) {
    if (notes.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.batchUpdate("INSERT INTO case_note (reference, step, field, note, written_by, written_at,"
        + " activity_instance_id) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM case_note"
        + " WHERE activity_instance_id = ? AND field = ?)", notes, notes.size(), (ps, n) -> {
          ps.setString(1, reference);
          ps.setString(2, step);
          ps.setString(3, n.field());
          ps.setString(4, n.note());
          ps.setString(5, writtenBy);
          ps.setTimestamp(6, now);
          ps.setString(7, activityInstanceId);
          ps.setString(8, activityInstanceId);
          ps.setString(9, n.field());
        });
  }

  public List<Note> of(String reference) {
    return jdbc.query("SELECT step, field, note, written_by FROM case_note WHERE reference = ? ORDER BY id",
        (rs, i) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), reference);
  }
}
