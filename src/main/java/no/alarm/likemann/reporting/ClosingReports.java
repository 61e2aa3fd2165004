package no.alarm.likemann.reporting;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The closing reports, kept with the case in the project's own table. */
@Component
public class ClosingReports {

  private final JdbcTemplate jdbc;
  private final MunicipalityRegistry municipalities;
  private final Clock clock;

  public ClosingReports(JdbcTemplate jdbc, MunicipalityRegistry municipalities, Clock clock) {
    this.jdbc = jdbc;
    this.municipalities = municipalities;
    this.clock = clock;
  }

  /** The report as the journey's variables tell it (for the PDF and for a preview before it is sent). */
  public ClosingReport fromJourney(Function<String, Object> variables) {
    String municipality = (String) variables.apply(MUNICIPALITY);
    return new ClosingReport(
        (String) variables.apply(REFERRAL_REFERENCE),
        municipalities.find(municipality).map(Municipality::name).orElse(municipality),
        counsellor((String) variables.apply(REFERRAL_REFERENCE), (String) variables.apply(COUNSELLOR_NAME)),
        (String) variables.apply(MENTOR_NAME),
        date(variables.apply(COUPLING_MEETING_DATE)),
        (String) variables.apply(CLOSING_REASON),
        (String) variables.apply("closingReportSummary"),
        (String) variables.apply("closingReportGoals"),
        (String) variables.apply("closingReportRecommendations"),
        LocalDate.now(clock));
  }

  /** The referring counsellor, from the register (a journey from before it was kept there has the name itself). */
  private String counsellor(String reference, String fromJourney) {
    return jdbc.queryForList("SELECT counsellor_name FROM referral_detail WHERE reference = ?", String.class,
        reference).stream().filter(java.util.Objects::nonNull).findFirst().orElse(fromJourney);
  }

  /** Kept once per journey, in the transaction that completes the report: a repeat would be refused by the key. */
  public void keep(String reference, byte[] pdf, String producedBy) {
    jdbc.update("INSERT INTO closing_report (referral_reference, pdf, produced_at, produced_by) VALUES (?, ?, ?, ?)",
        reference, pdf, Timestamp.from(clock.instant()), producedBy);
  }

  public Optional<byte[]> find(String reference) {
    return jdbc.query("SELECT pdf FROM closing_report WHERE referral_reference = ?", (rs, i) -> rs.getBytes(1),
        reference).stream().findFirst();
  }

  private static LocalDate date(Object value) {
    return value instanceof String s && s.length() >= 10 ? LocalDate.parse(s.substring(0, 10)) : null;
  }

}
