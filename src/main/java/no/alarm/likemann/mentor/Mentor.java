package no.alarm.likemann.mentor;

import java.time.LocalDate;

/**
 * A mentor in the register. {@code username} links to a login; mentors without one are followed by a coordinator.
 * {@code experienceSummary} is the mentor's own substance history in brief, compared when matching.
 */
public record Mentor(
    long id,
    String username,
    String displayName,
    MentorStatus status,
    String region,
    String municipality,
    String gender,
    int birthYear,
    String experience,
    String experienceSummary,
    String interests,
    int capacity,
    int currentLoad) {

  public int freeSlots() {
    return Math.max(0, capacity - currentLoad);
  }

  public int ageIn(LocalDate date) {
    return date.getYear() - birthYear;
  }
}
