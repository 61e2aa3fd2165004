package no.alarm.likemann.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's figures in the metrics (Prometheus at /actuator/prometheus, for administrators): jobs acquired,
 * executed and failed (the engine's own metrics, as it reports them to its database), open incidents, and open tasks
 * per process. Read when the metrics are asked for, with the engine's queries: counts only, never a task or a case.
 * Bound once the application is ready, when the models are deployed.
 */
@Component
public class EngineMetrics {

  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final MeterRegistry registry;

  public EngineMetrics(ManagementService management, RuntimeService runtime, TaskService tasks,
      RepositoryService repository, MeterRegistry registry) {
    this.management = management;
    this.runtime = runtime;
    this.tasks = tasks;
    this.repository = repository;
    this.registry = registry;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void bind() {
    counter(registry, "likemann.jobs.acquired", Metrics.JOB_ACQUIRED_SUCCESS, "Jobs the job executor acquired");
    counter(registry, "likemann.jobs.executed", Metrics.JOB_SUCCESSFUL, "Jobs executed successfully");
    counter(registry, "likemann.jobs.failed", Metrics.JOB_FAILED, "Job executions that failed");
    Gauge.builder("likemann.incidents.open", runtime, r -> r.createIncidentQuery().count())
        .description("Open incidents").register(registry);
    for (String key : processKeys()) {
      Gauge.builder("likemann.tasks.open", tasks, t -> t.createTaskQuery().processDefinitionKey(key).count())
          .tag("process", key).description("Open user tasks of the process").register(registry);
    }
  }

  private void counter(MeterRegistry registry, String name, String metric, String description) {
    FunctionCounter.builder(name, management, m -> m.createMetricsQuery().name(metric).sum())
        .description(description).register(registry);
  }

  /** The processes deployed when the application is ready: one gauge each. */
  private List<String> processKeys() {
    return repository.createProcessDefinitionQuery().latestVersion().list().stream().map(d -> d.getKey())
        .distinct().sorted().toList();
  }
}
