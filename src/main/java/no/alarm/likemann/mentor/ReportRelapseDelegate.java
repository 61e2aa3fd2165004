package no.alarm.likemann.mentor;

import java.util.List;
import java.util.Optional;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code reportRelapse}: finds the mentor the report is about (the reporter, when a mentor reports without a
 * reference) and interrupts that mentor's active period. A report that names no active mentor is refused.
 */
@Component
public class ReportRelapseDelegate implements JavaDelegate {

  static final String REFERENCE = "mentorReference";

  private final MentorRegister mentors;

  public ReportRelapseDelegate(MentorRegister mentors) {
    this.mentors = mentors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object given = execution.getVariable(REFERENCE);
    Optional<Mentor> mentor;
    if (given instanceof String reference && !reference.isBlank()) {
      mentor = parse(reference.strip()).flatMap(mentors::find);
    } else {
      Authentication reporter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      mentor = reporter == null ? Optional.empty() : mentors.findByUsername(reporter.getUserId());
    }
    if (mentor.isEmpty() || mentor.get().status() != MentorStatus.ACTIVE) {
      throw refused();
    }
    try {
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(ActiveMentor.MESSAGE_RELAPSE_REPORTED)
          .processInstanceBusinessKey(ActiveMentor.reference(mentor.get().id())).correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw refused();
    }
  }

  private static Optional<Long> parse(String reference) {
    try {
      return Optional.of(Long.parseLong(reference.replaceFirst("(?i)^LM-", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static InvalidFormInputException refused() {
    return new InvalidFormInputException(ActiveMentor.Element.RELAPSE_REPORT_SUBMITTED, List.of(new Violation(REFERENCE,
        "Fant ingen aktiv likemann med denne referansen. Skriv likemannens referanse (f.eks. LM-0001), eller la"
            + " feltet stå tomt hvis du melder om deg selv.", "mentorReference names no active mentor")));
  }
}
