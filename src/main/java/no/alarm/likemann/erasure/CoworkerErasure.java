package no.alarm.likemann.erasure;

import java.sql.Date;
import java.time.Instant;
import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A Portalen co-worker (medarbeider) who left is erased when the retention time after leaving is over. The register
 * holds no name: the name, the agreed days' plan and every attendance step live in the co-worker's
 * {@code workParticipation} process, which goes with its history; the register's row keeps what report 003 counts
 * (workplace, joined, left, attendance per day) under a random key instead of the {@code PO-} reference.
 */
@Component
public class CoworkerErasure {

  private final JdbcTemplate jdbc;
  private final EngineErasure engine;

  public CoworkerErasure(JdbcTemplate jdbc, EngineErasure engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  /** The ids of the co-workers who left before {@code before} and have not been erased. */
  public List<Long> due(Instant before) {
    return jdbc.queryForList("SELECT id FROM work_participant WHERE status = 'LEFT' AND left_on < ?"
        + " AND reference NOT LIKE 'ANON-%' ORDER BY id", Long.class,
        Date.valueOf(before.atZone(OsloCalendar.OSLO).toLocalDate()));
  }

  /** Erases one former co-worker; returns how many process instances went. */
  public int erase(long coworkerId) {
    var row = jdbc.queryForMap("SELECT reference, process_instance_id, status FROM work_participant WHERE id = ?",
        coworkerId);
    if (!"LEFT".equals(row.get("status"))) {
      throw new IllegalStateException("Co-worker " + coworkerId + " is " + row.get("status") + ", not a former one");
    }
    List<String> instances = engine.withCalled(List.of((String) row.get("process_instance_id")));
    engine.delete(instances);
    String key = PersonErasure.anonymousKey();
    jdbc.update("UPDATE work_participant SET reference = ?, process_instance_id = ? WHERE id = ?", key, key,
        coworkerId);
    jdbc.update("DELETE FROM case_read WHERE reference = ?", row.get("reference"));
    return instances.size();
  }
}
