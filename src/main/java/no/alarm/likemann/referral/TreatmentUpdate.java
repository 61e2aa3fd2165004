package no.alarm.likemann.referral;

import static no.alarm.likemann.journey.ParticipantJourney.Var.HAS_BRUKERPLAN;
import static no.alarm.likemann.journey.ParticipantJourney.Var.HAS_INDIVIDUAL_PLAN;
import static no.alarm.likemann.journey.ParticipantJourney.Var.REFERRAL_REFERENCE;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;

import no.alarm.likemann.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code updateTreatment} and the rules of its form: treatment in TSB started or ended, IP and Brukerplan, updated
 * at any time in the referral row (what reports count) and in the running journey.
 */
@Component("updateTreatmentDelegate")
public class TreatmentUpdate implements JavaDelegate, FormRules {

  static final String FORM = "treatmentUpdateSubmitted";
  static final String STARTED = "tsbStartedOn";
  static final String ENDED = "tsbEndedOn";
  /** How treatment in TSB ended: completed or brokenOff (plan 000 §7: drop-out is counted until it ends). */
  static final String OUTCOME = "tsbOutcome";
  static final String IP = "individualPlanUpdate";
  static final String BRUKERPLAN = "brukerplanUpdate";

  private final JdbcTemplate jdbc;
  private final OsloCalendar oslo;
  private final ReferralRegistry referrals;

  public TreatmentUpdate(JdbcTemplate jdbc, OsloCalendar oslo, ReferralRegistry referrals) {
    this.jdbc = jdbc;
    this.referrals = referrals;
    this.oslo = oslo;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    if (!FORM.equals(formId)) {
      return;
    }
    LocalDate today = oslo.todayDate();
    LocalDate started = in.date(STARTED);
    LocalDate ended = in.date(ENDED);
    for (var date : new Object[][] {{STARTED, started}, {ENDED, ended}}) {
      if (date[1] != null && ((LocalDate) date[1]).isAfter(today)) {
        out.add(new Violation((String) date[0], "Datoen kan ikke være fram i tid.", date[0] + " must not be in the future"));
      }
    }
    if (ended != null && in.isEmpty(OUTCOME)) {
      out.add(new Violation(OUTCOME, "Velg om behandlingen ble fullført eller avbrutt.",
          "tsbOutcome is required with tsbEndedOn"));
    }
    if (ended == null && !in.isEmpty(OUTCOME)) {
      out.add(new Violation(ENDED, "Skriv når behandlingen ble avsluttet.", "tsbEndedOn is required with tsbOutcome"));
    }
    if (started != null && ended != null && ended.isBefore(started)) {
      out.add(new Violation(ENDED, "Behandlingen kan ikke være avsluttet før den startet.",
          "tsbEndedOn must not be before tsbStartedOn"));
    }
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ((String) execution.getVariable(REFERRAL_REFERENCE)).strip().toUpperCase();
    String journey = referrals.journeyOf(reference).orElse(null);
    if (journey == null) {
      throw new InvalidFormInputException(FORM, List.of(new Violation(REFERRAL_REFERENCE,
          "Fant ingen henvisning med referansen «" + reference + "».", "referralReference names no referral")));
    }
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who != null && Roles.isCounsellorOutside(who.getGroupIds(), referrals.municipalityOf(reference).orElseThrow())) {
      throw new InvalidFormInputException(FORM, List.of(new Violation(REFERRAL_REFERENCE,
          "Du kan bare oppdatere henvisninger fra din egen kommune.",
          "a counsellor may update only their own municipality's referrals")));
    }
    // the update's own instance has the referral's region (its tenant): another region's people may not make it
    if (no.alarm.likemann.region.Regions.outside(who, execution.getTenantId())) {
      throw new InvalidFormInputException(FORM, List.of(new Violation(REFERRAL_REFERENCE,
          "Du kan bare oppdatere henvisninger i din egen region.", "the referral belongs to another region")));
    }
    Map<String, Object> changes = new HashMap<>();
    FormInput in = new FormInput(execution::getVariable);
    if (in.date(STARTED) != null) {
      jdbc.update("UPDATE referral SET tsb_started_on = ? WHERE reference = ?", Date.valueOf(in.date(STARTED)), reference);
      changes.put(STARTED, in.date(STARTED).toString());
    }
    if (in.date(ENDED) != null) {
      jdbc.update("UPDATE referral SET tsb_ended_on = ?, tsb_outcome = ? WHERE reference = ?",
          Date.valueOf(in.date(ENDED)), in.string(OUTCOME), reference);
      changes.put(ENDED, in.date(ENDED).toString());
    }
    if (!in.isEmpty(IP)) {
      boolean has = "yes".equals(in.get(IP));
      jdbc.update("UPDATE referral SET has_individual_plan = ? WHERE reference = ?", has, reference);
      changes.put(HAS_INDIVIDUAL_PLAN, has);
    }
    if (!in.isEmpty(BRUKERPLAN)) {
      boolean has = "yes".equals(in.get(BRUKERPLAN));
      jdbc.update("UPDATE referral SET has_brukerplan = ? WHERE reference = ?", has, reference);
      changes.put(HAS_BRUKERPLAN, has);
    }
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    if (!changes.isEmpty()
        && runtime.createProcessInstanceQuery().processInstanceId(journey).active().count() > 0) {
      runtime.setVariables(journey, changes);
    }
    execution.setProcessBusinessKey(reference);
  }
}
