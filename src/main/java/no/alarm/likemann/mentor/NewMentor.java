package no.alarm.likemann.mentor;

/** What it takes to put a mentor in the register. */
public record NewMentor(
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
    int capacity) {}
