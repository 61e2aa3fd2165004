package no.alarm.likemann.readlog;

import java.util.Collection;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;

/**
 * What the engine hands a person of a case's contents, whatever the path and however it was asked (a GET, a POSTed
 * query of Cockpit or Tasklist, a list over many instances): the variables, now or in history, their changes, the
 * decisions' inputs, the operation log, comments and attachments. After the person's own command (not the commands
 * the application nests inside it, and not work without a person) each instance its answer showed is noted for
 * {@link ReadLogFilter}, which writes them with the request. Outside a request nothing is noted, so the engine's
 * own work and the benchmark pay one thread-local look-up.
 */
public class EngineReadsInterceptor extends CommandInterceptor {

  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public <T> T execute(Command<T> command) {
    if (!RequestReads.active()) {
      return next.execute(command);
    }
    int[] d = depth.get();
    d[0]++;
    T result;
    try {
      result = next.execute(command);
    } finally {
      d[0]--;
    }
    if (d[0] == 0 && byPerson()) {
      note(result);
    }
    return result;
  }

  private static boolean byPerson() {
    CommandContext context = Context.getCommandContext();
    return context != null && context.getAuthenticatedUserId() != null;
  }

  private static void note(Object result) {
    if (result instanceof Collection<?> many) {
      many.forEach(EngineReadsInterceptor::noteOne);
    } else {
      noteOne(result);
    }
  }

  private static void noteOne(Object item) {
    if (item instanceof VariableInstance v) {
      RequestReads.addInstance(v.getProcessInstanceId(), "variables");
    } else if (item instanceof HistoricVariableInstance v) {
      RequestReads.addInstance(v.getProcessInstanceId(), "history: variables");
    } else if (item instanceof HistoricDetail d) {
      RequestReads.addInstance(d.getProcessInstanceId(), "history: variable changes");
    } else if (item instanceof HistoricDecisionInstance d) {
      RequestReads.addInstance(d.getProcessInstanceId(), "history: decision " + d.getDecisionDefinitionKey());
    } else if (item instanceof UserOperationLogEntry e) {
      RequestReads.addInstance(e.getProcessInstanceId(), "history: operation log");
    } else if (item instanceof Comment c) {
      RequestReads.addInstance(c.getProcessInstanceId(), "comment");
    } else if (item instanceof Attachment a) {
      RequestReads.addInstance(a.getProcessInstanceId(), "attachment");
    }
  }
}
