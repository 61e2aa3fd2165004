package no.alarm.likemann.region;

import java.lang.reflect.Field;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task of another region is refused as the engine refuses any task the user may not work: 403. The engine's own
 * tenant check refuses it too, but as a plain engine error, which the REST API answers with 500. Queries need nothing
 * of this: the engine leaves other regions' instances and tasks out of them.
 */
public class RegionBoundaryInterceptor extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(RegionBoundaryInterceptor.class);

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (context != null && context.isTenantCheckEnabled()) {
      Authentication who = context.getAuthentication();
      String taskId = who == null || who.getUserId() == null ? null : taskIdOf(command);
      if (taskId != null && !context.getAuthorizationManager().isCamundaAdmin(who)) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        List<String> regions = who.getTenantIds() == null ? List.of() : who.getTenantIds();
        if (task != null && task.getTenantId() != null && !regions.contains(task.getTenantId())) {
          LOG.info("Refused {} on task {} for user {}: another region's", command.getClass().getSimpleName(), taskId,
              who.getUserId());
          throw new AuthorizationException("The task belongs to another region. [Oppgaven hører til en annen"
              + " region.]");
        }
      }
    }
    return next.execute(command);
  }

  /** The task a command works on, when it names one (the engine's task commands keep it in a field "taskId"). */
  private static String taskIdOf(Command<?> command) {
    if (!command.getClass().getName().startsWith("org.camunda.bpm.engine.impl.cmd.")) {
      return null;
    }
    for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField("taskId");
        f.setAccessible(true);
        return f.get(command) instanceof String id ? id : null;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        return null;
      }
    }
    return null;
  }
}
