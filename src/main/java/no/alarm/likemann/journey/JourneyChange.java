package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.ParticipantJourney.Var.REFERRAL_REFERENCE;

import java.util.List;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code journeyChange} process and its one step, {@code forwardJourneyChange}: a participant, mentor or
 * counsellor asks for a new mentor, or the participant withdraws consent, at any time. The change reaches the running
 * journey as a message; a change the journey cannot take is refused with a clear message and nothing is started.
 * An admission to an inpatient stay during the follow-up (an acute readmission, or a planned one) starts the stay's
 * own process. A mentor may report only for the participants they follow.
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
  /** The participant is admitted to an inpatient stay during the follow-up (acute or planned): {@link InpatientStay}. */
  public static final String ADMITTED = "admitted";

  private static final Logger LOG = LoggerFactory.getLogger(JourneyChange.class);

  private final JourneyReporter reporter;
  private final InpatientStays stays;

  public JourneyChange(JourneyReporter reporter, InpatientStays stays) {
    this.reporter = reporter;
    this.stays = stays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ((String) execution.getVariable(REFERRAL_REFERENCE)).strip().toUpperCase();
    String change = (String) execution.getVariable(CHANGE);
    ProcessEngineServices engine = execution.getProcessEngineServices();
    RuntimeService runtime = engine.getRuntimeService();
    String journey = reporter.check(execution, reference, START, REFERRAL_REFERENCE);
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
    } else if (ADMITTED.equals(change)) {
      admitted(execution, reference, runtime, journey);
    } else {
      runtime.createMessageCorrelation(ParticipantJourney.MESSAGE_CONSENT_WITHDRAWN).processInstanceId(journey)
          .correlate();
    }
    execution.setProcessBusinessKey(reference);
    LOG.info("Journey change {} forwarded to journey {}", change, journey);
  }

  private void admitted(DelegateExecution execution, String reference, RuntimeService runtime, String journey) {
    if (!waitsFor(runtime, journey, ParticipantJourney.MESSAGE_CONTACT_WEEK_ENDED)) {
      refuse(CHANGE, "Forløpet er ikke i oppfølging: er deltakeren innlagt ved koblingen, føres det i koblingsmøtet.",
          "the journey is not in follow-up; an inpatient stay at the coupling is entered at the coupling meeting");
    }
    stays.open(reference).ifPresent(open -> refuse(CHANGE, "Deltakeren er allerede registrert innlagt: "
        + InpatientStays.text(open), "the participant is already recorded as inpatient"));
    var in = new no.alarm.likemann.forms.FormInput(execution::getVariable);
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    stays.admit(reference, in.string(InpatientStay.Var.ADMISSION_KIND), in.date(InpatientStay.Var.ADMITTED_DATE),
        in.date(InpatientStay.Var.EXPECTED_DISCHARGE_DATE), JourneyReporter.roleOf(who));
  }

  private static boolean waitsFor(RuntimeService runtime, String journey, String message) {
    return runtime.createEventSubscriptionQuery().processInstanceId(journey).eventType("message").eventName(message)
        .count() > 0;
  }

  private static void refuse(String field, String norwegian, String english) {
    throw new InvalidFormInputException(START, List.of(new Violation(field, norwegian, english)));
  }
}
