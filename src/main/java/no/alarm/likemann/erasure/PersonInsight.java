package no.alarm.likemann.erasure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything stored about one person, across all their journeys (GDPR art. 15): each table's rows about them, in
 * words the person can read, and the process steps with who did them and when. What {@link InsightPdf} prints. The
 * tables are read with the same list of places {@link PersonErasure} erases, so that what is shown is what would
 * go.
 */
@Component
public class PersonInsight {

  /** One part of what is stored: a heading and its rows, each a list of label and value. */
  public record Part(String heading, List<Map<String, String>> rows) {}

  /** What is stored about the person with these journeys. */
  public record Insight(List<String> references, List<Part> parts) {}

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final PersonErasure erasure;

  public PersonInsight(JdbcTemplate jdbc, HistoryService history, PersonErasure erasure) {
    this.jdbc = jdbc;
    this.history = history;
    this.erasure = erasure;
  }

  /** The person of this referral; empty references when there is no such referral. */
  public Insight of(String reference) {
    List<String> references = erasure.referencesOfPerson(reference);
    List<Part> parts = new ArrayList<>();
    if (references.isEmpty()) {
      return new Insight(references, parts);
    }
    String in = String.join(", ", java.util.Collections.nCopies(references.size(), "?"));
    Object[] refs = references.toArray();
    parts.add(part("Henvisningene", "SELECT r.reference AS \"Referanse\", m.name AS \"Kommune\", r.gender AS \"Kjønn\","
        + " r.age AS \"Alder\", r.treatment_status AS \"Behandlingsstatus\", r.has_individual_plan AS \"Individuell plan\","
        + " r.has_brukerplan AS \"Brukerplan\", r.received_at AS \"Mottatt\", r.outcome AS \"Utfall\","
        + " r.closing_reason AS \"Avslutningsgrunn\", r.ended_at AS \"Avsluttet\", r.tsb_started_on AS \"TSB startet\","
        + " r.tsb_ended_on AS \"TSB avsluttet\", r.tsb_outcome AS \"TSB fullført eller avbrutt\","
        + " r.municipality_view AS \"Kommunens vurdering\","
        + " r.assessment AS \"Koordinatorens vurdering\", r.assessed_at AS \"Vurdert\""
        + " FROM referral r JOIN municipality m ON m.code = r.municipality_code"
        + " WHERE r.reference IN (" + in + ") ORDER BY r.received_at", refs));
    parts.add(part("Henvisningens innhold", "SELECT reference AS \"Referanse\", substance_history AS \"Rushistorikk\","
        + " future_wishes AS \"Ønsker for framtiden\", counsellor_name AS \"Henvist av\","
        + " counsellor_contact AS \"Kontakt\", municipality_view_note AS \"Kommunens merknad\","
        + " municipality_view_by AS \"Kommunens vurdering gitt av\" FROM referral_detail WHERE reference IN ("
        + in + ")", refs));
    parts.add(part("Notater fra møtene", "SELECT reference AS \"Referanse\", step AS \"Steg\", note AS \"Notat\","
        + " written_by AS \"Skrevet av\", written_at AS \"Skrevet\" FROM case_note WHERE reference IN (" + in + ")"
        + " ORDER BY written_at", refs));
    parts.add(part("Møter i forløpet", "SELECT reference AS \"Referanse\", kind AS \"Møte\", held_on AS \"Dato\","
        + " participant_attended AS \"Deltakeren\", mentor_attended AS \"Likemannen\","
        + " counsellor_attended AS \"Ruskonsulenten\", coordinator_attended AS \"Koordinatoren\","
        + " coordinator_stood_in AS \"Koordinatoren stilte for ruskonsulenten\", note AS \"Merknad\""
        + " FROM journey_meeting WHERE reference IN (" + in + ") ORDER BY held_on", refs));
    parts.add(part("Innleggelser", "SELECT reference AS \"Referanse\", admission AS \"Innleggelse\","
        + " admitted_on AS \"Lagt inn\", expected_discharge AS \"Forventet utskrevet\", discharged_on AS \"Skrevet ut\","
        + " early_reason AS \"Hvorfor før tiden\", mentor_part AS \"Likemannens del\", note AS \"Koordinatorens merknad\","
        + " mentor_note AS \"Likemannens merknad\" FROM inpatient_stay WHERE reference IN (" + in + ") ORDER BY admitted_on",
        refs));
    parts.add(part("Avvik fra avtalen", "SELECT reference AS \"Referanse\", kind AS \"Hva\","
        + " deviation_by AS \"Hvem sin forpliktelse\", occurred_on AS \"Når\", reported_as AS \"Meldt av\","
        + " description AS \"Hva skjedde\", coordinator_note AS \"Koordinatorens oppfølging\","
        + " project_leader_note AS \"Prosjektlederens oppfølging\", outcome AS \"Utfall\" FROM agreement_deviation"
        + " WHERE reference IN (" + in + ") ORDER BY reported_at", refs));
    parts.add(part("Avtalen fra koblingsmøtet", "SELECT reference AS \"Referanse\", goals AS \"Mål\","
        + " home_visits_allowed AS \"Hjemmebesøk\", contact_relatives_allowed AS \"Kontakt med pårørende\","
        + " other_follow_up_rules AS \"Andre regler\", agreed_at AS \"Avtalt\" FROM referral_agreement"
        + " WHERE reference IN (" + in + ")", refs));
    parts.add(part("Koblinger til likemann", "SELECT referral_reference AS \"Referanse\", mentor_id AS \"Likemann (nr.)\","
        + " status AS \"Status\", started_at AS \"Startet\", ended_at AS \"Sluttet\" FROM coupling"
        + " WHERE referral_reference IN (" + in + ") ORDER BY reserved_at", refs));
    parts.add(part("Kontaktloggen", "SELECT k.referral_reference AS \"Referanse\", l.contact_date AS \"Dato\","
        + " l.contact_time AS \"Tid\", l.contact_type AS \"Type\", l.reached AS \"Nådd\", l.minutes AS \"Minutter\""
        + " FROM contact_log l JOIN coupling k ON k.id = l.coupling_id WHERE k.referral_reference IN (" + in + ")"
        + " ORDER BY l.contact_date, l.contact_time", refs));
    parts.add(part("Sluttrapporten", "SELECT referral_reference AS \"Referanse\", produced_at AS \"Laget\","
        + " produced_by AS \"Laget av\" FROM closing_report WHERE referral_reference IN (" + in + ")", refs));
    parts.add(part("Evalueringen", "SELECT referral_reference AS \"Referanse\", respondent AS \"Hvem svarte\","
        + " answer_comment AS \"Kommentar\", answered_at AS \"Svart\" FROM evaluation_answer"
        + " WHERE referral_reference IN (" + in + ")", refs));
    parts.add(part("Månedsrapportene", "SELECT referral_reference AS \"Referanse\", report_month AS \"Måned\","
        + " status_text AS \"Status\" FROM monthly_participant_status WHERE referral_reference IN (" + in + ")"
        + " UNION ALL SELECT referral_reference, report_month, goals_text FROM monthly_participant_goal"
        + " WHERE referral_reference IN (" + in + ") ORDER BY 2", concat(refs, refs)));
    parts.add(part("Hvem har lest saken", "SELECT reference AS \"Referanse\", read_by AS \"Lest av\","
        + " read_at AS \"Når\", what AS \"Hva\", via AS \"Hvordan\" FROM case_read WHERE reference IN (" + in + ")"
        + " ORDER BY read_at", refs));
    parts.add(part("Forespørsler om sletting", "SELECT reference AS \"Referanse\", reason AS \"Grunn\","
        + " requested_by AS \"Bedt om av\", requested_at AS \"Når\", status AS \"Status\" FROM erasure"
        + " WHERE reference IN (" + in + ")", refs));
    parts.add(steps(references));
    return new Insight(references, parts);
  }

  /** The steps of the person's processes: what was done, when, and by whom. */
  private Part steps(List<String> references) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (String id : erasure.instancesAbout(references)) {
      var pi = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
      history.createHistoricTaskInstanceQuery().processInstanceId(id).orderByHistoricActivityInstanceStartTime().asc()
          .list().forEach(t -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("Referanse", pi == null ? "" : String.valueOf(pi.getBusinessKey()));
            row.put("Steg", t.getName());
            row.put("Startet", String.valueOf(t.getStartTime()));
            row.put("Ferdig", t.getEndTime() == null ? "pågår" : String.valueOf(t.getEndTime()));
            row.put("Utført av", t.getAssignee() == null ? "" : t.getAssignee());
            rows.add(row);
          });
    }
    return new Part("Stegene i prosessene", rows);
  }

  private Part part(String heading, String sql, Object... args) {
    List<Map<String, String>> rows = new ArrayList<>();
    jdbc.query(sql, rs -> {
      Map<String, String> row = new LinkedHashMap<>();
      var meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        Object v = rs.getObject(i);
        row.put(meta.getColumnLabel(i), v == null ? "" : String.valueOf(v));
      }
      rows.add(row);
    }, args);
    return new Part(heading, rows);
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] all = new Object[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
