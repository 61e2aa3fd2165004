package no.alarm.likemann.onboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.onboarding.MentorOnboarding.Course;

/**
 * What a candidate has passed, as recorded along the way. "These criteria will never be waived" (plan 000): a
 * mentor is activated only when {@link #missing()} is empty, whatever path the process took.
 */
public record Gates(
    LocalDate eligibleOn,
    String suitabilityApprovedBy,
    boolean municipalityCommentGiven,
    boolean municipalityCommentTimedOut,
    Map<String, Integer> courseHours,
    LocalDate confidentialitySignedOn,
    String confidentialityCopyBy,
    LocalDate employedOn) {

  public int schoolHours() {
    return courseHours.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The gates not passed, in English for logs and incidents. */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (eligibleOn == null) {
      missing.add("experience and two years sober");
    }
    if (suitabilityApprovedBy == null) {
      missing.add("personal suitability");
    }
    if (!municipalityCommentGiven && !municipalityCommentTimedOut) {
      missing.add("municipalities' comment or 14 days without one");
    }
    for (Course course : Course.values()) {
      if (!courseHours.containsKey(course.code)) {
        missing.add("course " + course.code);
      }
    }
    if (schoolHours() < MentorOnboarding.SCHOOL_HOURS_REQUIRED) {
      missing.add("at least " + MentorOnboarding.SCHOOL_HOURS_REQUIRED + " school hours (has " + schoolHours() + ")");
    }
    if (confidentialitySignedOn == null) {
      missing.add("confidentiality declaration");
    }
    if (confidentialityCopyBy == null) {
      missing.add("project leader's copy of the confidentiality declaration");
    }
    if (employedOn == null) {
      missing.add("employment");
    }
    return missing;
  }
}
