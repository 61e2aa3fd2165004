package no.alarm.likemann.reporting;

import static no.alarm.likemann.journey.ParticipantJourney.Var.REFERRAL_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** {@code produceClosingReport}: the PDF to the municipality, kept with the case. */
@Component
public class ProduceClosingReportDelegate implements JavaDelegate {

  private final ClosingReports reports;

  public ProduceClosingReportDelegate(ClosingReports reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    byte[] pdf = ClosingReportPdf.render(reports.fromJourney(execution::getVariable));
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    reports.keep((String) execution.getVariable(REFERRAL_REFERENCE), pdf, user == null ? null : user.getUserId());
  }
}
