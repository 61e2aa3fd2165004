package no.alarm.likemann.notify;

/**
 * What waits for one user on a day: tasks assigned to them and tasks for their groups that nobody has taken, each
 * with how many are past their due date. Counts only: nothing about whom a task is for.
 */
public record TaskDigest(String userId, String firstName, String email, int assigned, int assignedOverdue,
                         int forGroups, int forGroupsOverdue) {

  public int total() {
    return assigned + forGroups;
  }
}
