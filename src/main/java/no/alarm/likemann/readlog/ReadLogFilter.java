package no.alarm.likemann.readlog;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import no.alarm.likemann.security.RequestUsers;
import no.alarm.likemann.security.SystemWork;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every read of a case is logged: around each request to /engine-rest, the webapps' engine API and /api, the cases
 * the answer showed are gathered ({@link RequestReads}, and the engine resources that hand out a case's variables:
 * a task's form and variables, an instance (Cockpit's instance view) and its variables, the history of its
 * variables) and written in one batch when the answer succeeded. A refused or failed request read nothing. Not yet
 * read from the path: lists of many instances' variables, and POSTed queries (Cockpit's, the administrator's).
 */
public class ReadLogFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ReadLogFilter.class);
  private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)$");
  private static final Pattern TASK = Pattern.compile(
      "^/task/([^/]+)/(variables|form-variables|localVariables|rendered-form|deployed-form)(/[^/]+)?(/data)?$");
  private static final Pattern INSTANCE = Pattern.compile("^/process-instance/([^/]+)/variables(/[^/]+)?(/data)?$");
  private static final Pattern HISTORY = Pattern.compile("^/history/(variable-instance|detail)$");
  /** Cockpit's instance view and the instance itself, now or in history. */
  private static final Pattern INSTANCE_VIEW = Pattern.compile("^/(history/)?process-instance/([^/]+)$");
  private static final Pattern VARIABLE_INSTANCES = Pattern.compile("^/variable-instance$");

  private final CaseReads reads;
  private final HistoryService history;
  private final SystemWork system;
  private final Clock clock;

  public ReadLogFilter(CaseReads reads, HistoryService history, SystemWork system, Clock clock) {
    this.reads = reads;
    this.history = history;
    this.system = system;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RequestReads.begin();
    List<RequestReads.Read> shown;
    try {
      chain.doFilter(request, response);
    } finally {
      shown = RequestReads.end();
    }
    if (response.getStatus() < 200 || response.getStatus() >= 300) {
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    CaseRead.Via via = path.startsWith("/engine-rest") ? CaseRead.Via.REST
        : path.startsWith("/api/") ? CaseRead.Via.API : CaseRead.Via.WEBAPP;
    List<RequestReads.Read> all = new ArrayList<>(shown);
    if ("GET".equals(request.getMethod()) && via != CaseRead.Via.API) {
      String resource = via == CaseRead.Via.REST ? path.substring("/engine-rest".length()) : webappResource(path);
      if (resource != null) {
        system.run(() -> engineRead(resource, request).ifPresent(all::add));
      }
    }
    if (all.isEmpty()) {
      return;
    }
    Optional<String> who = user(request);
    if (who.isEmpty()) {
      LOG.warn("A case was read at {} without a known user; not logged", path);
      return;
    }
    var now = clock.instant();
    reads.record(all.stream().map(r -> new CaseRead(r.reference(), who.get(), now, r.what(), via)).toList());
  }

  private static String webappResource(String path) {
    Matcher m = WEBAPP_ENGINE.matcher(path);
    return m.matches() ? m.group(1) : null;
  }

  /** The case an engine resource handed out, by its business key; empty for resources that show no case. */
  private Optional<RequestReads.Read> engineRead(String resource, HttpServletRequest request) {
    Matcher task = TASK.matcher(resource);
    if (task.matches()) {
      HistoricTaskInstance t = history.createHistoricTaskInstanceQuery().taskId(task.group(1)).singleResult();
      return t == null ? Optional.empty() : businessKey(t.getProcessInstanceId())
          .map(key -> new RequestReads.Read(key, "task " + t.getTaskDefinitionKey() + ": " + task.group(2)));
    }
    Matcher instance = INSTANCE.matcher(resource);
    if (instance.matches()) {
      return businessKey(instance.group(1)).map(key -> new RequestReads.Read(key, "process variables"));
    }
    Matcher historic = HISTORY.matcher(resource);
    if (historic.matches() && request.getParameter("processInstanceId") != null) {
      return businessKey(request.getParameter("processInstanceId"))
          .map(key -> new RequestReads.Read(key, "history: " + historic.group(1)));
    }
    Matcher view = INSTANCE_VIEW.matcher(resource);
    if (view.matches() && !"count".equals(view.group(2))) {
      return businessKey(view.group(2)).map(key -> new RequestReads.Read(key, "process instance"));
    }
    String ids = request.getParameter("processInstanceIdIn");
    if (VARIABLE_INSTANCES.matcher(resource).matches() && ids != null && !ids.contains(",")) {
      return businessKey(ids).map(key -> new RequestReads.Read(key, "variables"));
    }
    return Optional.empty();
  }

  private Optional<String> businessKey(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    return Optional.ofNullable(pi == null ? null : pi.getBusinessKey());
  }

  /**
   * Who asked: the HTTP Basic user (the request succeeded, so the engine's or the project's authentication accepted
   * the credentials), or the webapp session's user.
   */
  static Optional<String> user(HttpServletRequest request) {
    return RequestUsers.basicCredentials(request).map(RequestUsers.Credentials::user)
        .or(() -> RequestUsers.sessionUser(request).map(u -> u.getName()));
  }
}
