package no.alarm.likemann.onboarding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.mentor.NewMentor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The onboarding record of each candidate (table mentor_candidate and mentor_course): every gate passed, so that
 * activation can prove none was skipped. The candidate is a mentor row with status CANDIDATE from the start.
 */
@Component
public class OnboardingRegister {

  /** What the register needs from the registration form. */
  public record NewCandidate(String name, String municipality, String region, String gender, int birthYear,
                             String experience, String substanceHistory, String interests, LocalDate soberSince) {}

  public record Registered(long mentorId, String reference) {}

  public enum Outcome { ACTIVATED, NOT_ELIGIBLE, REJECTED, WITHDRAWN }

  private final JdbcTemplate jdbc;
  private final MentorRegister mentors;
  private final Clock clock;

  public OnboardingRegister(JdbcTemplate jdbc, MentorRegister mentors, Clock clock) {
    this.jdbc = jdbc;
    this.mentors = mentors;
    this.clock = clock;
  }

  public Registered register(String processInstanceId, NewCandidate c) {
    long mentorId = mentors.add(new NewMentor(null, c.name(), MentorStatus.CANDIDATE, c.region(), c.municipality(),
        c.gender(), c.birthYear(), "nextOfKin".equals(c.experience()) ? "nextOfKin" : "own", c.substanceHistory(),
        c.interests(), 2));
    String reference = String.format("LM-%04d", mentorId);
    jdbc.update("INSERT INTO mentor_candidate (mentor_id, reference, process_instance_id, sober_since, registered_at)"
        + " VALUES (?, ?, ?, ?, ?)", mentorId, reference, processInstanceId, Date.valueOf(c.soberSince()),
        Timestamp.from(clock.instant()));
    return new Registered(mentorId, reference);
  }

  public void recordEligible(long mentorId, LocalDate on) {
    jdbc.update("UPDATE mentor_candidate SET eligible_on = ? WHERE mentor_id = ?", Date.valueOf(on), mentorId);
  }

  public void recordSuitabilityApproved(long mentorId, String approvedBy) {
    jdbc.update("UPDATE mentor_candidate SET suitability_approved_by = ?, suitability_decided_at = ?"
        + " WHERE mentor_id = ?", approvedBy, Timestamp.from(clock.instant()), mentorId);
  }

  public void recordMunicipalityComment(long mentorId, boolean timedOut) {
    jdbc.update(timedOut
        ? "UPDATE mentor_candidate SET municipality_comment_timeout = TRUE WHERE mentor_id = ?"
        : "UPDATE mentor_candidate SET municipality_comment_given = TRUE WHERE mentor_id = ?", mentorId);
  }

  public boolean courseCompleted(long mentorId, String course) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM mentor_course WHERE mentor_id = ? AND course = ?",
        Integer.class, mentorId, course);
    return n != null && n > 0;
  }

  /** A course is recorded once; a second time is refused by the form rules and, last, by the primary key. */
  public void recordCourse(long mentorId, String course, LocalDate completedOn, int hours) {
    jdbc.update("INSERT INTO mentor_course (mentor_id, course, completed_on, hours) VALUES (?, ?, ?, ?)",
        mentorId, course, Date.valueOf(completedOn), hours);
  }

  /** Supplementary training adds to the school hours. */
  public void addSupplement(long mentorId, LocalDate completedOn, int hours) {
    int updated = jdbc.update("UPDATE mentor_course SET hours = hours + ?, completed_on = ?"
        + " WHERE mentor_id = ? AND course = 'supplement'", hours, Date.valueOf(completedOn), mentorId);
    if (updated == 0) {
      recordCourse(mentorId, "supplement", completedOn, hours);
    }
  }

  public int schoolHours(long mentorId) {
    Integer sum = jdbc.queryForObject("SELECT COALESCE(SUM(hours), 0) FROM mentor_course WHERE mentor_id = ?",
        Integer.class, mentorId);
    return sum == null ? 0 : sum;
  }

  public void recordConfidentialitySigned(long mentorId, LocalDate on) {
    jdbc.update("UPDATE mentor_candidate SET confidentiality_signed_on = ? WHERE mentor_id = ?", Date.valueOf(on),
        mentorId);
  }

  public void recordConfidentialityCopy(long mentorId, String by) {
    jdbc.update("UPDATE mentor_candidate SET confidentiality_copy_by = ? WHERE mentor_id = ?", by, mentorId);
  }

  public void recordEmployment(long mentorId, LocalDate on, boolean navGrant, int capacity) {
    jdbc.update("UPDATE mentor_candidate SET employed_on = ?, nav_grant = ? WHERE mentor_id = ?", Date.valueOf(on),
        navGrant, mentorId);
    mentors.setCapacity(mentorId, capacity);
  }

  public Gates gates(long mentorId) {
    Map<String, Integer> courses = new HashMap<>();
    jdbc.query("SELECT course, hours FROM mentor_course WHERE mentor_id = ?",
        rs -> {
          courses.put(rs.getString(1), rs.getInt(2));
        }, mentorId);
    return jdbc.queryForObject("""
        SELECT eligible_on, suitability_approved_by, municipality_comment_given, municipality_comment_timeout,
               confidentiality_signed_on, confidentiality_copy_by, employed_on
        FROM mentor_candidate WHERE mentor_id = ?""", (rs, i) -> new Gates(
            date(rs.getDate(1)), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), Map.copyOf(courses),
            date(rs.getDate(5)), rs.getString(6), date(rs.getDate(7))), mentorId);
  }

  /** Makes the candidate an active mentor, or refuses when any gate is missing. */
  public void activate(long mentorId) {
    List<String> missing = gates(mentorId).missing();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Mentor " + mentorId + " cannot be activated; missing: "
          + String.join(", ", missing));
    }
    jdbc.update("UPDATE mentor_candidate SET outcome = 'ACTIVATED', ended_at = ? WHERE mentor_id = ?",
        Timestamp.from(clock.instant()), mentorId);
    mentors.setStatus(mentorId, MentorStatus.ACTIVE);
  }

  /** Onboarding ended without activation: the candidate leaves the register's matchable statuses. */
  public void end(long mentorId, Outcome outcome) {
    jdbc.update("UPDATE mentor_candidate SET outcome = ?, ended_at = ? WHERE mentor_id = ? AND outcome IS NULL",
        outcome.name(), Timestamp.from(clock.instant()), mentorId);
    if (outcome != Outcome.ACTIVATED) {
      mentors.setStatus(mentorId, MentorStatus.LEFT);
    }
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
