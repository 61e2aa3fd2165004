package no.alarm.likemann.reporting;

import static no.alarm.likemann.journey.ParticipantJourney.Var.MENTOR_USERNAME;
import static no.alarm.likemann.journey.ParticipantJourney.Var.REFERRAL_REFERENCE;

import java.util.List;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code closingEvaluation}; the work is in {@link Evaluations}. */
@Configuration
public class EvaluationDelegates {

  static final String REQUESTED = "evaluationRequested";
  /** The counsellors of the participant's municipality: they answer the counsellor's questionnaire. */
  static final String COUNSELLOR_GROUP = "counsellorGroup";

  /**
   * {@code prepareEvaluation}: the closed journey, its mentor (who answers and helps the participant answer) and the
   * counsellors of the participant's municipality.
   */
  @Bean
  JavaDelegate prepareEvaluationDelegate(Evaluations evaluations) {
    return execution -> {
      String reference = ((String) execution.getVariable(REFERRAL_REFERENCE)).strip().toUpperCase();
      var mentor = evaluations.closedJourneyMentor(reference).orElseThrow(() -> new InvalidFormInputException(
          REQUESTED, List.of(new Violation(REFERRAL_REFERENCE, "Fant ikke et avsluttet forløp med referansen «"
              + reference + "».", "referralReference names no closed journey"))));
      // the evaluation's instance has the journey's region (its tenant): another region's people may not order it
      if (no.alarm.likemann.region.Regions.outside(execution.getProcessEngineServices().getIdentityService()
          .getCurrentAuthentication(), execution.getTenantId())) {
        throw new InvalidFormInputException(REQUESTED, List.of(new Violation(REFERRAL_REFERENCE,
            "Du kan bare be om evaluering av forløp i din egen region.", "the journey belongs to another region")));
      }
      execution.setProcessBusinessKey(reference);
      execution.setVariable(REFERRAL_REFERENCE, reference);
      execution.setVariable(MENTOR_USERNAME, mentor.orElse(null));
      execution.setVariable(COUNSELLOR_GROUP, Roles.counsellorsOf(evaluations.municipalityOf(reference)));
    };
  }

  /** {@code ${recordEvaluationAnswers}}, end listener of each answer task. */
  @Bean
  ExecutionListener recordEvaluationAnswers(Evaluations evaluations) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      evaluations.record((String) execution.getVariable(REFERRAL_REFERENCE),
          Evaluations.RESPONDENT_BY_TASK.get(execution.getCurrentActivityId()), execution::getVariable);
    };
  }

}
