package no.alarm.likemann.reporting.workinggroup;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.steering.SteeringFigures.Figures;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The working group's months (table working_group_month): one row per region and month with the previous month's
 * figures as they were taken, the adviser's report, the minutes and the PDF. No participant, no reference and no name
 * of anyone at the meeting: the parties who attended only. Every step writes by the row of its process instance, so a
 * step that runs again writes the same again.
 */
@Component
public class WorkingGroupMonths {

  /** The adviser's report as it stands: asked for, received, or not received by the time it was due. */
  public enum AdviserReportState { WAITING, RECEIVED, NOT_RECEIVED }

  /** The adviser's monthly written report (the job description's list); amounts in whole kroner. */
  public record AdviserReport(String status, String progress, String economy, Integer costsKr, String personnel,
                              Integer outlaysKr, String outlaysNote, Integer travelCostsKr, String travelNote) {}

  /** The minutes: whether the meeting was held and, if so, when, which parties came and what it did. */
  public record Meeting(boolean held, String notHeldReason, LocalDate date, Set<String> attendees,
                        String casesDiscussed, String decisions, String measuresInitiated, String steeringAgenda,
                        String evaluationSummary) {}

  /** A month with everything its PDF shows. */
  public record Stored(long id, String region, YearMonth month, boolean halfYearEvaluation, Figures figures,
                       AdviserReportState adviserReportState, AdviserReport adviserReport, Meeting meeting) {}

  /** A month as the list shows it. */
  public record Listed(long id, String month, String title, String region, boolean halfYearEvaluation,
                       Instant producedAt) {}

  /** A month of a region already started (running or done): it is not started twice. */
  public static class AlreadyStarted extends RuntimeException {
    public AlreadyStarted(String region, YearMonth month) {
      super("The working group's month " + month + " of region " + region + " is already started");
    }
  }

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final SmallNumbers smallNumbers;
  private final no.alarm.likemann.referral.MunicipalityRegistry register;

  public WorkingGroupMonths(JdbcTemplate jdbc, ObjectMapper json, Clock clock, SmallNumbers smallNumbers,
                            no.alarm.likemann.referral.MunicipalityRegistry register) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.smallNumbers = smallNumbers;
    this.register = register;
  }

  /** Whether the region's month has been started (it may be running or done). */
  public boolean started(String region, YearMonth month) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM working_group_month WHERE region = ? AND group_month = ?",
        Integer.class, region, Date.valueOf(month.atDay(1)));
    return n != null && n > 0;
  }

  /**
   * The month of a process instance, with the figures it shows; kept once, whatever runs again.
   *
   * @throws AlreadyStarted when another instance has the region's month
   */
  public long open(String processInstanceId, String region, MonthPlan plan, Figures figures) {
    Optional<Long> existing = find(processInstanceId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (started(region, plan.month())) {
      throw new AlreadyStarted(region, plan.month());
    }
    try {
      jdbc.update("INSERT INTO working_group_month (process_instance_id, region, group_month, half_year_evaluation,"
          + " figures_from, figures_to, figures, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", processInstanceId,
          region, Date.valueOf(plan.month().atDay(1)), plan.halfYearEvaluation(), Date.valueOf(plan.figuresFrom()),
          Date.valueOf(plan.figuresTo()), write(figures), Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException e) {
      // another start of the same month at the same moment: the unique key decides
      throw new AlreadyStarted(region, plan.month());
    }
    return idOf(processInstanceId);
  }

  /** The month of a process instance: what the steps write to, whatever a task's variables say. */
  public long idOf(String processInstanceId) {
    return find(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No working group month for process instance " + processInstanceId));
  }

  private Optional<Long> find(String processInstanceId) {
    return jdbc.queryForList("SELECT id FROM working_group_month WHERE process_instance_id = ?", Long.class,
        processInstanceId).stream().findFirst();
  }

  public void adviserReport(long id, AdviserReport r, String writtenBy) {
    jdbc.update("UPDATE working_group_month SET adviser_report = 'received', adviser_status = ?, adviser_progress = ?,"
        + " adviser_economy = ?, costs_kr = ?, personnel = ?, outlays_kr = ?, outlays_note = ?, travel_costs_kr = ?,"
        + " travel_note = ?, adviser_written_by = ?, adviser_written_at = ? WHERE id = ?", r.status(), r.progress(),
        r.economy(), r.costsKr(), r.personnel(), r.outlaysKr(), r.outlaysNote(), r.travelCostsKr(), r.travelNote(),
        writtenBy, Timestamp.from(clock.instant()), id);
  }

  /** The report did not come in time: so recorded, unless it came after all. */
  public void adviserReportMissing(long id) {
    jdbc.update("UPDATE working_group_month SET adviser_report = 'notReceived' WHERE id = ?"
        + " AND adviser_report = 'waiting'", id);
  }

  public void meeting(long id, Meeting m, String recordedBy) {
    Set<String> came = m.held() ? m.attendees() : Set.of();
    jdbc.update("UPDATE working_group_month SET meeting_held = ?, meeting_not_held_reason = ?, meeting_date = ?,"
        + " municipalities_attended = ?, alarm_attended = ?, coordinator_attended = ?,"
        + " specialist_health_attended = ?, nav_attended = ?, cases_discussed = ?, decisions = ?,"
        + " measures_initiated = ?, steering_agenda = ?, evaluation_summary = ?, meeting_recorded_by = ?,"
        + " meeting_recorded_at = ? WHERE id = ?", m.held(), m.held() ? null : m.notHeldReason(),
        m.held() && m.date() != null ? Date.valueOf(m.date()) : null, came.contains("municipalities"),
        came.contains("alarm"), came.contains("coordinator"), came.contains("specialistHealth"), came.contains("nav"),
        m.casesDiscussed(), m.decisions(), m.measuresInitiated(), m.steeringAgenda(), m.evaluationSummary(),
        recordedBy, Timestamp.from(clock.instant()), id);
  }

  public Optional<Stored> find(long id) {
    return jdbc.query("SELECT * FROM working_group_month WHERE id = ?", (rs, i) -> stored(rs), id).stream()
        .findFirst();
  }

  private Stored stored(ResultSet rs) throws SQLException {
    AdviserReportState state = switch (rs.getString("adviser_report")) {
      case "received" -> AdviserReportState.RECEIVED;
      case "notReceived" -> AdviserReportState.NOT_RECEIVED;
      default -> AdviserReportState.WAITING;
    };
    AdviserReport adviser = state != AdviserReportState.RECEIVED ? null : new AdviserReport(
        rs.getString("adviser_status"), rs.getString("adviser_progress"), rs.getString("adviser_economy"),
        (Integer) rs.getObject("costs_kr", Integer.class), rs.getString("personnel"),
        (Integer) rs.getObject("outlays_kr", Integer.class), rs.getString("outlays_note"),
        (Integer) rs.getObject("travel_costs_kr", Integer.class), rs.getString("travel_note"));
    Meeting meeting = null;
    Boolean held = (Boolean) rs.getObject("meeting_held", Boolean.class);
    if (held != null) {
      Set<String> came = new LinkedHashSet<>();
      for (String party : WorkingGroupMonth.PARTIES.keySet()) {
        String column = switch (party) {
          case "municipalities" -> "municipalities_attended";
          case "alarm" -> "alarm_attended";
          case "coordinator" -> "coordinator_attended";
          case "specialistHealth" -> "specialist_health_attended";
          default -> "nav_attended";
        };
        if (rs.getBoolean(column)) {
          came.add(party);
        }
      }
      Date day = rs.getDate("meeting_date");
      meeting = new Meeting(held, rs.getString("meeting_not_held_reason"), day == null ? null : day.toLocalDate(),
          came, rs.getString("cases_discussed"), rs.getString("decisions"), rs.getString("measures_initiated"),
          rs.getString("steering_agenda"), rs.getString("evaluation_summary"));
    }
    return new Stored(rs.getLong("id"), rs.getString("region"), YearMonth.from(rs.getDate("group_month")
        .toLocalDate()), rs.getBoolean("half_year_evaluation"), read(rs.getString("figures")), state, adviser,
        meeting);
  }

  /** Renders the month's PDF from what is stored and keeps it. */
  public void produce(long id) {
    Stored month = find(id).orElseThrow(() -> new IllegalStateException("No working group month " + id));
    byte[] pdf = WorkingGroupMonthPdf.render(month, register.regionName(month.region()), clock.instant(),
        smallNumbers);
    jdbc.update("UPDATE working_group_month SET pdf = ?, produced_at = ? WHERE id = ?", pdf,
        Timestamp.from(clock.instant()), id);
  }

  /** The months with a PDF, the newest first: of the given regions (null: all, the administrator's list). */
  public List<Listed> produced(Collection<String> regions) {
    return jdbc.query("SELECT id, group_month, region, half_year_evaluation, produced_at FROM working_group_month"
        + " WHERE pdf IS NOT NULL ORDER BY group_month DESC, id DESC", (rs, i) -> {
          YearMonth month = YearMonth.from(rs.getDate(2).toLocalDate());
          return new Listed(rs.getLong(1), month.toString(), WorkingGroupMonthPdf.title(month, rs.getBoolean(4)),
              rs.getString(3), rs.getBoolean(4), rs.getTimestamp(5).toInstant());
        }).stream().filter(m -> regions == null || regions.contains(m.region())).toList();
  }

  /** The region of a month, if there is one with that id. */
  public Optional<String> regionOf(long id) {
    return jdbc.queryForList("SELECT region FROM working_group_month WHERE id = ?", String.class, id).stream()
        .findFirst();
  }

  public Optional<byte[]> pdf(long id) {
    return jdbc.query("SELECT pdf FROM working_group_month WHERE id = ? AND pdf IS NOT NULL",
        (rs, i) -> rs.getBytes(1), id).stream().findFirst();
  }

  private String write(Figures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Working group month figures could not be written as JSON", e);
    }
  }

  private Figures read(String figures) {
    try {
      return json.readValue(figures, Figures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Working group month figures could not be read", e);
    }
  }
}
