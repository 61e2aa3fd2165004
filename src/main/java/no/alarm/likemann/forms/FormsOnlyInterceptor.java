package no.alarm.likemann.forms;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forms are the only way in. Every command a person sends the engine (through Tasklist, Cockpit, /engine-rest or the
 * Java API) passes here, inside the engine's command context, before it runs:
 * <ul>
 *   <li>a task completion or a start carries only the fields of the form deployed for that step, with the types a
 *       form sends ({@link SubmittedInput}); anything else is refused with 400 and nothing runs;</li>
 *   <li>setting or removing variables directly, sending a message or a signal with variables, and starting a process
 *       without its form (or at an activity of one's choice) are for the administrator only (403).</li>
 * </ul>
 * The engine's own work (jobs, the follow-up calendar, the silence watch: no authenticated user) and the commands the
 * application issues while it carries out a person's command (nested commands) are not the person's input and are
 * not checked here. The authorizations ({@code AccessSetup}: tasks with TASK_WORK, no UPDATE_VARIABLE) refuse the
 * direct variable commands too; this is the same rule said once more where every path meets.
 */
public class FormsOnlyInterceptor extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(FormsOnlyInterceptor.class);

  /** Commands that write variables without a form: the administrator's tools. */
  private static final Set<String> DIRECT_VARIABLE_COMMANDS = Set.of(
      "SetTaskVariablesCmd", "SetExecutionVariablesCmd", "RemoveTaskVariablesCmd", "RemoveExecutionVariablesCmd",
      "PatchTaskVariablesCmd", "PatchExecutionVariablesCmd", "SetVariablesToProcessInstancesBatchCmd",
      "StartProcessInstanceAtActivitiesCmd", "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd",
      "ProcessInstanceModificationCmd", "MessageEventReceivedCmd", "SignalEventReceivedCmd", "SignalCmd",
      "CompleteExternalTaskCmd", "HandleExternalTaskBpmnErrorCmd", "SetTaskVariablesLocalCmd");
  private static final Set<String> MESSAGE_COMMANDS = Set.of("CorrelateMessageCmd", "CorrelateAllMessageCmd",
      "CorrelateStartMessageCmd");

  private final DeployedForms deployedForms;
  /** Depth of commands on this thread: only the outermost one is the person's own. */
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  public FormsOnlyInterceptor(DeployedForms deployedForms) {
    this.deployedForms = deployedForms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int[] d = depth.get();
    if (d[0] == 0) {
      d[0]++;
      try {
        check(command);
        return next.execute(command);
      } finally {
        d[0]--;
      }
    }
    d[0]++;
    try {
      return next.execute(command);
    } finally {
      d[0]--;
    }
  }

  private void check(Command<?> command) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return;
    }
    Authentication who = context.getAuthentication();
    if (who == null || who.getUserId() == null) {
      return; // the engine's own work
    }
    String name = command.getClass().getSimpleName();
    if (DIRECT_VARIABLE_COMMANDS.contains(name) || (MESSAGE_COMMANDS.contains(name) && carriesVariables(command))) {
      if (!isAdministrator(context, who)) {
        LOG.info("Refused {} for user {}: only the administrator may write variables without a form", name,
            who.getUserId());
        throw new AuthorizationException("Bare administratoren kan endre en prosess' variabler direkte eller sende"
            + " den meldinger og signaler med variabler; alle andre arbeider i oppgavenes skjemaer. [Only the"
            + " administrator may change a process's variables or send it messages and signals with variables"
            + " directly; people work through the forms of their tasks.]");
      }
      return;
    }
    switch (name) {
      case "CompleteTaskCmd", "ResolveTaskCmd" -> taskInput(context, (String) field(command, "taskId"),
          (Map<?, ?>) field(command, "variables"));
      case "SubmitTaskFormCmd" -> taskInput(context, (String) field(command, "taskId"),
          (Map<?, ?>) field(command, "properties"));
      case "SubmitStartFormCmd" -> startInput(context, definition((String) field(command, "processDefinitionId"),
          null, null), (Map<?, ?>) field(command, "variables"));
      case "StartProcessInstanceCmd" -> {
        // every process a person may start has a start form: it is started through it (submit-form), so that the
        // input is the form's and its checks run
        if (!isAdministrator(context, who)) {
          LOG.info("Refused a start without its form for user {}", who.getUserId());
          throw new AuthorizationException("Start prosessen med skjemaet. [Start this process with its form"
              + " (submit-form), not with start.]");
        }
      }
      default -> { }
    }
  }

  private void taskInput(CommandContext context, String taskId, Map<?, ?> submitted) {
    if (submitted == null || submitted.isEmpty() || taskId == null) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the command itself says the task is not there
    }
    FormSchema form = deployedForms.schema(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).orElse(null);
    refuse(form, task.getTaskDefinitionKey(), submitted);
  }

  private void startInput(CommandContext context, ProcessDefinitionEntity definition, Map<?, ?> submitted) {
    if (definition == null || submitted == null || submitted.isEmpty()) {
      return;
    }
    String startId = definition.getInitial() == null ? null : definition.getInitial().getId();
    FormSchema form = startId == null ? null : deployedForms.schema(definition.getId(), startId).orElse(null);
    refuse(form, startId, submitted);
  }

  @SuppressWarnings("unchecked")
  private static void refuse(FormSchema form, String formId, Map<?, ?> submitted) {
    List<Violation> violations = SubmittedInput.violations(form, (Map<String, ?>) submitted);
    if (!violations.isEmpty()) {
      InvalidFormInputException refusal = new InvalidFormInputException(formId, violations);
      LOG.info("Refused input for form {}: {}", formId, refusal.englishSummary());
      throw refusal;
    }
  }

  private static ProcessDefinitionEntity definition(String id, String key, String tenantId) {
    DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
    try {
      if (id != null) {
        return cache.findDeployedProcessDefinitionById(id);
      }
      if (key != null) {
        return tenantId == null ? cache.findDeployedLatestProcessDefinitionByKey(key)
            : cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
      }
    } catch (RuntimeException notFound) {
      return null; // the command itself answers that the definition is not there
    }
    return null;
  }

  private static boolean carriesVariables(Command<?> command) {
    Object builder = field(command, "builder");
    if (builder instanceof org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl b) {
      return notEmpty(b.getPayloadProcessInstanceVariables()) || notEmpty(b.getPayloadProcessInstanceVariablesLocal())
          || notEmpty(b.getPayloadProcessInstanceVariablesToTriggeredScope());
    }
    return true;
  }

  private static boolean notEmpty(Map<?, ?> m) {
    return m != null && !m.isEmpty();
  }

  private static boolean isAdministrator(CommandContext context, Authentication who) {
    return context.getAuthorizationManager().isCamundaAdmin(who);
  }

  private static Object field(Object command, String name) {
    return no.alarm.likemann.CommandInterceptors.field(command, name, true);
  }
}
