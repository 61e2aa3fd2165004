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

import no.alarm.likemann.security.Roles;

/**
 * {@code reportRelapse}: finds the mentor the report is about (the reporter, when a mentor reports without a
 * reference) and interrupts that mentor's active period. A report that names no active mentor is refused, and so is a
 * mentor's report about another mentor: who reports is the login, not the input.
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
    Authentication reporter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Optional<Mentor> self = reporter == null ? Optional.empty() : mentors.findByUsername(reporter.getUserId());
    Optional<Mentor> mentor = given instanceof String reference && !reference.isBlank()
        ? parse(reference.strip()).flatMap(mentors::find) : self;
    if (mentor.isEmpty() || mentor.get().status() != MentorStatus.ACTIVE) {
      throw refused();
    }
    // who reports comes from the login: a mentor reports about himself only; coordinators and advisers about any
    if (reporter != null && reportsAsMentorOnly(reporter.getGroupIds())
        && (self.isEmpty() || self.get().id() != mentor.get().id())) {
      throw new InvalidFormInputException(ActiveMentor.Element.RELAPSE_REPORT_SUBMITTED, List.of(new Violation(
          REFERENCE, "Som likemann kan du bare melde om deg selv. La feltet stå tomt.",
          "a mentor may report a relapse about himself only")));
    }
    try {
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(ActiveMentor.MESSAGE_RELAPSE_REPORTED)
          .processInstanceBusinessKey(ActiveMentor.reference(mentor.get().id())).correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw refused();
    }
  }

  static boolean reportsAsMentorOnly(List<String> groups) {
    return groups != null && groups.contains(Roles.MENTOR) && !groups.contains(Roles.COORDINATOR)
        && !groups.contains(Roles.ADVISER) && !groups.contains(Roles.ADMIN) && !groups.contains(Roles.CAMUNDA_ADMIN);
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
