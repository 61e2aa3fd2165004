package no.alarm.likemann.onboarding;

import static no.alarm.likemann.onboarding.MentorOnboarding.Var.*;

import java.time.LocalDate;

import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code registerCandidate}: the candidate enters the register (status CANDIDATE); the reference is the business key. */
@Component
public class RegisterCandidateDelegate implements JavaDelegate {

  private final OnboardingRegister onboarding;
  private final MunicipalityRegistry municipalities;

  public RegisterCandidateDelegate(OnboardingRegister onboarding, MunicipalityRegistry municipalities) {
    this.onboarding = onboarding;
    this.municipalities = municipalities;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String municipality = (String) execution.getVariable(MUNICIPALITY);
    var registered = onboarding.register(execution.getProcessInstanceId(), new OnboardingRegister.NewCandidate(
        (String) execution.getVariable(CANDIDATE_NAME),
        municipality,
        municipalities.find(municipality).map(Municipality::region).orElseThrow(),
        (String) execution.getVariable(GENDER),
        ((Number) execution.getVariable(BIRTH_YEAR)).intValue(),
        (String) execution.getVariable(EXPERIENCE),
        (String) execution.getVariable(SUBSTANCE_HISTORY),
        (String) execution.getVariable(INTERESTS),
        LocalDate.parse(((String) execution.getVariable(SOBER_SINCE)).substring(0, 10))));
    execution.setProcessBusinessKey(registered.reference());
    execution.setVariable(MENTOR_ID, registered.mentorId());
    execution.setVariable(CANDIDATE_REFERENCE, registered.reference());
  }
}
