package no.alarm.likemann.erasure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import no.alarm.likemann.security.RequestUsers;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/retention}: that the clean-ups ran, for the administrator (Camunda's history clean-up can
 * fail or never be scheduled without anyone noticing). The engine's history clean-up: its window, its jobs, when
 * each last ran and how it ended, and what it has removed; the project's retention pass: when it last ran and what
 * it erased; the erasures done. Everyone else 403, anonymous requests 401. Ids and counts only.
 */
@RestController
public class CleanupController {

  private final HistoryService history;
  private final ManagementService management;
  private final ProcessEngineConfigurationImpl engine;
  private final Retention retention;
  private final Erasures erasures;
  private final RequestUsers users;

  public CleanupController(HistoryService history, ManagementService management, ProcessEngineConfigurationImpl engine,
                           Retention retention, Erasures erasures, RequestUsers users) {
    this.history = history;
    this.management = management;
    this.engine = engine;
    this.retention = retention;
    this.erasures = erasures;
    this.users = users;
  }

  /**
   * One history clean-up job: when it is due, its retries and current failure, and when it last succeeded and last
   * failed (with why): a failure after the last success is one to look into.
   */
  public record CleanupJob(String id, Instant due, int retriesLeft, String failure, Instant lastSuccess,
                           Instant lastFailure, String lastFailureMessage) {}

  public record EngineCleanup(String window, List<CleanupJob> jobs, Map<String, Long> removed) {}

  public record Report(EngineCleanup engineHistory, Retention.Run retentionLastRun, long keepAfterEndDays,
                       List<Erasures.Erasure> erasures) {}

  @GetMapping("/api/admin/retention")
  public ResponseEntity<Report> report(HttpServletRequest request) {
    var user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().isAdministrator()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(new Report(engineCleanup(),
        retention.lastRun().orElse(null), retention.keep().toDays(), erasures.all()));
  }

  EngineCleanup engineCleanup() {
    List<CleanupJob> jobs = new ArrayList<>();
    history.findHistoryCleanupJobs().forEach(job -> {
      var success = history.createHistoricJobLogQuery().jobId(job.getId()).successLog().orderByTimestamp().desc()
          .listPage(0, 1);
      var failure = history.createHistoricJobLogQuery().jobId(job.getId()).failureLog().orderByTimestamp().desc()
          .listPage(0, 1);
      jobs.add(new CleanupJob(job.getId(), job.getDuedate() == null ? null : job.getDuedate().toInstant(),
          job.getRetries(), job.getExceptionMessage(),
          success.isEmpty() ? null : success.get(0).getTimestamp().toInstant(),
          failure.isEmpty() ? null : failure.get(0).getTimestamp().toInstant(),
          failure.isEmpty() ? null : failure.get(0).getJobExceptionMessage()));
    });
    // the metrics are written every few minutes; now, so that the figures are today's
    management.reportDbMetricsNow();
    Map<String, Long> removed = new LinkedHashMap<>();
    for (String metric : List.of(Metrics.HISTORY_CLEANUP_REMOVED_PROCESS_INSTANCES,
        Metrics.HISTORY_CLEANUP_REMOVED_DECISION_INSTANCES, Metrics.HISTORY_CLEANUP_REMOVED_BATCH_OPERATIONS)) {
      removed.put(metric, management.createMetricsQuery().name(metric).sum());
    }
    String window = engine.getHistoryCleanupBatchWindowStartTime() + "–" + engine.getHistoryCleanupBatchWindowEndTime();
    return new EngineCleanup(window, jobs, removed);
  }
}
