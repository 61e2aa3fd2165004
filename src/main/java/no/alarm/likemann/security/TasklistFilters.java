package no.alarm.likemann.security;

import static no.alarm.likemann.security.Roles.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.journey.ParticipantJourney.Element;
import no.alarm.likemann.mentor.ActiveMentor;
import no.alarm.likemann.onboarding.MentorOnboarding;
import no.alarm.likemann.portalen.WorkParticipation;
import no.alarm.likemann.reporting.MonthlyReporting;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Tasklist lists nothing until a filter exists. Each role finds ready-made filters in Norwegian, readable by its
 * group only. Created once; a modeller's later edits of a filter in Tasklist are kept, but for the list of a model's
 * user tasks in the filters of a model, which follows the models.
 */
@Component
public class TasklistFilters {

  /** Shown on every task card: which referral, candidate, mentor or medarbeider it is about (ids, no personal data). */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "referralReference", "label", "Henvisning"),
      Map.of("name", "candidateReference", "label", "Kandidat"),
      Map.of("name", "mentorReference", "label", "Likemann"),
      Map.of("name", "medarbeiderReference", "label", "Medarbeider"));

  record Spec(String name, String description, int priority, String color, List<String> groups, TaskQuery query,
              List<Map<String, String>> variables) {

    Spec(String name, String description, int priority, String color, List<String> groups, TaskQuery query) {
      this(name, description, priority, color, groups, query, CARD_VARIABLES);
    }
  }

  private final FilterService filters;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final AccessSetup access;

  public TasklistFilters(FilterService filters, TaskService tasks, RepositoryService repository, AccessSetup access) {
    this.filters = filters;
    this.tasks = tasks;
    this.repository = repository;
    this.access = access;
  }

  /**
   * A model's tasks: by its key, and by the keys of its user tasks in every deployed version. The second says the
   * same as the first, but on the task table itself, where PostgreSQL knows how many tasks each key has: by the
   * model's key alone (a join to the definitions) it guessed one task in 23 and read every open task of the region,
   * in the list's order, to find the page (68 ms for none at national size; 12 ms by the task keys; ADR 13).
   */
  TaskQuery byModel(String processKey) {
    TaskQuery query = tasks.createTaskQuery().processDefinitionKey(processKey);
    String[] keys = userTasksOf(processKey);
    return keys.length == 0 ? query : query.taskDefinitionKeyIn(keys);
  }

  /** The ids of the user tasks of every deployed version of the model, sorted. */
  String[] userTasksOf(String processKey) {
    Set<String> keys = new TreeSet<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .list()) {
      repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
          .forEach(task -> keys.add(task.getId()));
    }
    return keys.toArray(String[]::new);
  }

  List<Spec> specs() {
    return List.of(
        new Spec("Mine oppgaver", "Oppgaver som er tildelt meg", -10, "#1c6ea4", TASKLIST_ROLES,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
        new Spec("Gruppens oppgaver", "Ledige oppgaver for gruppene mine", -5, "#3a8a3a", TASKLIST_ROLES,
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")),
        new Spec("Venteliste", "Henvisninger som venter på plass eller på ledig likemann, etter prioritet og ventetid",
            0, "#c77c02", List.of(COORDINATOR),
            tasks.createTaskQuery().taskDefinitionKeyIn(Element.AWAIT_CAPACITY, Element.AWAIT_MENTOR)
                .taskCandidateGroup(COORDINATOR).includeAssignedTasks()
                .orderByTaskPriority().desc().orderByTaskCreateTime().asc()),
        new Spec("Nye henvisninger", "Henvisninger som skal vurderes", 1, "#7a3e9d", List.of(COORDINATOR),
            tasks.createTaskQuery().taskDefinitionKey(Element.ASSESS_REFERRAL)
                .orderByTaskPriority().desc().orderByTaskCreateTime().asc()),
        new Spec("Pågående oppfølging", "Deltakere i oppfølging: avslutt når forløpet er ferdig", 2, "#5b6770",
            List.of(COORDINATOR), tasks.createTaskQuery().taskDefinitionKey(Element.CLOSE_FOLLOW_UP)
                .taskCandidateGroup(COORDINATOR).includeAssignedTasks()),
        new Spec("Ukelogger", "Likemennenes ukelogger som ikke er skrevet ennå, den eldste først", 2, "#4a7a2c",
            List.of(COORDINATOR), tasks.createTaskQuery().taskDefinitionKey(Element.LOG_WEEKLY_CONTACTS)
                .taskCandidateGroup(COORDINATOR).includeAssignedTasks().orderByDueDate().asc(),
            List.of(Map.of("name", ParticipantJourney.Var.WEEK_LABEL, "label", "Uke"),
                Map.of("name", ParticipantJourney.Var.REFERRAL_REFERENCE, "label", "Forløp"),
                Map.of("name", ParticipantJourney.Var.MENTOR_NAME, "label", "Likemann"))),
        new Spec("Rekruttering av likemenn", "Kandidater på vei til å bli likemenn", 3, "#2f7d6d",
            List.of(ADVISER, PROJECT_LEADER, COORDINATOR),
            byModel(MentorOnboarding.PROCESS_KEY)
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskCreateTime().asc()),
        new Spec("Veiledning og oppfølging av likemenn", "Månedlig veiledning, manglende veiledning og tilbakefall",
            4, "#8a5a00", List.of(COORDINATOR, ADVISER),
            byModel(ActiveMentor.PROCESS_KEY)
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskCreateTime().asc()),
        new Spec("Portalen", "Oppmøte og fravær i Portalen", 5, "#b03060", List.of(COORDINATOR),
            byModel(WorkParticipation.PROCESS_KEY)
                .taskCandidateGroup(COORDINATOR).includeAssignedTasks().orderByDueDate().asc()),
        new Spec("Månedsrapporter", "Månedsrapportene: likemennenes, regionens og kommunenes", 6, "#35627a",
            List.of(COUNSELLOR, COORDINATOR),
            byModel(MonthlyReporting.PROCESS_KEY)
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskCreateTime().asc(),
            List.of(Map.of("name", MonthlyReporting.Var.REPORT_MONTH_NAME, "label", "Måned"),
                Map.of("name", MonthlyReporting.Var.REGION_NAME, "label", "Region"),
                Map.of("name", MonthlyReporting.Var.MUNICIPALITY_NAME, "label", "Kommune"),
                Map.of("name", MonthlyReporting.Var.MENTOR_REFERENCE, "label", "Likemann"))));
  }

  /**
   * A filter of a model's tasks keeps the list of the model's user tasks as the models are now (a modeller may add a
   * step): the list is the application's; whatever else a modeller changed in the filter stays as it is.
   */
  private void keepTaskKeysOfTheModel(Filter filter) {
    if (!(filter.getQuery() instanceof TaskQueryImpl stored) || stored.getProcessDefinitionKey() == null) {
      return;
    }
    String[] keys = userTasksOf(stored.getProcessDefinitionKey());
    String[] now = stored.getKeys() == null ? null : Arrays.stream(stored.getKeys()).sorted().toArray(String[]::new);
    if (keys.length > 0 && !Arrays.equals(keys, now)) {
      stored.taskDefinitionKeyIn(keys);
      filter.setQuery(stored);
      filters.saveFilter(filter);
    }
  }

  public void ensureFilters() {
    for (Spec spec : specs()) {
      Filter filter = filters.createFilterQuery().filterName(spec.name()).filterOwner(AccessSetup.ADMIN_USER)
          .singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(spec.name());
        filter.setOwner(AccessSetup.ADMIN_USER);
        filter.setQuery(spec.query());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", spec.description());
        properties.put("priority", spec.priority());
        properties.put("color", spec.color());
        properties.put("refresh", true);
        properties.put("variables", spec.variables());
        filter.setProperties(properties);
        filters.saveFilter(filter);
      } else {
        keepTaskKeysOfTheModel(filter);
      }
      for (String group : spec.groups()) {
        access.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }
}
