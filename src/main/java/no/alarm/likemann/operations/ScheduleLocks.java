package no.alarm.likemann.operations;

/**
 * The names of the scheduled pieces of work, one place for all: each is a row of table {@code shedlock}, held by
 * the node that runs it (ClusterConfiguration). Every {@code @Scheduled} method carries {@code @SchedulerLock} with
 * one of these ({@code ScheduleLocksTest}), so that two nodes never run the same work at the same time.
 *
 * <p>How long a lock is held at least: a few minutes for the daily and weekly work, so that a node whose clock or
 * start lags a little behind the other's finds the work done and the lock still held, rather than running it again.
 * At most: well over what a run takes, so that the work of a node killed while holding it waits no longer than that.
 */
public final class ScheduleLocks {

  public static final String FOLLOW_UP_CALENDAR = "follow-up-calendar";
  public static final String SILENCE_WATCH = "silence-watch";
  public static final String COORDINATOR_CONTACT = "coordinator-contact";
  public static final String TASK_DIGEST = "task-digest";
  public static final String WAIT_LIST_SWEEP = "wait-list-sweep";
  public static final String RETENTION = "retention";
  public static final String READ_LOG_RETENTION = "read-log-retention";
  public static final String LOGIN_LOCK_EXPIRY = "login-lock-expiry";
  public static final String FIGURE_SNAPSHOTS = "figure-snapshots";

  private ScheduleLocks() {}
}
