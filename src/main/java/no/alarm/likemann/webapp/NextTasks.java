package no.alarm.likemann.webapp;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.alarm.likemann.journey.InpatientStay;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.security.RequestUsers.RequestUser;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * What Tasklist opens after a task is completed: the next task of the same case (the processes that carry the same
 * business key: the journey and its changes, meetings and stays; a candidate's onboarding) that is this user's to do
 * now, assigned to them or offered to one of their groups in their regions. Standing and waiting tasks (closing the
 * follow-up, the waiting list, a stay's discharge) are not work to open: they stay in the lists.
 */
@Component
public class NextTasks {

  /** Tasks that stand open while the case goes on: never opened by themselves. */
  static final Set<String> STANDING = Set.of(ParticipantJourney.Element.CLOSE_FOLLOW_UP,
      ParticipantJourney.Element.AWAIT_CAPACITY, ParticipantJourney.Element.AWAIT_MENTOR,
      InpatientStay.Element.RECORD_DISCHARGE, InpatientStay.Element.TAKE_PART_IN_DISCHARGE);

  /** The task just completed, its case, and the next task for the user, if any. */
  public record Next(String completed, String reference, String taskId, String name, boolean yours) {}

  private final HistoryService history;
  private final TaskService tasks;

  public NextTasks(HistoryService history, TaskService tasks) {
    this.history = history;
    this.tasks = tasks;
  }

  /** Empty when the task is not one this user completed (nothing is told about anybody else's work). */
  public Optional<Next> after(RequestUser user, String taskId) {
    HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
    if (task == null || !user.id().equals(task.getAssignee())) {
      return Optional.empty();
    }
    String root = task.getRootProcessInstanceId() != null ? task.getRootProcessInstanceId()
        : task.getProcessInstanceId();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(root)
        .singleResult();
    return Optional.of(next(user, task.getName(), instance == null ? null : instance.getBusinessKey(), root));
  }

  /**
   * After a user started a process from its start form (a referral, a candidate): its reference, and the first task
   * that is theirs. Empty when the user did not start it.
   */
  public Optional<Next> afterStart(RequestUser user, String processInstanceId) {
    HistoricProcessInstance started = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (started == null || !user.id().equals(started.getStartUserId())) {
      return Optional.empty();
    }
    return Optional.of(next(user, started.getProcessDefinitionName(), started.getBusinessKey(), processInstanceId));
  }

  private Next next(RequestUser user, String done, String key, String root) {
    TaskQuery query = tasks.createTaskQuery().active();
    query = key != null ? query.processInstanceBusinessKey(key) : query.processInstanceId(root);
    if (!user.isAdministrator()) {
      if (user.regions().isEmpty()) {
        return new Next(done, key, null, null, false);
      }
      query = query.tenantIdIn(user.regions().toArray(String[]::new));
    }
    List<Task> open = query.or().taskAssignee(user.id()).taskCandidateUser(user.id()).endOr()
        .orderByTaskCreateTime().desc().listPage(0, 20);
    return open.stream().filter(t -> !STANDING.contains(t.getTaskDefinitionKey())).findFirst()
        .map(t -> new Next(done, key, t.getId(), t.getName(), user.id().equals(t.getAssignee())))
        .orElse(new Next(done, key, null, null, false));
  }
}
