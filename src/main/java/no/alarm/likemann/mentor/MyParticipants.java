package no.alarm.likemann.mentor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The participants a mentor follows now: the reference, since when, the goals and the participant's own rules for
 * the follow-up from the coupling meeting (home visits, relatives, other rules). Never the referral's substance
 * history, the coordinator's notes, the counsellor or other mentors.
 */
@Component
public class MyParticipants {

  /** What the coupling meeting agreed, as the mentor needs it. */
  public record Participant(String reference, LocalDate followedSince, String goals, String homeVisitsAllowed,
                            String contactRelativesAllowed, String otherFollowUpRules) {}

  static final List<String> CONTRACT = List.of("goals", "homeVisitsAllowed", "contactRelativesAllowed",
      "otherFollowUpRules");

  private final JdbcTemplate jdbc;
  private final MentorRegister mentors;
  private final RuntimeService runtime;
  private final no.alarm.likemann.journey.Agreements agreements;

  public MyParticipants(JdbcTemplate jdbc, MentorRegister mentors, RuntimeService runtime,
                        no.alarm.likemann.journey.Agreements agreements) {
    this.jdbc = jdbc;
    this.mentors = mentors;
    this.runtime = runtime;
    this.agreements = agreements;
  }

  private no.alarm.likemann.journey.Agreements.Agreement fromJourney(String processInstanceId) {
    Map<String, Object> v = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0
        ? Map.of() : runtime.getVariables(processInstanceId, CONTRACT);
    return new no.alarm.likemann.journey.Agreements.Agreement((String) v.get("goals"),
        (String) v.get("homeVisitsAllowed"), (String) v.get("contactRelativesAllowed"),
        (String) v.get("otherFollowUpRules"));
  }

  public boolean isMentor(String username) {
    return mentors.findByUsername(username).isPresent();
  }

  /** Empty when the user is no mentor in the register. */
  public Optional<List<Participant>> of(String username) {
    return mentors.findByUsername(username).map(m -> jdbc.query("""
        SELECT c.referral_reference, c.started_at, r.process_instance_id FROM coupling c
        JOIN referral r ON r.reference = c.referral_reference
        WHERE c.mentor_id = ? AND c.status = 'ACTIVE' ORDER BY c.started_at""", (rs, n) -> {
          // the register's record of the coupling meeting (a journey from before it was kept there has it itself)
          String journey = rs.getString(3);
          var agreed = agreements.of(rs.getString(1)).orElseGet(() -> fromJourney(journey));
          return new Participant(rs.getString(1),
              rs.getTimestamp(2).toInstant().atZone(ZoneId.of("Europe/Oslo")).toLocalDate(), agreed.goals(),
              agreed.homeVisitsAllowed(), agreed.contactRelativesAllowed(), agreed.otherFollowUpRules());
        }, m.id()));
  }
}
