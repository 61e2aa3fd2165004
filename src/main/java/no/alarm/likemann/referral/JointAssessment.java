package no.alarm.likemann.referral;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The joint assessment of a referral (report 001, ch. 4: "i samspill mellom prosjektkoordinator og de kommunale
 * representantene tas det deretter en vurdering"): the referring municipality's counsellors give their view (in the
 * referral form, or in {@code giveMunicipalityView} when the referral came another way), the coordinator decides in
 * {@code assessReferral} with the view in front of them, and the register keeps both, so that the counsellors see
 * the decision under Tasklist's "Henvisninger". The journey keeps neither: only whether the view was given.
 */
@Configuration
public class JointAssessment {

  /** What the municipality recommends, in the counsellors' and coordinators' words. */
  public static final Map<String, String> VIEWS = Map.of(
      "offer", "Anbefaler tilbud om likemann nå",
      "waitList", "Kan stå på venteliste",
      "decline", "Anbefaler ikke likemann nå",
      "none", "Kommunen svarte ikke innen fem dager");

  /** The coordinator's decision, as the counsellors read it. */
  public static final Map<String, String> DECISIONS = Map.of(
      "offer", "Tilbudt likemann",
      "waitList", "Satt på venteliste",
      "decline", "Avslått");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** The view in one line for the assessment's form: what, who, when, and the words. */
  public static String text(Optional<ReferralRegistry.MunicipalityView> view) {
    if (view.isEmpty()) {
      return "Kommunens vurdering er ikke gitt.";
    }
    var v = view.get();
    StringBuilder line = new StringBuilder(VIEWS.getOrDefault(v.view(), v.view()));
    if (v.by() != null) {
      line.append(" (").append(v.by()).append(", ").append(DAY.format(v.at().atZone(OsloCalendar.OSLO))).append(")");
    }
    if (v.note() != null && !v.note().isBlank()) {
      line.append(": ").append(v.note().strip());
    }
    return line.toString();
  }

  /** The name of who is logged in, from their profile, never typed. */
  static String nameOf(DelegateExecution execution) {
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who == null) {
      return null;
    }
    User user = execution.getProcessEngineServices().getIdentityService().createUserQuery().userId(who.getUserId())
        .singleResult();
    return user == null ? who.getUserId() : RegisterReferralDelegate.fullName(user);
  }

  /**
   * {@code ${recordMunicipalityView}}, end listener of {@code giveMunicipalityView} (after the form's guard) and of
   * its timeout: the view to the register, out of the journey.
   */
  @Bean
  ExecutionListener recordMunicipalityView(ReferralRegistry referrals) {
    return execution -> {
      String reference = (String) execution.getVariable(REFERRAL_REFERENCE);
      if (ParticipantJourney.Element.MUNICIPALITY_VIEW_TIMEOUT.equals(execution.getCurrentActivityId())) {
        referrals.keepMunicipalityView(reference, "none", null, null);
        return;
      }
      if (execution.isCanceled()) {
        return;
      }
      referrals.keepMunicipalityView(reference, (String) execution.getVariable(MUNICIPALITY_VIEW),
          (String) execution.getVariable(MUNICIPALITY_VIEW_NOTE), nameOf(execution));
      execution.removeVariable(MUNICIPALITY_VIEW);
      execution.removeVariable(MUNICIPALITY_VIEW_NOTE);
    };
  }

  /** {@code ${recordAssessment}}, end listener of {@code assessReferral}: the decision the counsellors see. */
  @Bean
  ExecutionListener recordAssessment(ReferralRegistry referrals) {
    return execution -> {
      if (!execution.isCanceled()) {
        referrals.keepAssessment((String) execution.getVariable(REFERRAL_REFERENCE),
            (String) execution.getVariable(ASSESSMENT));
      }
    };
  }

  /** {@code ${referralMunicipality.counsellors(referralReference)}}: the referring municipality's counsellors. */
  @Bean("referralMunicipality")
  ReferralMunicipality referralMunicipality(ReferralRegistry referrals) {
    return new ReferralMunicipality(referrals);
  }

  /** Whose view the joint assessment asks for: the group of the referral's municipality, from the register. */
  public static class ReferralMunicipality {
    private final ReferralRegistry referrals;

    ReferralMunicipality(ReferralRegistry referrals) {
      this.referrals = referrals;
    }

    public String counsellors(Object reference) {
      return Roles.counsellorsOf(referrals.municipalityOf((String) reference)
          .orElseThrow(() -> new IllegalStateException("No referral " + reference)));
    }
  }
}
