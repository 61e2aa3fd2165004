package no.alarm.likemann.notify;

/**
 * What waits for one user on a day: tasks assigned to them and tasks for their groups that nobody has taken, each
 * with how many are past their due date, and for a mentor the participants he has been coupled with since he was
 * last told. Counts only: nothing about whom a task or a coupling is for.
 */
public record TaskDigest(String userId, String firstName, String email, int assigned, int assignedOverdue,
                         int forGroups, int forGroupsOverdue, int newParticipants) {

  public TaskDigest(String userId, String firstName, String email, int assigned, int assignedOverdue, int forGroups,
                    int forGroupsOverdue) {
    this(userId, firstName, email, assigned, assignedOverdue, forGroups, forGroupsOverdue, 0);
  }

  public int total() {
    return assigned + forGroups;
  }

  /** Whether there is anything to tell. */
  public boolean anything() {
    return total() > 0 || newParticipants > 0;
  }
}
