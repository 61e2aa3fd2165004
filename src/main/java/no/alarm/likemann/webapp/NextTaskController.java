package no.alarm.likemann.webapp;

import jakarta.servlet.http.HttpServletRequest;

import no.alarm.likemann.security.RequestUsers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tasks/next?after=<task id>}: after a user completed a task in Tasklist, its name, the case's
 * reference and the next task of that case that is theirs to do now ({@link NextTasks}); {@code ?started=<process
 * instance id>} the same after they started a process from its start form. Tasklist's script shows what happened and
 * opens that task. 404 for a task the user did not complete or a process they did not start, 401 anonymous. The
 * answer names only a task the user may see in Tasklist anyway; no case data.
 */
@RestController
public class NextTaskController {

  private static final Logger LOG = LoggerFactory.getLogger(NextTaskController.class);

  private final NextTasks next;
  private final RequestUsers users;

  public NextTaskController(NextTasks next, RequestUsers users) {
    this.next = next;
    this.users = users;
  }

  @GetMapping("/api/tasks/next")
  public ResponseEntity<NextTasks.Next> after(@RequestParam(name = "after", required = false) String taskId,
      @RequestParam(name = "started", required = false) String started, HttpServletRequest request) {
    var user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    String id = taskId != null ? taskId : started;
    if (id == null || id.length() > 64 || (taskId != null && started != null)) {
      return ResponseEntity.badRequest().build();
    }
    return (taskId != null ? next.after(user.get(), taskId) : next.afterStart(user.get(), started))
        .map(n -> ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(n))
        .orElseGet(() -> {
          LOG.info("User {} asked what follows {}, which they did not complete or start", user.get().id(), id);
          return ResponseEntity.notFound().build();
        });
  }
}
