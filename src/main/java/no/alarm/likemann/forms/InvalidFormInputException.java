package no.alarm.likemann.forms;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that a form should have refused. The message leads with Norwegian (Tasklist shows it to the person)
 * and carries the English text for API clients in brackets. Thrown inside the engine's transaction, so nothing
 * of the start or completion is kept. A form validation exception to the engine: the REST API answers 400.
 */
public class InvalidFormInputException extends FormFieldValidationException {

  private final String formId;
  private final transient List<Violation> violations;

  public InvalidFormInputException(String formId, List<Violation> violations) {
    super(formId, message(violations));
    this.formId = formId;
    this.violations = List.copyOf(violations);
  }

  public String getFormId() {
    return formId;
  }

  public List<Violation> getViolations() {
    return violations;
  }

  /** The English part alone, with field names and no values: safe for logs. */
  public String englishSummary() {
    return violations.stream().map(Violation::english).collect(Collectors.joining("; "));
  }

  private static String message(List<Violation> violations) {
    String norwegian = violations.stream().map(Violation::norwegian).collect(Collectors.joining(" "));
    String english = violations.stream().map(Violation::english).collect(Collectors.joining("; "));
    return norwegian + " [Invalid input: " + english + "]";
  }
}
