package no.alarm.likemann.referral;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.util.List;
import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code registerReferral}: the referral row and its readable reference, which becomes the business key; the
 * referral's own words and the referring counsellor go to the register ({@code referral_detail}), not the journey.
 */
@Component
public class RegisterReferralDelegate implements JavaDelegate {

  private final ReferralRegistry referrals;
  private final no.alarm.likemann.region.Regions regions;

  public RegisterReferralDelegate(ReferralRegistry referrals, no.alarm.likemann.region.Regions regions) {
    this.referrals = referrals;
    this.regions = regions;
  }

  static String fullName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String municipality = (String) execution.getVariable(MUNICIPALITY);
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who != null && Roles.isCounsellorOutside(who.getGroupIds(), municipality)) {
      // a counsellor refers their own municipality's participants, whom they then follow under "Henvisninger"
      throw new InvalidFormInputException(ParticipantJourney.Element.REFERRAL_RECEIVED, List.of(new Violation(
          MUNICIPALITY, "Du kan bare henvise deltakere fra din egen kommune.",
          "a counsellor may refer only their own municipality's participants")));
    }
    if (who != null && !Roles.isAdministrator(who.getGroupIds()) && regions.ofMunicipality(municipality)
        .filter(region -> who.getTenantIds() == null || !who.getTenantIds().contains(region)).isPresent()) {
      // a region's people refer and follow their own region's participants only
      throw new InvalidFormInputException(ParticipantJourney.Element.REFERRAL_RECEIVED, List.of(new Violation(
          MUNICIPALITY, "Du kan bare henvise deltakere fra kommunene i din egen region.",
          "the municipality is not in a region of the referring user")));
    }
    Long person = returningPerson(execution, who, municipality);
    String reference = referrals.register(execution.getProcessInstanceId(), new ReferralRegistry.NewReferral(
        municipality,
        (String) execution.getVariable(GENDER),
        ((Number) execution.getVariable(AGE)).intValue(),
        (String) execution.getVariable(TREATMENT_STATUS),
        Boolean.TRUE.equals(execution.getVariable(HAS_INDIVIDUAL_PLAN)),
        Boolean.TRUE.equals(execution.getVariable(HAS_BRUKERPLAN))), person);
    // the reference is the business key, also when a key was typed in Tasklist's start dialog
    execution.setProcessBusinessKey(reference);
    execution.setVariable(REFERRAL_REFERENCE, reference);
    // who refers is the login: name and e-mail from the user's profile, never typed
    User counsellor = who == null ? null : execution.getProcessEngineServices().getIdentityService()
        .createUserQuery().userId(who.getUserId()).singleResult();
    // the referral's own words live in the register, shown on the tasks that need them (${showReferral}); the
    // journey keeps what its gateways, its decision and matching route on
    referrals.keepDetails(reference, new ReferralRegistry.Details((String) execution.getVariable(SUBSTANCE_HISTORY),
        (String) execution.getVariable(FUTURE_WISHES), counsellor == null ? null : fullName(counsellor),
        counsellor == null ? null : counsellor.getEmail()));
    execution.removeVariable(SUBSTANCE_HISTORY);
    execution.removeVariable(FUTURE_WISHES);
    // the municipality's view in the joint assessment: given here by the municipality's own counsellor, or asked for
    Object view = execution.getVariable(MUNICIPALITY_VIEW);
    boolean viewGiven = view instanceof String v && !v.isBlank();
    if (viewGiven) {
      if (who != null && (who.getGroupIds() == null || !who.getGroupIds().contains(Roles.counsellorsOf(municipality)))) {
        throw new InvalidFormInputException(ParticipantJourney.Element.REFERRAL_RECEIVED, List.of(new Violation(
            MUNICIPALITY_VIEW, "Kommunens vurdering gis av kommunens ruskonsulent. La feltet stå tomt: kommunen blir"
                + " spurt.", "the municipality's view is given by a counsellor of the municipality only")));
      }
      referrals.keepMunicipalityView(reference, (String) view, (String) execution.getVariable(MUNICIPALITY_VIEW_NOTE),
          counsellor == null ? null : fullName(counsellor));
    }
    execution.setVariable(MUNICIPALITY_VIEW_GIVEN, viewGiven);
    execution.removeVariable(MUNICIPALITY_VIEW);
    execution.removeVariable(MUNICIPALITY_VIEW_NOTE);
    // the earlier referral names another journey: the register links the two, the journey routes on neither
    execution.removeVariable(EARLIER_REFERENCE);
  }

  /**
   * The person of the earlier referral the counsellor chose ("henvist før"), or null for someone new. It must be one
   * the form offers this person: a referral they may see (their municipality, their region), from the municipality
   * referred from now, of a participant with no journey open.
   */
  private Long returningPerson(DelegateExecution execution, Authentication who, String municipality) {
    Object chosen = execution.getVariable(EARLIER_REFERENCE);
    if (!(chosen instanceof String earlier) || earlier.isBlank()) {
      return null;
    }
    var known = referrals.known(earlier).filter(k -> who == null || Roles.isAdministrator(who.getGroupIds())
        || (!Roles.isCounsellorOutside(who.getGroupIds(), k.municipality()) && regions.ofMunicipality(
            k.municipality()).filter(r -> who.getTenantIds() != null && who.getTenantIds().contains(r)).isPresent()));
    if (known.isEmpty()) {
      throw refused("Den tidligere henvisningen finnes ikke blant dem du kan velge.",
          "the earlier referral does not exist or is not one the user may see");
    }
    if (!known.get().municipality().equals(municipality)) {
      throw refused("Den tidligere henvisningen er fra en annen kommune enn den du henviser fra nå.",
          "the earlier referral is from another municipality");
    }
    if (known.get().open()) {
      throw refused("Deltakeren er allerede i et forløp som ikke er avsluttet.",
          "the participant of the earlier referral has a journey open");
    }
    return known.get().person();
  }

  private static InvalidFormInputException refused(String norwegian, String english) {
    return new InvalidFormInputException(ParticipantJourney.Element.REFERRAL_RECEIVED,
        List.of(new Violation(EARLIER_REFERENCE, norwegian, english)));
  }
}
