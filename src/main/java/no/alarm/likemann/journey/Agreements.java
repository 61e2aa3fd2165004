package no.alarm.likemann.journey;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the coupling meeting agreed with the participant ({@code referral_agreement}), by reference. */
@Component
public class Agreements {

  /** The goals and the participant's own rules for the follow-up. */
  public record Agreement(String goals, String homeVisitsAllowed, String contactRelativesAllowed,
                          String otherFollowUpRules) {}

  public static final String GOALS = "goals";
  public static final String HOME_VISITS_ALLOWED = "homeVisitsAllowed";
  public static final String CONTACT_RELATIVES_ALLOWED = "contactRelativesAllowed";
  public static final String OTHER_FOLLOW_UP_RULES = "otherFollowUpRules";
  public static final java.util.List<String> FIELDS = java.util.List.of(GOALS, HOME_VISITS_ALLOWED,
      CONTACT_RELATIVES_ALLOWED, OTHER_FOLLOW_UP_RULES);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Agreements(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Keeps the agreement once per referral; a later meeting's replaces it. */
  public void keep(String reference, Agreement a) {
    int updated = jdbc.update("UPDATE referral_agreement SET goals = ?, home_visits_allowed = ?,"
        + " contact_relatives_allowed = ?, other_follow_up_rules = ?, agreed_at = ? WHERE reference = ?", a.goals(),
        a.homeVisitsAllowed(), a.contactRelativesAllowed(), a.otherFollowUpRules(), Timestamp.from(clock.instant()),
        reference);
    if (updated == 0) {
      jdbc.update("INSERT INTO referral_agreement (reference, goals, home_visits_allowed, contact_relatives_allowed,"
          + " other_follow_up_rules, agreed_at) VALUES (?, ?, ?, ?, ?, ?)", reference, a.goals(),
          a.homeVisitsAllowed(), a.contactRelativesAllowed(), a.otherFollowUpRules(), Timestamp.from(clock.instant()));
    }
  }

  public Optional<Agreement> of(String reference) {
    return jdbc.query("SELECT goals, home_visits_allowed, contact_relatives_allowed, other_follow_up_rules"
        + " FROM referral_agreement WHERE reference = ?", (rs, n) -> new Agreement(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(4)), reference).stream().findFirst();
  }
}
