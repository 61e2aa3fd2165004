package no.alarm.likemann.journey;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code journeyMeeting} process and its one step, {@code recordJourneyMeeting} (report 001): a start-up or
 * evaluation meeting, or the responsibility group where the counsellor takes part in the follow-up and the
 * coordinator may stand in, kept in {@code journey_meeting} and counted in the reports. Who may record it is checked
 * as for a change ({@link JourneyReporter}); who records it is the login.
 */
@Component("recordJourneyMeetingDelegate")
public class JourneyMeeting implements JavaDelegate, FormRules {

  public static final String PROCESS_KEY = "journeyMeeting";
  public static final String START = "journeyMeetingHeld";
  public static final String RECORD = "recordJourneyMeeting";
  public static final String RECORDED = "journeyMeetingRecorded";

  public static final String KIND = "meetingKind";
  public static final String HELD_ON = "meetingDate";
  /** Who attended: a checklist of {@link #ATTENDEES}. */
  public static final String ATTENDED = "meetingAttendees";
  public static final String STOOD_IN = "coordinatorStoodIn";
  public static final String NOTE = "meetingNote";

  public static final Map<String, String> KINDS = Map.of("startup", "Oppstartsmøte", "evaluation", "Evalueringsmøte",
      "responsibilityGroup", "Ansvarsgruppemøte");
  public static final List<String> ATTENDEES = List.of("participant", "mentor", "counsellor", "coordinator");

  private static final Logger LOG = LoggerFactory.getLogger(JourneyMeeting.class);

  private final JdbcTemplate jdbc;
  private final JourneyReporter reporter;
  private final Clock clock;

  public JourneyMeeting(JdbcTemplate jdbc, JourneyReporter reporter, Clock clock) {
    this.jdbc = jdbc;
    this.reporter = reporter;
    this.clock = clock;
  }

  static List<String> attendees(FormInput in) {
    List<String> chosen = in.choices(ATTENDED);
    return chosen == null ? List.of() : chosen;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    if (!START.equals(formId)) {
      return;
    }
    List<String> attended = attendees(in);
    if (in.isTrue(STOOD_IN)) {
      if (!"responsibilityGroup".equals(in.get(KIND))) {
        out.add(new Violation(STOOD_IN, "Koordinatoren stiller for ruskonsulenten bare i ansvarsgruppemøter.",
            "coordinatorStoodIn applies to responsibility group meetings only"));
      } else if (attended.contains("counsellor") || !attended.contains("coordinator")) {
        out.add(new Violation(STOOD_IN, "Kryss av for at koordinatoren var med og ruskonsulenten ikke var det.",
            "coordinatorStoodIn needs the coordinator present and the counsellor absent"));
      }
    }
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ((String) execution.getVariable(ParticipantJourney.Var.REFERRAL_REFERENCE)).strip()
        .toUpperCase();
    reporter.check(execution, reference, START, ParticipantJourney.Var.REFERRAL_REFERENCE);
    FormInput in = new FormInput(execution::getVariable);
    List<String> attended = attendees(in);
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    jdbc.update("INSERT INTO journey_meeting (reference, process_instance_id, kind, held_on, participant_attended,"
        + " mentor_attended, counsellor_attended, coordinator_attended, coordinator_stood_in, recorded_as, recorded_at,"
        + " note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reference, execution.getProcessInstanceId(),
        in.string(KIND), Date.valueOf(in.date(HELD_ON)), attended.contains("participant"), attended.contains("mentor"),
        attended.contains("counsellor"), attended.contains("coordinator"), in.isTrue(STOOD_IN),
        JourneyReporter.roleOf(who), Timestamp.from(clock.instant()), in.string(NOTE));
    // the note's words live in the register, with the case
    execution.removeVariable(NOTE);
    execution.setProcessBusinessKey(reference);
    execution.setVariable(ParticipantJourney.Var.REFERRAL_REFERENCE, reference);
    LOG.info("Meeting ({}) in journey {} recorded by process instance {}", in.string(KIND), reference,
        execution.getProcessInstanceId());
  }
}
