package no.alarm.likemann.erasure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine's part of an erasure, the same for a participant and a former candidate: the process instances about
 * them with the instances they called, deleted from runtime (skipping listeners: what they did is done) and from
 * history with their decisions and operation-log entries.
 */
@Component
public class EngineErasure {

  private final RuntimeService runtime;
  private final HistoryService history;

  public EngineErasure(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /** The instances and every instance they called, at any depth. */
  public List<String> withCalled(Collection<String> instances) {
    Set<String> ids = new LinkedHashSet<>(instances);
    List<String> todo = new ArrayList<>(ids);
    while (!todo.isEmpty()) {
      String parent = todo.remove(0);
      history.createHistoricProcessInstanceQuery().superProcessInstanceId(parent).list().forEach(sub -> {
        if (ids.add(sub.getId())) {
          todo.add(sub.getId());
        }
      });
    }
    ids.remove(null);
    return new ArrayList<>(ids);
  }

  /** Deletes the instances, running or ended, and all their history. */
  public void delete(List<String> instances) {
    if (instances.isEmpty()) {
      return;
    }
    runtime.deleteProcessInstancesIfExists(instances, "erased", true, true, false);
    for (String id : instances) {
      history.createHistoricDecisionInstanceQuery().processInstanceId(id).list()
          .forEach(d -> history.deleteHistoricDecisionInstanceByInstanceId(d.getId()));
      history.createUserOperationLogQuery().processInstanceId(id).list()
          .forEach(e -> history.deleteUserOperationLogEntry(e.getId()));
    }
    history.deleteHistoricProcessInstancesIfExists(instances);
  }
}
