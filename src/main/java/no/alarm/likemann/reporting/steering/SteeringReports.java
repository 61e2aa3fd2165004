package no.alarm.likemann.reporting.steering;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.alarm.likemann.reporting.steering.SteeringFigures.Figures;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reports to the steering group (table steering_report): the figures as they were when the project leader was
 * asked to write, what the project leader wrote, and the PDF. Every step writes by the report's id, so a step that
 * runs again after a failure writes the same again.
 */
@Component
public class SteeringReports {

  /** A report as the steering group's list shows it. */
  public record Listed(long id, String title, String kind, int year, String periodFrom, String periodTo,
                       Instant producedAt) {}

  /** What the project leader wrote. */
  public record Texts(String resultsAchieved, String measures, String finances, String nextPeriodPlan) {}

  /** A report with everything the PDF shows. */
  public record Stored(long id, SteeringPeriod.Kind kind, int year, Figures figures, Texts texts, String writtenBy,
                       Instant writtenAt) {

    public String title() {
      return SteeringPeriod.title(kind, year, figures.from(), figures.to());
    }
  }

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final no.alarm.likemann.reporting.SmallNumbers smallNumbers;

  public SteeringReports(JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                         no.alarm.likemann.reporting.SmallNumbers smallNumbers) {
    this.smallNumbers = smallNumbers;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** The period's figures for the report of a process instance; kept once, whatever runs again. */
  public long draft(String processInstanceId, SteeringPeriod period, Figures figures) {
    return draft(processInstanceId, period, figures, null);
  }

  /** A region's report (null: every region's). */
  public long draft(String processInstanceId, SteeringPeriod period, Figures figures, String region) {
    List<Long> existing = jdbc.queryForList("SELECT id FROM steering_report WHERE process_instance_id = ?",
        Long.class, processInstanceId);
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    jdbc.update("INSERT INTO steering_report (process_instance_id, report_kind, report_year, period_from, period_to,"
        + " figures, figures_at, region) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", processInstanceId, period.kind().key(),
        period.year(), Date.valueOf(period.from()), Date.valueOf(period.to()), write(figures),
        Timestamp.from(clock.instant()), region);
    return jdbc.queryForObject("SELECT id FROM steering_report WHERE process_instance_id = ?", Long.class,
        processInstanceId);
  }

  /** The report of a process instance: what the steps write to, whatever a task's variables say. */
  public long idOf(String processInstanceId) {
    return jdbc.queryForList("SELECT id FROM steering_report WHERE process_instance_id = ?", Long.class,
        processInstanceId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No steering report for process instance " + processInstanceId));
  }

  public void write(long id, Texts texts, String writtenBy) {
    jdbc.update("UPDATE steering_report SET results_achieved = ?, measures = ?, finances = ?, next_period_plan = ?,"
        + " written_by = ?, written_at = ? WHERE id = ?", texts.resultsAchieved(), texts.measures(),
        texts.finances(), texts.nextPeriodPlan(), writtenBy, Timestamp.from(clock.instant()), id);
  }

  public Optional<Stored> find(long id) {
    return jdbc.query("SELECT * FROM steering_report WHERE id = ?", (rs, i) -> {
      Timestamp written = rs.getTimestamp("written_at");
      return new Stored(rs.getLong("id"), SteeringPeriod.Kind.of(rs.getString("report_kind")).orElseThrow(),
          rs.getInt("report_year"), read(rs.getString("figures")),
          new Texts(rs.getString("results_achieved"), rs.getString("measures"), rs.getString("finances"),
              rs.getString("next_period_plan")),
          rs.getString("written_by"), written == null ? null : written.toInstant());
    }, id).stream().findFirst();
  }

  /** Renders the report's PDF from what is stored and keeps it. */
  public void produce(long id) {
    Stored report = find(id).orElseThrow(() -> new IllegalStateException("No steering report " + id));
    byte[] pdf = SteeringReportPdf.render(report, clock.instant(), smallNumbers);
    jdbc.update("UPDATE steering_report SET pdf = ?, produced_at = ? WHERE id = ?", pdf,
        Timestamp.from(clock.instant()), id);
  }

  /** The reports that have a PDF, the newest first. */
  public List<Listed> produced() {
    return produced(null);
  }

  /**
   * The reports made, the newest first: of the given regions and those for every region (null: all of them, the
   * administrator's list).
   */
  public List<Listed> produced(java.util.Collection<String> regions) {
    return jdbc.query("SELECT id, report_kind, report_year, period_from, period_to, produced_at, region"
        + " FROM steering_report WHERE pdf IS NOT NULL ORDER BY produced_at DESC, id DESC", (rs, i) -> {
          SteeringPeriod.Kind kind = SteeringPeriod.Kind.of(rs.getString(2)).orElseThrow();
          var from = rs.getDate(4).toLocalDate();
          var to = rs.getDate(5).toLocalDate();
          return new Listed(rs.getLong(1), SteeringPeriod.title(kind, rs.getInt(3), from, to), kind.key(),
              rs.getInt(3), from.toString(), to.toString(), rs.getTimestamp(6).toInstant());
        }).stream().filter(r -> regions == null || mayRead(r.id(), regions)).toList();
  }

  /** Whether a report is one of the regions' or every region's (a report that is not there: its absence says so). */
  public boolean mayRead(long id, java.util.Collection<String> regions) {
    return jdbc.queryForList("SELECT region FROM steering_report WHERE id = ?", String.class, id).stream()
        .allMatch(region -> region == null || regions.contains(region));
  }

  public Optional<byte[]> pdf(long id) {
    return jdbc.query("SELECT pdf FROM steering_report WHERE id = ? AND pdf IS NOT NULL", (rs, i) -> rs.getBytes(1),
        id).stream().findFirst();
  }

  private String write(Figures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Steering report figures could not be written as JSON", e);
    }
  }

  private Figures read(String figures) {
    try {
      return json.readValue(figures, Figures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Steering report figures could not be read", e);
    }
  }
}
