package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.ParticipantJourney.Var.REFERRAL_REFERENCE;

import java.util.List;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.referral.ReferralRegistry;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code journeyChange} process and its one step, {@code forwardJourneyChange}: a participant, mentor or
 * counsellor asks for a new mentor, or the participant withdraws consent, at any time. The change reaches the running
 * journey as a message; a change the journey cannot take is refused with a clear message and nothing is started.
 * A mentor may report only for the participants they follow.
 */
@Component("forwardJourneyChangeDelegate")
public class JourneyChange implements JavaDelegate {

  public static final String PROCESS_KEY = "journeyChange";
  public static final String START = "journeyChangeReported";
  public static final String FORWARD = "forwardJourneyChange";
  public static final String FORWARDED = "journeyChangeForwarded";
  /** What has changed: {@link #NEW_MENTOR} or {@link #CONSENT_WITHDRAWN}. */
  public static final String CHANGE = "journeyChange";
  public static final String REQUESTED_BY = "changeRequestedBy";
  public static final String NEW_MENTOR = "newMentor";
  public static final String CONSENT_WITHDRAWN = "consentWithdrawn";

  private static final Logger LOG = LoggerFactory.getLogger(JourneyChange.class);

  private final JdbcTemplate jdbc;
  private final ReferralRegistry referrals;

  public JourneyChange(JdbcTemplate jdbc, ReferralRegistry referrals) {
    this.jdbc = jdbc;
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ((String) execution.getVariable(REFERRAL_REFERENCE)).strip().toUpperCase();
    String change = (String) execution.getVariable(CHANGE);
    ProcessEngineServices engine = execution.getProcessEngineServices();
    Authentication who = engine.getIdentityService().getCurrentAuthentication();
    if (who != null && onlyMentor(who) && !follows(who.getUserId(), reference)) {
      refuse(REFERRAL_REFERENCE, "Du kan bare melde endring for deltakere du er likemann for.",
          "a mentor may report changes only for their own participants");
    }
    RuntimeService runtime = engine.getRuntimeService();
    String journey = referrals.journeyOf(reference).orElse(null);
    if (journey == null) {
      refuse(REFERRAL_REFERENCE, "Fant ingen henvisning med referansen «" + reference + "».",
          "referralReference names no referral");
    }
    if (who != null && Roles.isCounsellorOutside(who.getGroupIds(), referrals.municipalityOf(reference).orElseThrow())) {
      refuse(REFERRAL_REFERENCE, "Du kan bare melde endring for deltakere fra din egen kommune.",
          "a counsellor may report changes only for their own municipality's participants");
    }
    // the change's own instance has the referral's region (its tenant): another region's people may not report it
    if (no.alarm.likemann.region.Regions.outside(who, execution.getTenantId())) {
      refuse(REFERRAL_REFERENCE, "Du kan bare melde endring for deltakere i din egen region.",
          "the referral belongs to another region");
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(journey).count() == 0) {
      refuse(REFERRAL_REFERENCE, "Forløpet " + reference + " er allerede avsluttet.", "the journey has ended");
    }
    if (NEW_MENTOR.equals(change)) {
      if (execution.getVariable(REQUESTED_BY) == null) {
        refuse(REQUESTED_BY, "Velg hvem som ønsker ny likemann.", "changeRequestedBy is required for a new mentor");
      }
      if (engine.getTaskService().createTaskQuery().processInstanceId(journey)
          .taskDefinitionKey(ParticipantJourney.Element.REMATCH_MENTOR).count() > 0) {
        refuse(CHANGE, "Det er allerede bedt om ny likemann i dette forløpet.", "a new mentor is already being found");
      }
      if (!waitsFor(runtime, journey, ParticipantJourney.MESSAGE_REMATCH_NEEDED)) {
        refuse(CHANGE, "Forløpet har ingen likemann å bytte ennå: likemannen velges i matchingen.",
            "the journey has no mentor to change yet");
      }
      runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_REMATCH_NEEDED).processInstanceId(journey).correlate();
    } else {
      runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CONSENT_WITHDRAWN).processInstanceId(journey)
          .correlate();
    }
    execution.setProcessBusinessKey(reference);
    LOG.info("Journey change {} forwarded to journey {}", change, journey);
  }

  private static boolean onlyMentor(Authentication who) {
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

  private static boolean waitsFor(RuntimeService runtime, String journey, String message) {
    return runtime.createEventSubscriptionQuery().processInstanceId(journey).eventType("message").eventName(message)
        .count() > 0;
  }

  private static void refuse(String field, String norwegian, String english) {
    throw new InvalidFormInputException(START, List.of(new Violation(field, norwegian, english)));
  }
}
