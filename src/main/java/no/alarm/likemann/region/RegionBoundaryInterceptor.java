package no.alarm.likemann.region;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task or an instance of another region is refused as the engine refuses anything the user may not touch: 403.
 * The engine's own tenant check refuses it too, but as a plain engine error, which the REST API answers with 500.
 * Queries need nothing of this: the engine leaves other regions' instances and tasks out of them.
 */
public class RegionBoundaryInterceptor extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(RegionBoundaryInterceptor.class);

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    Authentication who = context == null ? null : context.getAuthentication();
    if (who != null && who.getUserId() != null && context.isTenantCheckEnabled()
        && command.getClass().getName().startsWith("org.camunda.bpm.engine.impl.cmd.")
        && !context.getAuthorizationManager().isCamundaAdmin(who)) {
      String tenant = tenantOf(context, command);
      List<String> regions = who.getTenantIds() == null ? List.of() : who.getTenantIds();
      if (tenant != null && !regions.contains(tenant)) {
        LOG.info("Refused {} for user {}: another region's", command.getClass().getSimpleName(), who.getUserId());
        throw new AuthorizationException("Dette hører til en annen region. [This belongs to another region.]");
      }
    }
    return next.execute(command);
  }

  /**
   * The region of the task or execution a command works on, when it names one: the engine's commands keep it in a
   * field "taskId", "executionId" or "processInstanceId" (a task form's in "resourceId").
   */
  private static String tenantOf(CommandContext context, Command<?> command) {
    String taskId = field(command, "taskId");
    if (taskId == null && command.getClass().getSimpleName().startsWith("GetTaskForm")) {
      taskId = field(command, "resourceId");
    }
    if (taskId != null) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      return task == null ? null : task.getTenantId();
    }
    String executionId = field(command, "executionId");
    if (executionId == null) {
      executionId = field(command, "processInstanceId");
    }
    if (executionId != null) {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
      return execution == null ? null : execution.getTenantId();
    }
    return null;
  }

  private static String field(Object command, String name) {
    return no.alarm.likemann.CommandInterceptors.field(command, name, false) instanceof String id ? id : null;
  }
}
