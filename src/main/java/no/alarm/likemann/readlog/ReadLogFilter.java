package no.alarm.likemann.readlog;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * the answer showed are gathered and written in one batch when the answer succeeded. They come from the project's
 * code ({@link RequestReads#add}), from the engine's answers of variables, history, decisions, the operation log,
 * comments and attachments however they were asked, GET or POSTed query, one instance or many
 * ({@link EngineReadsInterceptor}), and from the path of the resources that hand out one task's or instance's
 * variables as a map (a task's form and variables, an instance as Cockpit's instance view opens it). A refused or
 * failed request read nothing.
 */
public class ReadLogFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ReadLogFilter.class);
  private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)$");
  private static final Pattern TASK = Pattern.compile(
      "^/task/([^/]+)/(variables|form-variables|localVariables|rendered-form|deployed-form)(/[^/]+)?(/data)?$");
  private static final Pattern INSTANCE = Pattern.compile("^/process-instance/([^/]+)/variables(/[^/]+)?(/data)?$");
  /** Cockpit's instance view and the instance itself, now or in history. */
  private static final Pattern INSTANCE_VIEW = Pattern.compile("^/(history/)?process-instance/([^/]+)$");

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
    RequestReads.Shown shown;
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
    List<RequestReads.Read> all = new ArrayList<>(shown.cases());
    String resource = via == CaseRead.Via.REST ? path.substring("/engine-rest".length())
        : via == CaseRead.Via.WEBAPP ? webappResource(path) : null;
    boolean byPath = "GET".equals(request.getMethod()) && resource != null;
    if (byPath || !shown.instances().isEmpty()) {
      system.run(() -> {
        if (byPath) {
          engineRead(resource).ifPresent(all::add);
        }
        all.addAll(cases(shown.instances()));
      });
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
  private Optional<RequestReads.Read> engineRead(String resource) {
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
    Matcher view = INSTANCE_VIEW.matcher(resource);
    if (view.matches() && !"count".equals(view.group(2))) {
      return businessKey(view.group(2)).map(key -> new RequestReads.Read(key, "process instance"));
    }
    return Optional.empty();
  }

  /** The cases of the instances the engine showed, their business keys found in one query. */
  private List<RequestReads.Read> cases(List<RequestReads.InstanceRead> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, String> keys = new HashMap<>();
    history.createHistoricProcessInstanceQuery()
        .processInstanceIds(instances.stream().map(RequestReads.InstanceRead::processInstanceId)
            .collect(Collectors.toSet()))
        .list().forEach(pi -> keys.put(pi.getId(), pi.getBusinessKey()));
    return instances.stream().filter(i -> keys.get(i.processInstanceId()) != null)
        .map(i -> new RequestReads.Read(keys.get(i.processInstanceId()), i.what())).distinct().toList();
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
