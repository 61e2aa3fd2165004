package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.InpatientStay.Var.*;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The register of inpatient stays ({@code inpatient_stay}) and the start and end of their process
 * ({@link InpatientStay}). One open stay per journey at a time; the silence watch leaves a participant with an open
 * stay alone.
 */
@Component("inpatientStays")
public class InpatientStays {

  private static final Logger LOG = LoggerFactory.getLogger(InpatientStays.class);
  private static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** An open or ended stay as its tasks show it. */
  public record Stay(long id, String reference, String admission, LocalDate admittedOn, LocalDate expectedDischarge,
      int timesPostponed, LocalDate dischargedOn) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Clock clock;

  public InpatientStays(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** The journey's open stay, if the participant is inpatient now (not discharged). */
  public Optional<Stay> open(String reference) {
    return jdbc.query("SELECT id, reference, admission, admitted_on, expected_discharge, times_postponed, discharged_on"
        + " FROM inpatient_stay WHERE reference = ? AND discharged_on IS NULL AND ended_at IS NULL", InpatientStays::stay,
        reference).stream()
        .findFirst();
  }

  public Optional<Stay> find(long id) {
    return jdbc.query("SELECT id, reference, admission, admitted_on, expected_discharge, times_postponed, discharged_on"
        + " FROM inpatient_stay WHERE id = ?", InpatientStays::stay, id).stream().findFirst();
  }

  private static Stay stay(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    Date discharged = rs.getDate("discharged_on");
    return new Stay(rs.getLong("id"), rs.getString("reference"), rs.getString("admission"),
        rs.getDate("admitted_on").toLocalDate(), rs.getDate("expected_discharge").toLocalDate(),
        rs.getInt("times_postponed"), discharged == null ? null : discharged.toLocalDate());
  }

  /**
   * Records a stay and starts its process (business key: the reference), with the journey's mentor to take part in
   * the transition. Returns the stay's id.
   */
  public long admit(String reference, String admission, LocalDate admittedOn, LocalDate expected, String recordedAs) {
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var insert = con.prepareStatement("INSERT INTO inpatient_stay (reference, admission, admitted_on,"
          + " expected_discharge, recorded_as, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, reference);
      insert.setString(2, admission);
      insert.setDate(3, Date.valueOf(admittedOn));
      insert.setDate(4, Date.valueOf(expected));
      insert.setString(5, recordedAs);
      insert.setTimestamp(6, Timestamp.from(clock.instant()));
      return insert;
    }, key);
    long id = key.getKey().longValue();
    String mentor = mentorOf(reference).orElse(null);
    var instance = runtime.createMessageCorrelation(InpatientStay.MESSAGE_ADMITTED).processInstanceBusinessKey(reference)
        .setVariable(REFERRAL_REFERENCE, reference)
        .setVariable(STAY_ID, Variables.longValue(id))
        .setVariable(ADMITTED_ON, admittedOn.toString())
        .setVariable(EXPECTED_DISCHARGE, expected.toString())
        .setVariable(MENTOR_USERNAME, mentor)
        .correlateStartMessage();
    jdbc.update("UPDATE inpatient_stay SET process_instance_id = ? WHERE id = ?", instance.getId(), id);
    LOG.info("Inpatient stay {} ({}) of journey {} started in process instance {}", id, admission, reference,
        instance.getId());
    return id;
  }

  /** The coordinator's record: discharged on a day (early when before the expected day, with a reason). */
  public void discharged(long id, LocalDate on, String earlyReason, String note) {
    Stay s = find(id).orElseThrow();
    boolean early = on.isBefore(s.expectedDischarge());
    jdbc.update("UPDATE inpatient_stay SET discharged_on = ?, discharged_early = ?, early_reason = ?, note = ?"
        + " WHERE id = ?", Date.valueOf(on), early, early ? earlyReason : null, note, id);
    LOG.info("Inpatient stay {} discharged{}", id, early ? " early (" + earlyReason + ")" : "");
  }

  /** The discharge is postponed to a new expected day: the mentor's task moves with it. */
  public void postponed(long id, LocalDate expected, String note, String processInstanceId) {
    jdbc.update("UPDATE inpatient_stay SET expected_discharge = ?, times_postponed = times_postponed + 1,"
        + " note = COALESCE(?, note) WHERE id = ?", Date.valueOf(expected), note, id);
    tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(InpatientStay.Element.TAKE_PART_IN_DISCHARGE).list().forEach(t -> {
          t.setDueDate(dueOn(expected));
          t.setFollowUpDate(followUpOn(expected));
          tasks.saveTask(t);
        });
    LOG.info("Inpatient stay {} postponed", id);
  }

  /** The mentor's part in the transition. */
  public void mentorTookPart(long id, String part, LocalDate on, String note) {
    jdbc.update("UPDATE inpatient_stay SET mentor_part = ?, mentor_part_on = ?, mentor_note = ? WHERE id = ?", part,
        on == null ? null : Date.valueOf(on), note, id);
  }

  /** The stay's process has ended: discharged, or closed because the journey ended. */
  public void ended(long id, String reason) {
    jdbc.update("UPDATE inpatient_stay SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
        Timestamp.from(clock.instant()), reason, id);
  }

  /** The journey has ended: its stays' processes (a task still open in them) end with it. */
  public void journeyEnded(String reference) {
    if (running(reference).isEmpty()) {
      return;
    }
    runtime.createMessageCorrelation(InpatientStay.MESSAGE_JOURNEY_ENDED).processInstanceBusinessKey(reference)
        .correlateAll();
  }

  /** A new mentor for the journey: the transition of a running stay is his to take part in. */
  public void mentorChanged(String reference, String username) {
    for (var stay : running(reference)) {
      runtime.setVariable(stay.getId(), MENTOR_USERNAME, username);
      tasks.createTaskQuery().processInstanceId(stay.getId())
          .taskDefinitionKey(InpatientStay.Element.TAKE_PART_IN_DISCHARGE).list()
          .forEach(t -> tasks.setAssignee(t.getId(), username));
    }
  }

  private List<org.camunda.bpm.engine.runtime.ProcessInstance> running(String reference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(InpatientStay.PROCESS_KEY)
        .processInstanceBusinessKey(reference).list();
  }

  /** The journey's mentor now: the active or reserved coupling's. */
  public Optional<String> mentorOf(String reference) {
    return jdbc.queryForList("SELECT m.username FROM coupling c JOIN mentor m ON m.id = c.mentor_id"
        + " WHERE c.referral_reference = ? AND c.status IN ('ACTIVE', 'RESERVED') ORDER BY c.id DESC", String.class,
        reference).stream().findFirst();
  }

  /** The tasks' due date: the expected discharge's morning (Oslo). */
  public static java.util.Date dueOn(LocalDate expected) {
    return java.util.Date.from(expected.atTime(9, 0).atZone(no.alarm.likemann.calendar.OsloCalendar.OSLO).toInstant());
  }

  /** The mentor's task comes forward a week before the expected discharge. */
  public static java.util.Date followUpOn(LocalDate expected) {
    return dueOn(expected.minusDays(7));
  }

  /** {@code ${inpatientStays.due(expectedDischarge)}} in the model. */
  public java.util.Date due(String expected) {
    return dueOn(LocalDate.parse(expected));
  }

  /** {@code ${inpatientStays.followUp(expectedDischarge)}} in the model. */
  public java.util.Date followUp(String expected) {
    return followUpOn(LocalDate.parse(expected));
  }

  /** The stay in words, for its tasks. */
  public static String text(Stay s) {
    String text = InpatientStay.ADMISSIONS.getOrDefault(s.admission(), s.admission()) + " " + NORWEGIAN.format(
        s.admittedOn()) + ". Forventet utskrevet " + NORWEGIAN.format(s.expectedDischarge());
    if (s.timesPostponed() > 0) {
      text += " (utsatt " + s.timesPostponed() + (s.timesPostponed() == 1 ? " gang)" : " ganger)");
    }
    return s.dischargedOn() == null ? text + "." : text + ". Utskrevet " + NORWEGIAN.format(s.dischargedOn()) + ".";
  }
}
