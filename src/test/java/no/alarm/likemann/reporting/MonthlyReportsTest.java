package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.mentor.NewMentor;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.reporting.MonthlyFigures.ParticipantFigures;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The month's figures and the kept reports, on the project's real tables (Flyway's migrations on an in-memory H2),
 * without Spring or the engine.
 */
class MonthlyReportsTest {

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  JdbcTemplate jdbc;
  MonthlyFigures figures;
  MonthlyReports reports;
  MentorRegister mentors;
  long lars;
  long kari;

  @BeforeEach
  void database() {
    var dataSource = new DriverManagerDataSource("jdbc:h2:mem:monthly-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .placeholders(Map.of("binaryType", "BLOB")).load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    Clock clock = Clock.fixed(LocalDateTime.of(2026, 11, 3, 9, 0).atZone(OSLO).toInstant(), OSLO);
    mentors = new MentorRegister(jdbc, clock, event -> { });
    figures = new MonthlyFigures(jdbc);
    reports = new MonthlyReports(jdbc, figures, mentors, new MunicipalityRegistry(jdbc, clock), clock);
    lars = mentors.add(new NewMentor("likemann", "Lars Likemann", MentorStatus.ACTIVE, "grenland", "skien", "male",
        1978, "own", null, null, 3));
    kari = mentors.add(new NewMentor(null, "Kari Nilsen", MentorStatus.ACTIVE, "grenland", "porsgrunn", "female",
        1985, "own", null, null, 2));
  }

  static Timestamp oslo(int year, int month, int day, int hour, int minute) {
    return Timestamp.from(LocalDateTime.of(year, month, day, hour, minute).atZone(OSLO).toInstant());
  }

  void referral(String reference, String municipality) {
    // each referral a person of its own, as a first referral is
    jdbc.update("INSERT INTO person (created_at) VALUES (CURRENT_TIMESTAMP)");
    jdbc.update("INSERT INTO referral (reference, process_instance_id, municipality_code, gender, age,"
        + " treatment_status, has_individual_plan, has_brukerplan, received_at, person_id) VALUES (?, ?, ?, 'male', 30,"
        + " 'after', FALSE, TRUE, ?, (SELECT MAX(id) FROM person))", reference, "pi-" + reference, municipality,
        oslo(2026, 1, 5, 10, 0));
  }

  long coupling(String reference, long mentorId, Timestamp started, Timestamp ended) {
    jdbc.update("INSERT INTO coupling (referral_reference, mentor_id, status, reserved_at, started_at, ended_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", reference, mentorId, started == null ? "RESERVED" : ended == null ? "ACTIVE"
        : "ENDED", oslo(2026, 1, 6, 10, 0), started, ended);
    return jdbc.queryForObject("SELECT MAX(id) FROM coupling", Long.class);
  }

  void contact(long couplingId, LocalDate date, boolean reached, int minutes) {
    contact(couplingId, date, reached, minutes, 0);
  }

  void contact(long couplingId, LocalDate date, boolean reached, int minutes, int outsideHours) {
    jdbc.update("INSERT INTO contact_log (coupling_id, activity_instance_id, contact_date, contact_type, reached,"
        + " minutes, minutes_outside_hours, logged_at) VALUES (?, ?, ?, 'phone', ?, ?, ?, ?)", couplingId,
        UUID.randomUUID().toString(), Date.valueOf(date), reached, minutes, outsideHours, oslo(2026, 11, 1, 12, 0));
  }

  /** Lars follows a Skien participant through October and a Porsgrunn one who ended on 10 October. */
  void october() {
    referral("HEN-2026-00001", "skien");
    referral("HEN-2026-00002", "porsgrunn");
    long skien = coupling("HEN-2026-00001", lars, oslo(2026, 9, 20, 12, 0), null);
    long porsgrunn = coupling("HEN-2026-00002", lars, oslo(2026, 8, 1, 12, 0), oslo(2026, 10, 10, 12, 0));
    contact(skien, LocalDate.of(2026, 9, 30), true, 500); // September: not counted
    contact(skien, LocalDate.of(2026, 10, 1), true, 60, 60); // a Thursday evening
    contact(skien, LocalDate.of(2026, 10, 15), false, 5);
    contact(skien, LocalDate.of(2026, 10, 31), true, 45, 45); // a Saturday
    contact(skien, LocalDate.of(2026, 11, 1), true, 500); // November: not counted
    contact(porsgrunn, LocalDate.of(2026, 10, 2), true, 30);
  }

  @Test
  void shouldCountEachParticipantsContactsOfTheMonth() {
    october();

    assertThat(figures.figures(OCTOBER, "grenland")).containsExactly(
        new ParticipantFigures(lars, "HEN-2026-00001", "skien", 3, 2, 110, 105),
        new ParticipantFigures(lars, "HEN-2026-00002", "porsgrunn", 1, 1, 30, 0));
    assertThat(figures.figures(OCTOBER, "agder")).isEmpty();
    // November: the Porsgrunn coupling had ended, the Skien one goes on (with no contacts yet but the 1st)
    assertThat(figures.figures(YearMonth.of(2026, 11), "grenland")).containsExactly(
        new ParticipantFigures(lars, "HEN-2026-00001", "skien", 1, 1, 500, 0));
  }

  @Test
  void shouldTakeTheMentorsWhoseCouplingWasActiveAtSomePointInTheOsloMonth() {
    referral("HEN-2026-00001", "skien");
    referral("HEN-2026-00002", "porsgrunn");
    referral("HEN-2026-00003", "kristiansand");
    referral("HEN-2026-00004", "bamble");
    // started 23:30 on 31 October, Oslo time (22:30 UTC): October's
    coupling("HEN-2026-00001", lars, oslo(2026, 10, 31, 23, 30), null);
    // started 00:30 on 1 November, Oslo time (23:30 UTC on 31 October): not October's
    coupling("HEN-2026-00002", kari, oslo(2026, 11, 1, 0, 30), null);
    // ended before October, and only reserved: neither counts
    coupling("HEN-2026-00003", kari, oslo(2026, 8, 1, 12, 0), oslo(2026, 9, 30, 23, 0));
    coupling("HEN-2026-00004", kari, null, null);

    assertThat(figures.mentorsByRegion(OCTOBER)).containsExactly(
        Map.entry("agder", List.of()), Map.entry("grenland", List.of(lars)), Map.entry("sorRogaland", List.of()));
    assertThat(figures.mentorsByRegion(YearMonth.of(2026, 11)).get("grenland")).containsExactly(lars, kari);
  }

  @Test
  void shouldDeliverOnePdfPerMunicipalityWithOnlyItsOwnParticipantsAndOnlyOnce() throws Exception {
    october();
    reports.recordMentorReport(OCTOBER, "grenland", lars, 120, 350, "Parkering",
        Map.of("HEN-2026-00001", "Møter fast, har fått arbeidstrening", "HEN-2026-00002", "Avsluttet, flyttet"),
        "likemann");
    reports.recordMentorReportMissing(OCTOBER, "grenland", kari);
    reports.recordRegionReport(OCTOBER, "grenland", new MonthlyReports.RegionReport("Samarbeidsmøte med NAV",
        "NAV Grenland, Borgestadklinikken", 80, 0, null), Map.of("HEN-2026-00001", "Egen bolig innen jul"),
        "koordinator");

    List<MonthlyReports.Delivery> first = reports.send(OCTOBER, "grenland");
    List<MonthlyReports.Delivery> again = reports.send(OCTOBER, "grenland");

    assertThat(first).hasSize(6).extracting(MonthlyReports.Delivery::municipality)
        .containsExactly("bamble", "drangedal", "kragero", "porsgrunn", "siljan", "skien");
    assertThat(again).isEqualTo(first);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report", Integer.class)).isEqualTo(6);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report_delivery", Integer.class)).isEqualTo(6);

    String skien = text(reports.find(idOf(first, "skien")).orElseThrow());
    assertThat(skien).contains("Skien", "oktober 2026", "HEN-2026-00001", "Møter fast, har fått arbeidstrening",
            "Egen bolig innen jul", "LM-0001", "Mottatt", "Ikke mottatt", "Samarbeidsmøte med NAV",
            "NAV Grenland, Borgestadklinikken", "Parkering")
        .doesNotContain("HEN-2026-00002", "Avsluttet, flyttet");
    // mileage and expenses: Lars 120 km and 350 kr, the coordinator 80 km; Kari's report did not come
    assertThat(skien.replaceAll("\\s", "")).contains("Sumlikemennogkoordinator200350");
    String porsgrunn = text(reports.find(idOf(first, "porsgrunn")).orElseThrow());
    assertThat(porsgrunn).contains("HEN-2026-00002", "Avsluttet, flyttet").doesNotContain("HEN-2026-00001");
    String bamble = text(reports.find(idOf(first, "bamble")).orElseThrow());
    assertThat(bamble).contains("Ingen deltakere fra kommunen").doesNotContain("HEN-2026-");

    reports.acknowledge(idOf(first, "skien"), "ruskonsulent");
    reports.acknowledge(idOf(first, "skien"), "someoneElse");
    assertThat(jdbc.queryForObject("SELECT acknowledged_by FROM monthly_report_delivery WHERE report_id = ?",
        String.class, idOf(first, "skien"))).isEqualTo("ruskonsulent");
  }

  @Test
  void shouldKeepAReportThatCameAndReplaceItWhenSentAgain() {
    october();
    reports.recordMentorReport(OCTOBER, "grenland", lars, 10, 0, null, Map.of("HEN-2026-00001", "Første"), null);
    reports.recordMentorReport(OCTOBER, "grenland", lars, 20, 100, "Kaffe", Map.of("HEN-2026-00001", "Andre"), null);
    reports.recordMentorReportMissing(OCTOBER, "grenland", lars);

    assertThat(reports.mentorReports(OCTOBER, "grenland")).containsExactly(
        new MonthlyReports.MentorReport(lars, true, 20, 100, "Kaffe"));
    assertThat(jdbc.queryForList("SELECT status_text FROM monthly_participant_status", String.class))
        .containsExactly("Andre");
    reports.recordMentorReportMissing(OCTOBER, "grenland", kari);
    assertThat(reports.mentorReports(OCTOBER, "grenland")).extracting(MonthlyReports.MentorReport::received)
        .containsExactly(true, false);
  }

  @Test
  void shouldCompileWhatTheMentorsReportedForTheCoordinator() {
    october();
    reports.recordMentorReport(OCTOBER, "grenland", lars, 120, 350, "Parkering",
        Map.of("HEN-2026-00001", "Møter fast"), "likemann");

    String summary = reports.summary(OCTOBER, "grenland");

    assertThat(summary).contains("**LM-0001 Lars Likemann**: rapport mottatt. Kjøring 120 km, utlegg 350 kr"
            + " (Parkering).")
        .contains("- HEN-2026-00001 (Skien): 3 kontakter, 2 nådde deltakeren, 110 minutter (105 utenom vanlig"
            + " arbeidstid)."
            + " Status: Møter fast")
        .contains("- HEN-2026-00002 (Porsgrunn): 1 kontakt, 1 nådde deltakeren, 30 minutter (0 utenom vanlig"
            + " arbeidstid).");
    assertThat(reports.participantsOf(OCTOBER, "grenland")).containsExactly("HEN-2026-00001", "HEN-2026-00002");
    assertThat(reports.summary(OCTOBER, "agder")).startsWith("Ingen likemenn");
    assertThat(reports.regionsReported(OCTOBER)).isEmpty();
  }

  static long idOf(List<MonthlyReports.Delivery> deliveries, String municipality) {
    return deliveries.stream().filter(d -> d.municipality().equals(municipality)).findFirst().orElseThrow().reportId();
  }

  static String text(byte[] pdf) throws Exception {
    return no.alarm.likemann.support.PdfText.of(pdf);
  }
}
