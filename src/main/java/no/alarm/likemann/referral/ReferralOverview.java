package no.alarm.likemann.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.journey.ParticipantJourney;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The referrals of some municipalities and where each stands: what a counsellor needs to follow the participants
 * they referred, and the reference that the treatment update and the journey change ask for. Open journeys, and
 * those ended in the last year. Only the reference, the date, the municipality and the stage: no name, no health
 * detail, no mentor.
 */
@Service
public class ReferralOverview {

  /** How many referrals one answer holds at most, newest first. */
  static final int LIMIT = 500;

  /**
   * One referral: its reference, day, municipality, stage, and the joint assessment (the municipality's view and
   * the coordinator's decision, in words; empty until given).
   */
  public record Row(String reference, LocalDate receivedOn, String municipality, String stage, String stageKey,
                    boolean closingReport, String municipalityView, String assessment) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final TaskService tasks;
  private final Clock clock;

  public ReferralOverview(NamedParameterJdbcTemplate jdbc, TaskService tasks, Clock clock) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** The referrals of these municipalities (codes), newest first. */
  public List<Row> of(Collection<String> municipalities) {
    if (municipalities.isEmpty()) {
      return List.of();
    }
    record Referral(String reference, String processInstanceId, Instant received, String municipality,
                    String outcome, String closingReason, boolean closingReport, String view, String assessment) {}
    List<Referral> referrals = jdbc.query("SELECT r.reference, r.process_instance_id, r.received_at, m.name,"
            + " r.outcome, r.closing_reason, CASE WHEN c.referral_reference IS NULL THEN 0 ELSE 1 END AS report,"
            + " r.municipality_view, r.assessment"
            + " FROM referral r JOIN municipality m ON m.code = r.municipality_code"
            + " LEFT JOIN closing_report c ON c.referral_reference = r.reference"
            + " WHERE r.municipality_code IN (:municipalities) AND (r.ended_at IS NULL OR r.ended_at >= :since)"
            // an erased person's journeys are figures now, not cases
            + " AND NOT r.anonymous"
            + " ORDER BY r.received_at DESC, r.reference DESC FETCH FIRST " + LIMIT + " ROWS ONLY",
        new MapSqlParameterSource("municipalities", municipalities)
            .addValue("since", Timestamp.from(clock.instant().minus(365, ChronoUnit.DAYS))),
        (rs, i) -> new Referral(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getInt(7) == 1, rs.getString(8), rs.getString(9)));

    Map<String, Set<String>> openTasks = new HashMap<>();
    List<String> running = referrals.stream().filter(r -> r.outcome() == null).map(Referral::processInstanceId)
        .toList();
    for (int from = 0; from < running.size(); from += 100) {
      List<String> chunk = running.subList(from, Math.min(running.size(), from + 100));
      for (Task task : tasks.createTaskQuery().processDefinitionKey(ParticipantJourney.PROCESS_KEY)
          .processInstanceIdIn(chunk.toArray(String[]::new)).list()) {
        openTasks.computeIfAbsent(task.getProcessInstanceId(), k -> new HashSet<>()).add(task.getTaskDefinitionKey());
      }
    }

    List<Row> rows = new ArrayList<>();
    for (Referral r : referrals) {
      ReferralStage stage = ReferralStage.of(r.outcome(), openTasks.getOrDefault(r.processInstanceId(), Set.of()));
      rows.add(new Row(r.reference(), LocalDate.ofInstant(r.received(), OsloCalendar.OSLO), r.municipality(),
          stage.label(r.closingReason()), stage.name(), r.closingReport(),
          r.view() == null ? "" : JointAssessment.VIEWS.getOrDefault(r.view(), r.view()),
          r.assessment() == null ? "" : JointAssessment.DECISIONS.getOrDefault(r.assessment(), r.assessment())));
    }
    return rows;
  }
}
