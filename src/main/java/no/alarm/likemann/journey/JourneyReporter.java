package no.alarm.likemann.journey;

import java.util.List;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.referral.ReferralRegistry;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may report something about a running journey from a start form of its own (a change, a deviation from the
 * agreement): a mentor about the participants they follow, a counsellor about their municipality's, anyone about
 * their region's only; and the journey must exist and still run. Who reports is the login, not the input.
 */
@Component
public class JourneyReporter {

  private final JdbcTemplate jdbc;
  private final ReferralRegistry referrals;

  public JourneyReporter(JdbcTemplate jdbc, ReferralRegistry referrals) {
    this.jdbc = jdbc;
    this.referrals = referrals;
  }

  /**
   * Checks the reporter and the journey of {@code reference}; returns the running journey's process instance id.
   * Refusals name the start form {@code startElement}'s reference field.
   */
  public String check(DelegateExecution execution, String reference, String startElement, String referenceField) {
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who != null && onlyMentor(who) && !follows(who.getUserId(), reference)) {
      throw refused(startElement, referenceField, "Du kan bare melde for deltakere du er likemann for.",
          "a mentor may report only for their own participants");
    }
    String journey = referrals.journeyOf(reference).orElseThrow(() -> refused(startElement, referenceField,
        "Fant ingen henvisning med referansen «" + reference + "».", "the reference names no referral"));
    if (who != null && Roles.isCounsellorOutside(who.getGroupIds(), referrals.municipalityOf(reference).orElseThrow())) {
      throw refused(startElement, referenceField, "Du kan bare melde for deltakere fra din egen kommune.",
          "a counsellor may report only for their own municipality's participants");
    }
    // the report's own instance has the referral's region (its tenant): another region's people may not report it
    if (no.alarm.likemann.region.Regions.outside(who, execution.getTenantId())) {
      throw refused(startElement, referenceField, "Du kan bare melde for deltakere i din egen region.",
          "the referral belongs to another region");
    }
    if (execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(journey).count() == 0) {
      throw refused(startElement, referenceField, "Forløpet " + reference + " er allerede avsluttet.",
          "the journey has ended");
    }
    return journey;
  }

  /** The reporter's role for the record: mentor, counsellor or coordinator (the first that applies). */
  public static String roleOf(Authentication who) {
    List<String> groups = who == null || who.getGroupIds() == null ? List.of() : who.getGroupIds();
    if (groups.contains(Roles.COORDINATOR)) {
      return "coordinator";
    }
    if (groups.contains(Roles.COUNSELLOR)) {
      return "counsellor";
    }
    if (groups.contains(Roles.MENTOR)) {
      return "mentor";
    }
    return "other";
  }

  static boolean onlyMentor(Authentication who) {
    List<String> groups = who.getGroupIds() == null ? List.of() : who.getGroupIds();
    return groups.contains(Roles.MENTOR) && !groups.contains(Roles.COORDINATOR) && !groups.contains(Roles.COUNSELLOR);
  }

  private boolean follows(String username, String reference) {
    Integer n = jdbc.queryForObject("""
        SELECT COUNT(*) FROM coupling c JOIN mentor m ON m.id = c.mentor_id
        WHERE c.referral_reference = ? AND c.status IN ('RESERVED', 'ACTIVE') AND m.username = ?""",
        Integer.class, reference, username);
    return n != null && n > 0;
  }

  static InvalidFormInputException refused(String startElement, String field, String norwegian, String english) {
    return new InvalidFormInputException(startElement, List.of(new Violation(field, norwegian, english)));
  }
}
