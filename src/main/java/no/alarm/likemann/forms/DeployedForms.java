package no.alarm.likemann.forms;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * The form a user task or start event shows is the one deployed with its process definition (binding "deployment"):
 * a journey started on an older version of the model keeps that version's forms until it ends. The server checks the
 * input against that same form. Checked against the application's newest form instead, a journey of an older version
 * would be asked for a field that the form in front of the user does not have, and could never be completed.
 *
 * <p>Looked up as Camunda looks up a {@code camunda:formRef} with binding "deployment": the form definition with the
 * form's id in the process definition's deployment. Deployments never change, so each form is read once per
 * deployment. Runs inside the engine's command (a listener), with no authorization check: reading the form is the
 * engine's work, not the user's.
 */
@Component
public class DeployedForms {

  private final Map<String, Optional<FormSchema>> schemas = new ConcurrentHashMap<>();
  /** Process definition id to its deployment: neither ever changes, and the look-up costs no round trip after one. */
  private final Map<String, String> deployments = new ConcurrentHashMap<>();

  /**
   * The form with this id deployed with the process definition; empty outside an engine command, or when that
   * deployment has no such form (a model deployed on its own, as in the models' unit tests).
   */
  public Optional<FormSchema> schema(String processDefinitionId, String formId) {
    CommandContext command = Context.getCommandContext();
    if (command == null || processDefinitionId == null) {
      return Optional.empty();
    }
    String deploymentId = deployments.computeIfAbsent(processDefinitionId, DeployedForms::deploymentOf);
    return schemas.computeIfAbsent(deploymentId + "/" + formId, key -> read(command, deploymentId, formId));
  }

  private static String deploymentOf(String processDefinitionId) {
    DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
    ProcessDefinitionEntity definition = cache.findProcessDefinitionFromCache(processDefinitionId);
    return (definition != null ? definition : cache.findDeployedProcessDefinitionById(processDefinitionId))
        .getDeploymentId();
  }

  private static Optional<FormSchema> read(CommandContext command, String deploymentId, String formId) {
    CamundaFormDefinitionEntity form = command.getCamundaFormDefinitionManager()
        .findDefinitionByDeploymentAndKey(deploymentId, formId);
    if (form == null) {
      return Optional.empty();
    }
    ResourceEntity resource = command.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(deploymentId, form.getResourceName());
    return Optional.of(FormSchema.parse(new ByteArrayInputStream(resource.getBytes())));
  }
}
