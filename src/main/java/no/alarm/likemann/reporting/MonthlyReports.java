package no.alarm.likemann.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.mentor.ActiveMentor;
import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.reporting.MonthlyFigures.ParticipantFigures;
import no.alarm.likemann.reporting.MunicipalityMonthlyReport.Coordinator;
import no.alarm.likemann.reporting.MunicipalityMonthlyReport.MentorTotals;
import no.alarm.likemann.reporting.MunicipalityMonthlyReport.Participant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monthly reports in the project's own tables: what each mentor reported (or that nothing came), the
 * coordinator's report per region, and the PDF each municipality of the region receives, kept once per (region,
 * month, municipality) with its delivery. Logs carry ids only.
 */
@Component
public class MonthlyReports {

  private static final Logger LOG = LoggerFactory.getLogger(MonthlyReports.class);

  /** A mentor's month in a region: received, or not received within the deadline (no figures then). */
  public record MentorReport(long mentorId, boolean received, Integer km, Integer kr, String expensesFor) {}

  /** What the coordinator writes for the region. */
  public record RegionReport(String nextMonthPlan, String partnersInvolved, int km, int kr, String expensesFor) {}

  /** One municipality's report, delivered. */
  public record Delivery(long reportId, String municipality, String municipalityName) {}

  private final JdbcTemplate jdbc;
  private final MonthlyFigures figures;
  private final MentorRegister mentors;
  private final MunicipalityRegistry municipalities;
  private final Clock clock;

  public MonthlyReports(JdbcTemplate jdbc, MonthlyFigures figures, MentorRegister mentors,
                        MunicipalityRegistry municipalities, Clock clock) {
    this.jdbc = jdbc;
    this.figures = figures;
    this.mentors = mentors;
    this.municipalities = municipalities;
    this.clock = clock;
  }

  /** The region's name as the reports print it: the register's. */
  public String regionName(String region) {
    return municipalities.regionName(region);
  }

  /** The regions whose report for the month is already sent. */
  public Set<String> regionsReported(YearMonth month) {
    return new TreeSet<>(jdbc.queryForList("SELECT region FROM monthly_region_report WHERE report_month = ?",
        String.class, first(month)));
  }

  /** The mentor's report, with a status line per participant; a repeat replaces it. */
  public void recordMentorReport(YearMonth month, String region, long mentorId, int km, int kr, String expensesFor,
                                 Map<String, String> statusByReference, String recordedBy) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated = jdbc.update("UPDATE monthly_mentor_report SET status = 'RECEIVED', mileage_km = ?, expenses_kr = ?,"
        + " expenses_for = ?, recorded_at = ?, recorded_by = ? WHERE report_month = ? AND region = ? AND mentor_id = ?",
        km, kr, blankToNull(expensesFor), now, recordedBy, first(month), region, mentorId);
    if (updated == 0) {
      jdbc.update("INSERT INTO monthly_mentor_report (report_month, region, mentor_id, status, mileage_km, expenses_kr,"
          + " expenses_for, recorded_at, recorded_by) VALUES (?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?)",
          first(month), region, mentorId, km, kr, blankToNull(expensesFor), now, recordedBy);
    }
    statusByReference.forEach((reference, status) -> {
      jdbc.update("DELETE FROM monthly_participant_status WHERE report_month = ? AND mentor_id = ?"
          + " AND referral_reference = ?", first(month), mentorId, reference);
      jdbc.update("INSERT INTO monthly_participant_status (report_month, mentor_id, referral_reference, status_text)"
          + " VALUES (?, ?, ?, ?)", first(month), mentorId, reference, status);
    });
    LOG.info("Monthly report {} of mentor {} in region {} received", month, mentorId, region);
  }

  /** Seven days passed: the report is recorded as not received (a report that came after all is kept). */
  public void recordMentorReportMissing(YearMonth month, String region, long mentorId) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM monthly_mentor_report WHERE report_month = ? AND region = ?"
        + " AND mentor_id = ?", Integer.class, first(month), region, mentorId) == 0) {
      jdbc.update("INSERT INTO monthly_mentor_report (report_month, region, mentor_id, status, recorded_at)"
          + " VALUES (?, ?, ?, 'NOT_RECEIVED', ?)", first(month), region, mentorId, Timestamp.from(clock.instant()));
    }
    LOG.info("Monthly report {} of mentor {} in region {} not received in time", month, mentorId, region);
  }

  public List<MentorReport> mentorReports(YearMonth month, String region) {
    return jdbc.query("SELECT mentor_id, status, mileage_km, expenses_kr, expenses_for FROM monthly_mentor_report"
        + " WHERE report_month = ? AND region = ? ORDER BY mentor_id", (rs, i) -> new MentorReport(
            rs.getLong("mentor_id"), "RECEIVED".equals(rs.getString("status")),
            (Integer) rs.getObject("mileage_km", Integer.class), (Integer) rs.getObject("expenses_kr", Integer.class),
            rs.getString("expenses_for")), first(month), region);
  }

  /** The participants of the region in the month, by referral reference, sorted. */
  public List<String> participantsOf(YearMonth month, String region) {
    return figures.figures(month, region).stream().map(ParticipantFigures::reference).distinct().sorted().toList();
  }

  /** What the mentors reported, as text (Markdown) for the coordinator's form. */
  public String summary(YearMonth month, String region) {
    List<ParticipantFigures> all = figures.figures(month, region);
    Map<Long, MentorReport> reports = byMentor(mentorReports(month, region));
    Map<String, String> statuses = statuses(month);
    Set<Long> mentorIds = new TreeSet<>(reports.keySet());
    all.forEach(f -> mentorIds.add(f.mentorId()));
    if (mentorIds.isEmpty()) {
      return "Ingen likemenn hadde deltakere i oppfølging i regionen i " + MonthlyReportPdf.monthName(month) + ".";
    }
    StringBuilder text = new StringBuilder();
    for (long mentorId : mentorIds) {
      MentorReport report = reports.get(mentorId);
      text.append("**").append(ActiveMentor.reference(mentorId)).append(' ').append(mentorName(mentorId))
          .append("**: ");
      if (report == null) {
        text.append("rapporten er ikke registrert.");
      } else if (!report.received()) {
        text.append("rapporten kom ikke innen ").append(MonthlyReporting.MENTOR_REPORT_DAYS).append(" dager.");
      } else {
        text.append("rapport mottatt. Kjøring ").append(report.km()).append(" km, utlegg ").append(report.kr())
            .append(" kr").append(report.expensesFor() == null ? "" : " (" + report.expensesFor() + ")").append('.');
      }
      text.append("\n\n");
      for (ParticipantFigures f : MonthlyFigures.ofMentor(all, mentorId).values()) {
        text.append("- ").append(figuresLine(f, municipalityName(f.municipality())));
        String status = statuses.get(mentorId + "/" + f.reference());
        text.append(status == null ? "" : " Status: " + status).append('\n');
      }
      text.append('\n');
    }
    return text.toString().strip();
  }

  /** One participant's figures as a line of text. */
  public static String figuresLine(ParticipantFigures f, String municipalityName) {
    return f.reference() + " (" + municipalityName + "): " + count(f.contacts(), "kontakt", "kontakter") + ", "
        + f.reached() + " nådde deltakeren, " + count(f.minutes(), "minutt", "minutter") + " ("
        + f.minutesOutsideHours() + " utenom vanlig arbeidstid).";
  }

  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The coordinator's report and goal lines; a repeat (a retried send) replaces them. */
  public void recordRegionReport(YearMonth month, String region, RegionReport report, Map<String, String> goals,
                                 String writtenBy) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated = jdbc.update("UPDATE monthly_region_report SET next_month_plan = ?, partners_involved = ?,"
        + " mileage_km = ?, expenses_kr = ?, expenses_for = ?, written_by = ?, written_at = ?"
        + " WHERE report_month = ? AND region = ?", report.nextMonthPlan(), report.partnersInvolved(), report.km(),
        report.kr(), blankToNull(report.expensesFor()), writtenBy, now, first(month), region);
    if (updated == 0) {
      jdbc.update("INSERT INTO monthly_region_report (report_month, region, next_month_plan, partners_involved,"
          + " mileage_km, expenses_kr, expenses_for, written_by, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          first(month), region, report.nextMonthPlan(), report.partnersInvolved(), report.km(), report.kr(),
          blankToNull(report.expensesFor()), writtenBy, now);
    }
    goals.forEach((reference, text) -> {
      jdbc.update("DELETE FROM monthly_participant_goal WHERE report_month = ? AND referral_reference = ?",
          first(month), reference);
      jdbc.update("INSERT INTO monthly_participant_goal (report_month, referral_reference, goals_text)"
          + " VALUES (?, ?, ?)", first(month), reference, text);
    });
  }

  /**
   * One PDF per municipality of the region, kept and delivered. Safe to repeat: a municipality's report for the
   * month is produced once; a repeat finds it and delivers nothing twice.
   */
  public List<Delivery> send(YearMonth month, String region) {
    List<Delivery> deliveries = new ArrayList<>();
    List<Municipality> ofRegion = municipalities.all().values().stream().filter(m -> m.region().equals(region))
        .sorted(java.util.Comparator.comparing(Municipality::name)).toList();
    for (Municipality municipality : ofRegion) {
      Optional<Long> existing = reportId(region, month, municipality.code());
      long id = existing.orElseGet(() -> keep(region, month, municipality.code(),
          MonthlyReportPdf.render(municipalityReport(month, region, municipality.code()))));
      if (jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report_delivery WHERE report_id = ?", Integer.class, id)
          == 0) {
        jdbc.update("INSERT INTO monthly_report_delivery (report_id, delivered_at) VALUES (?, ?)", id,
            Timestamp.from(clock.instant()));
      }
      deliveries.add(new Delivery(id, municipality.code(), municipality.name()));
      LOG.info("Monthly report {} for {} {} delivered as report {}{}", month, region, municipality.code(), id,
          existing.isPresent() ? " (already produced)" : "");
    }
    return deliveries;
  }

  /** The report as one municipality sees it: its own participants only. */
  public MunicipalityMonthlyReport municipalityReport(YearMonth month, String region, String municipality) {
    List<ParticipantFigures> all = figures.figures(month, region);
    Map<String, String> statuses = statuses(month);
    Map<String, String> goals = new HashMap<>();
    jdbc.query("SELECT referral_reference, goals_text FROM monthly_participant_goal WHERE report_month = ?",
        rs -> {
          goals.put(rs.getString(1), rs.getString(2));
        }, first(month));
    // an erased person's month is in the mentors' totals, not among the municipality's participants
    Set<String> anonymous = new java.util.HashSet<>(jdbc.queryForList("SELECT reference FROM referral"
        + " WHERE anonymous AND municipality_code = ?", String.class, municipality));
    List<Participant> participants = all.stream().filter(f -> f.municipality().equals(municipality))
        .filter(f -> !anonymous.contains(f.reference()))
        .map(f -> new Participant(f.reference(), ActiveMentor.reference(f.mentorId()), f.contacts(), f.reached(),
            f.minutes(), f.minutesOutsideHours(), statuses.get(f.mentorId() + "/" + f.reference()),
            goals.get(f.reference())))
        .toList();

    Map<Long, MentorReport> reports = byMentor(mentorReports(month, region));
    Set<Long> mentorIds = new TreeSet<>(reports.keySet());
    all.forEach(f -> mentorIds.add(f.mentorId()));
    List<MentorTotals> mentorTotals = new ArrayList<>();
    for (long mentorId : mentorIds) {
      var mine = MonthlyFigures.ofMentor(all, mentorId).values();
      MentorReport report = reports.get(mentorId);
      boolean received = report != null && report.received();
      mentorTotals.add(new MentorTotals(ActiveMentor.reference(mentorId), mentorName(mentorId), received, mine.size(),
          mine.stream().mapToInt(ParticipantFigures::contacts).sum(),
          mine.stream().mapToInt(ParticipantFigures::minutes).sum(),
          received ? report.km() : null, received ? report.kr() : null, received ? report.expensesFor() : null));
    }

    Map<String, Object> region0 = jdbc.queryForList("SELECT next_month_plan, partners_involved, mileage_km,"
        + " expenses_kr, expenses_for FROM monthly_region_report WHERE report_month = ? AND region = ?",
        first(month), region).stream().findFirst().orElse(Map.of());
    Coordinator coordinator = new Coordinator(number(region0.get("mileage_km")), number(region0.get("expenses_kr")),
        (String) region0.get("expenses_for"));
    return new MunicipalityMonthlyReport(municipalityName(municipality), regionName(region), month, participants,
        mentorTotals, coordinator, (String) region0.get("next_month_plan"), (String) region0.get("partners_involved"),
        LocalDate.now(clock.withZone(OsloCalendar.OSLO)));
  }

  Optional<Long> reportId(String region, YearMonth month, String municipality) {
    return jdbc.queryForList("SELECT id FROM monthly_report WHERE region = ? AND report_month = ?"
        + " AND municipality_code = ?", Long.class, region, first(month), municipality).stream().findFirst();
  }

  long keep(String region, YearMonth month, String municipality, byte[] pdf) {
    jdbc.update("INSERT INTO monthly_report (region, report_month, municipality_code, pdf, produced_at)"
        + " VALUES (?, ?, ?, ?, ?)", region, first(month), municipality, pdf, Timestamp.from(clock.instant()));
    return reportId(region, month, municipality).orElseThrow();
  }

  /** A counsellor has read the report. The first acknowledgement is kept. */
  public void acknowledge(long reportId, String user) {
    jdbc.update("UPDATE monthly_report_delivery SET acknowledged_by = ?, acknowledged_at = ? WHERE report_id = ?"
        + " AND acknowledged_at IS NULL", user, Timestamp.from(clock.instant()), reportId);
    LOG.info("Monthly report {} acknowledged by {}", reportId, user);
  }

  /** The municipality a report is for, or empty when there is no such report. */
  public Optional<String> municipalityOf(long id) {
    return jdbc.queryForList("SELECT municipality_code FROM monthly_report WHERE id = ?", String.class, id).stream()
        .findFirst();
  }

  public Optional<byte[]> find(long id) {
    return jdbc.query("SELECT pdf FROM monthly_report WHERE id = ?", (rs, i) -> rs.getBytes(1), id).stream()
        .findFirst();
  }

  /** Status lines of the month, by "mentorId/reference". */
  private Map<String, String> statuses(YearMonth month) {
    Map<String, String> statuses = new LinkedHashMap<>();
    jdbc.query("SELECT mentor_id, referral_reference, status_text FROM monthly_participant_status"
        + " WHERE report_month = ?", rs -> {
          statuses.put(rs.getLong(1) + "/" + rs.getString(2), rs.getString(3));
        }, first(month));
    return statuses;
  }

  private static Map<Long, MentorReport> byMentor(List<MentorReport> reports) {
    Map<Long, MentorReport> byMentor = new LinkedHashMap<>();
    reports.forEach(r -> byMentor.put(r.mentorId(), r));
    return byMentor;
  }

  private String mentorName(long mentorId) {
    return mentors.find(mentorId).map(Mentor::displayName).orElse("");
  }

  private String municipalityName(String code) {
    return municipalities.find(code).map(Municipality::name).orElse(code);
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static Date first(YearMonth month) {
    return Date.valueOf(month.atDay(1));
  }
}
