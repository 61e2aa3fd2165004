package no.alarm.likemann.forms;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bound in the models as {@code ${formInputGuard}}: the end listener of every user task and the start listener of
 * every start event with a form. The form of an element has the element's id (forms/&lt;id&gt;.form). A refusal
 * rolls the whole start or completion back.
 *
 * <p>An execution listener rather than a task "complete" listener: the engine wraps whatever a task listener throws
 * in a generic exception, which the REST API answers with 500; an execution listener's refusal reaches the caller
 * as it is (400, with the message). A task that is cancelled (e.g. by closing the follow-up) is not checked.
 */
@Component("formInputGuard")
public class FormInputGuard implements TaskListener, ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(FormInputGuard.class);

  private final FormInputValidator validator;
  private final DeployedForms deployedForms;

  public FormInputGuard(FormInputValidator validator, DeployedForms deployedForms) {
    this.validator = validator;
    this.deployedForms = deployedForms;
  }

  @Override
  public void notify(DelegateTask task) {
    check(task.getTaskDefinitionKey(), task.getProcessDefinitionId(), new FormInput(task::getVariable),
        task.getProcessInstanceId());
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    check(execution.getCurrentActivityId(), execution.getProcessDefinitionId(), new FormInput(execution::getVariable),
        execution.getProcessInstanceId());
  }

  /** Against the form the user was shown: the one deployed with the process definition (see {@link DeployedForms}). */
  private void check(String formId, String processDefinitionId, FormInput input, String processInstanceId) {
    try {
      FormSchema shown = deployedForms.schema(processDefinitionId, formId).orElseGet(() -> validator.schema(formId));
      validator.validate(formId, shown, input);
    } catch (InvalidFormInputException e) {
      // ids and field names only: never the values
      LOG.info("Refused input for form {} in process instance {}: {}", formId, processInstanceId, e.englishSummary());
      throw e;
    }
  }
}
