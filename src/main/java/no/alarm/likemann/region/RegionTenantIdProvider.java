package no.alarm.likemann.region;

import java.util.Optional;

import no.alarm.likemann.followup.FinalContactWeek;
import no.alarm.likemann.journey.JourneyChange;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.mentor.ActiveMentor;
import no.alarm.likemann.onboarding.MentorOnboarding;
import no.alarm.likemann.portalen.WorkParticipation;
import no.alarm.likemann.reporting.MonthlyReporting;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Camunda's multi-tenancy with shared definitions: the models are deployed once, without a tenant, and each new
 * instance gets the tenant of its region. The engine then restricts every query of a user to the instances, tasks,
 * history and decisions of their own regions (tenant memberships), in Tasklist, Cockpit and the REST API alike.
 *
 * <p>The region comes from what the instance is about: a journey from the referral's municipality, a week's log from
 * the journey that calls it, a change, a treatment update or an evaluation from the referral, a candidate from their
 * municipality, a mentor's year, relapse or Portalen work from the mentor, a month's reporting from the region the
 * timer names or the coordinator who starts it works in, and a report to the steering group and the working group's
 * month likewise (the timer's region, or the project leader's).
 */
public class RegionTenantIdProvider implements TenantIdProvider {

  static final String REFERRAL_REFERENCE = ParticipantJourney.Var.REFERRAL_REFERENCE;

  private final Regions regions;

  public RegionTenantIdProvider(Regions regions) {
    this.regions = regions;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    VariableMap vars = ctx.getVariables();
    String key = ctx.getProcessDefinition().getKey();
    Optional<String> region = switch (key) {
      case ParticipantJourney.PROCESS_KEY, MentorOnboarding.PROCESS_KEY ->
          regions.ofMunicipality(vars.get(ParticipantJourney.Var.MUNICIPALITY));
      case "treatmentUpdate", JourneyChange.PROCESS_KEY, "closingEvaluation", FinalContactWeek.PROCESS_KEY,
           no.alarm.likemann.journey.AgreementDeviation.PROCESS_KEY, no.alarm.likemann.journey.JourneyMeeting.PROCESS_KEY,
           no.alarm.likemann.journey.InpatientStay.PROCESS_KEY ->
          regions.ofReferral(vars.get(REFERRAL_REFERENCE));
      case ActiveMentor.PROCESS_KEY -> regions.ofMentor(vars.get(ActiveMentor.Var.MENTOR_ID));
      // an erasure is the region's whose referral it erases
      case no.alarm.likemann.erasure.ErasePerson.PROCESS_KEY -> regions.ofReferral(
          vars.get(no.alarm.likemann.erasure.ErasePerson.Var.ERASURE_REFERENCE));
      // a NAV mentor grant is the region's whose mentor it is for
      case no.alarm.likemann.navgrant.NavMentorGrant.PROCESS_KEY -> regions.ofMentor(vars.get(
          no.alarm.likemann.navgrant.NavMentorGrant.Var.MENTOR_REFERENCE));
      case ActiveMentor.RELAPSE_REPORT_KEY, WorkParticipation.PROCESS_KEY ->
          regions.ofMentor(vars.get("mentorReference")).or(() -> regions.ofMentorUser(userId()));
      // the timer names the region; a coordinator who starts a month reports for their region
      case MonthlyReporting.PROCESS_KEY -> Optional.ofNullable((String) vars.get(MonthlyReporting.REPORT_REGION))
          .or(RegionTenantIdProvider::startersOnlyRegion);
      case no.alarm.likemann.reporting.steering.SteeringReporting.PROCESS_KEY -> Optional.ofNullable(
          (String) vars.get(no.alarm.likemann.reporting.steering.SteeringReporting.REPORT_REGION))
          .or(RegionTenantIdProvider::startersOnlyRegion);
      // the working group's month likewise: the timer's region, or the starting project leader's
      case no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.PROCESS_KEY -> Optional.ofNullable(
          (String) vars.get(no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Var.GROUP_REGION))
          .or(RegionTenantIdProvider::startersOnlyRegion);
      default -> Optional.empty();
    };
    return region.orElse(null);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  /** A decision is the region's whose instance made it. */
  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }

  /** The starting user's region, when they work in exactly one. */
  private static Optional<String> startersOnlyRegion() {
    var command = Context.getCommandContext();
    Authentication who = command == null ? null : command.getAuthentication();
    var tenants = who == null || who.getTenantIds() == null ? java.util.List.<String>of() : who.getTenantIds();
    return tenants.size() == 1 ? Optional.of(tenants.get(0)) : Optional.empty();
  }

  private static String userId() {
    var command = Context.getCommandContext();
    Authentication who = command == null ? null : command.getAuthentication();
    return who == null ? null : who.getUserId();
  }
}
