package no.alarm.likemann.region;

import java.util.List;
import java.util.Optional;

import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.referral.ReferralRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The service's regions (Grenland, Sør-Rogaland, Agder), each a project of its own and an engine tenant: the region
 * a municipality, a referral or a mentor belongs to. The region of a municipality is the register's
 * ({@code municipality.region}), so a new municipality or region is data, not code.
 */
@Component
public class Regions {

  private final ObjectProvider<MunicipalityRegistry> municipalities;
  private final ObjectProvider<ReferralRegistry> referrals;
  private final ObjectProvider<MentorRegister> mentors;

  // looked up when first needed: the engine asks for regions while it is being built
  public Regions(ObjectProvider<MunicipalityRegistry> municipalities, ObjectProvider<ReferralRegistry> referrals,
                 ObjectProvider<MentorRegister> mentors) {
    this.municipalities = municipalities;
    this.referrals = referrals;
    this.mentors = mentors;
  }

  /** Every region of the register, each once. */
  public List<String> all() {
    return municipalities.getObject().all().values().stream().map(Municipality::region).distinct().sorted()
        .toList();
  }

  /**
   * Whether the person works outside the region (the administrator never does; the engine's own work has no person):
   * a region's people act only on their region's cases.
   */
  public static boolean outside(org.camunda.bpm.engine.impl.identity.Authentication who, String region) {
    if (who == null || region == null || no.alarm.likemann.security.Roles.isAdministrator(who.getGroupIds())) {
      return false;
    }
    return who.getTenantIds() == null || !who.getTenantIds().contains(region);
  }

  public Optional<String> ofMunicipality(Object code) {
    return code instanceof String c && !c.isBlank()
        ? municipalities.getObject().find(c.strip()).map(Municipality::region) : Optional.empty();
  }

  public Optional<String> ofReferral(Object reference) {
    return reference instanceof String r && !r.isBlank()
        ? referrals.getObject().municipalityOf(r.strip().toUpperCase(java.util.Locale.ROOT))
            .flatMap(this::ofMunicipality)
        : Optional.empty();
  }

  public Optional<String> ofMentor(Object id) {
    if (id instanceof Number n) {
      return mentors.getObject().find(n.longValue()).map(Mentor::region);
    }
    if (id instanceof String reference && !reference.isBlank()) {
      try {
        return mentors.getObject().find(Long.parseLong(reference.strip().replaceFirst("(?i)^LM-", "")))
            .map(Mentor::region);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  public Optional<String> ofMentorUser(String username) {
    return username == null ? Optional.empty() : mentors.getObject().findByUsername(username).map(Mentor::region);
  }
}
