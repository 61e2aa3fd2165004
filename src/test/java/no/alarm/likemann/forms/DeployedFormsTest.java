package no.alarm.likemann.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import no.alarm.likemann.support.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A modeller adds a required field to a form. Journeys started before keep the old form (binding "deployment"), and
 * the server must check them against it; journeys started after get the new form and its check.
 */
class DeployedFormsTest {

  static final String KEY = "deployedFormsCheck";
  static final String FORM_ID = "reviewCase";

  final ProcessEngine engine = TestEngines.inMemory();
  final List<String> deployments = new java.util.ArrayList<>();

  @BeforeEach
  void guard() {
    Mocks.register("formInputGuard", new FormInputGuard(new FormInputValidator(List.of()), new DeployedForms()));
  }

  @AfterEach
  void cleanUp() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true, true));
    Mocks.reset();
  }

  @Test
  void eachVersionIsCheckedAgainstTheFormItShows() {
    deploy(form(field("summary", "Oppsummering")));
    ProcessInstance before = engine.getRuntimeService().startProcessInstanceByKey(KEY);
    deploy(form(field("summary", "Oppsummering"), field("nextStep", "Neste steg")));
    ProcessInstance after = engine.getRuntimeService().startProcessInstanceByKey(KEY);

    // the newer version's form asks for the new field, and so does the server
    assertThatThrownBy(() -> complete(after, Map.of("summary", "Bra")))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("«Neste steg» må fylles ut");
    // the journey started before shows the form without it, and is not asked for it
    complete(before, Map.of("summary", "Bra"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(before.getId()).count())
        .isZero();
    complete(after, Map.of("summary", "Bra", "nextStep", "Møte"));
  }

  @Test
  void withoutAFormInItsDeploymentTheApplicationsOwnFormIsUsed() {
    // as the models' unit tests deploy a model without its forms: the form of forms/assessReferral.form checks it
    deployWithoutForm("assessReferral");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(KEY);

    assertThatThrownBy(() -> complete(pi, Map.of())).isInstanceOf(InvalidFormInputException.class)
        .hasMessageContaining("«Vurdering» må fylles ut");
  }

  private void complete(ProcessInstance pi, Map<String, Object> values) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    engine.getFormService().submitTaskForm(task, values);
  }

  private void deploy(String form) {
    Deployment d = engine.getRepositoryService().createDeployment().name("deployed-forms-test")
        .addModelInstance("check.bpmn", process(FORM_ID)).addString(FORM_ID + ".form", form).deploy();
    deployments.add(d.getId());
  }

  private void deployWithoutForm(String taskId) {
    Deployment d = engine.getRepositoryService().createDeployment().name("deployed-forms-test")
        .addModelInstance("check.bpmn", process(taskId)).deploy();
    deployments.add(d.getId());
  }

  private static BpmnModelInstance process(String taskId) {
    return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent("started")
        .userTask(taskId).camundaFormRef(taskId).camundaFormRefBinding("deployment")
        .camundaExecutionListenerDelegateExpression("end", "${formInputGuard}")
        .endEvent("done")
        .done();
  }

  private static String form(String... fields) {
    return "{\"id\": \"" + FORM_ID + "\", \"type\": \"default\", \"schemaVersion\": 16, \"components\": ["
        + String.join(", ", fields) + "]}";
  }

  private static String field(String key, String label) {
    return "{\"type\": \"textfield\", \"key\": \"" + key + "\", \"label\": \"" + label + "\","
        + " \"validate\": {\"required\": true}}";
  }
}
