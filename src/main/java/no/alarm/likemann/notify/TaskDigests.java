package no.alarm.likemann.notify;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The daily e-mail about waiting tasks: for every user with an e-mail address and something waiting, once a day
 * (table task_digest). A mentor who seldom opens Tasklist learns that a weekly log is due; a coordinator that new
 * referrals wait. A failed e-mail is logged with the user's id and tried again at the next run the same day.
 */
@Component
public class TaskDigests {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDigests.class);

  private final TaskService tasks;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String tasklistUrl;

  public TaskDigests(TaskService tasks, IdentityService identity, JdbcTemplate jdbc, Clock clock,
                     @Value("${likemann.public-url:http://localhost:8080}") String publicUrl) {
    this.tasks = tasks;
    this.identity = identity;
    this.jdbc = jdbc;
    this.clock = clock;
    this.tasklistUrl = publicUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/";
  }

  /** The link in the e-mail: Tasklist at the address people use ({@code likemann.public-url}). */
  public String tasklistUrl() {
    return tasklistUrl;
  }

  /** What waits for each user with an e-mail address who has not had the day's e-mail yet. */
  public List<TaskDigest> due(LocalDate day) {
    return due(day, new java.util.HashMap<>());
  }

  /** As {@link #due(LocalDate)}; {@code toldUpTo} gets, per mentor with new couplings, the last one counted. */
  private List<TaskDigest> due(LocalDate day, java.util.Map<String, Long> toldUpTo) {
    List<String> sent = jdbc.queryForList("SELECT user_id FROM task_digest WHERE digest_date = ?", String.class,
        Date.valueOf(day));
    java.util.Date now = java.util.Date.from(clock.instant());
    List<TaskDigest> due = new ArrayList<>();
    for (User user : identity.createUserQuery().orderByUserId().asc().list()) {
      if (user.getEmail() == null || user.getEmail().isBlank() || sent.contains(user.getId())) {
        continue;
      }
      TaskDigest d = new TaskDigest(user.getId(), user.getFirstName(), user.getEmail().strip(),
          (int) assigned(user.getId()).count(), (int) assigned(user.getId()).dueBefore(now).count(),
          (int) forGroups(user.getId()).count(), (int) forGroups(user.getId()).dueBefore(now).count(),
          newCouplings(user.getId(), toldUpTo));
      if (d.anything()) {
        due.add(d);
      }
    }
    return due;
  }

  /** Sends the day's e-mails that are due; returns how many went out. */
  public int sendAll(LocalDate day, MailOut out) {
    int sent = 0;
    java.util.Map<String, Long> toldUpTo = new java.util.HashMap<>();
    for (TaskDigest d : due(day, toldUpTo)) {
      try {
        out.send(d.email(), TaskDigestText.subject(d), TaskDigestText.body(d, tasklistUrl));
        jdbc.update("INSERT INTO task_digest (user_id, digest_date, task_count, sent_at) VALUES (?, ?, ?, ?)",
            d.userId(), Date.valueOf(day), d.total(), Timestamp.from(clock.instant()));
        if (d.newParticipants() > 0) {
          // those the e-mail counted: a coupling made since is told tomorrow
          jdbc.update("UPDATE coupling SET mentor_told_at = ? WHERE status = 'ACTIVE' AND mentor_told_at IS NULL"
              + " AND id <= ? AND mentor_id IN (SELECT id FROM mentor WHERE username = ?)",
              Timestamp.from(clock.instant()), toldUpTo.get(d.userId()), d.userId());
        }
        sent++;
        LOG.info("Task e-mail for {} sent to user {}: {} tasks, {} new participants", day, d.userId(), d.total(),
            d.newParticipants());
      } catch (RuntimeException e) {
        LOG.warn("Task e-mail for {} to user {} failed; tried again at the next run: {}", day, d.userId(),
            e.toString());
      }
    }
    return sent;
  }

  /** The mentor's active couplings he has not been told of yet; the last one's id goes to {@code toldUpTo}. */
  private int newCouplings(String userId, java.util.Map<String, Long> toldUpTo) {
    List<Long> ids = jdbc.queryForList("SELECT c.id FROM coupling c JOIN mentor m ON m.id = c.mentor_id"
        + " WHERE m.username = ? AND c.status = 'ACTIVE' AND c.mentor_told_at IS NULL ORDER BY c.id", Long.class,
        userId);
    if (!ids.isEmpty()) {
      toldUpTo.put(userId, ids.get(ids.size() - 1));
    }
    return ids.size();
  }

  private TaskQuery assigned(String userId) {
    return tasks.createTaskQuery().taskAssignee(userId).active();
  }

  private TaskQuery forGroups(String userId) {
    return tasks.createTaskQuery().taskCandidateUser(userId).active();
  }
}
