package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.MENTOR_GENDER_WISH;
import static no.alarm.likemann.journey.ParticipantJourney.Var.MUNICIPALITY;

import no.alarm.likemann.mentor.MentorRegister.Requirement;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The hard rules of matching for one referral, as the register enforces them when a slot is taken. */
@Component
public class MatchingRequirements {

  private final MunicipalityRegistry municipalities;

  public MatchingRequirements(MunicipalityRegistry municipalities) {
    this.municipalities = municipalities;
  }

  public Requirement of(VariableScope referral) {
    String region = municipalities.find((String) referral.getVariable(MUNICIPALITY)).map(Municipality::region)
        .orElse(null);
    Object wish = referral.getVariable(MENTOR_GENDER_WISH);
    String gender = wish instanceof String g && !g.isBlank() && !"none".equals(g) ? g : null;
    return new Requirement(region, gender);
  }
}
