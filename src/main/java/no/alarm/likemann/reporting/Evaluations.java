package no.alarm.likemann.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The evaluation questionnaire's answers (plan 000, appendix 3), kept for the reports. */
@Component
public class Evaluations {

  public static final int QUESTIONS = 12;
  /** The participant's questionnaire asks a thirteenth question: the experienced quality of life, 1 to 10. */
  public static final String QUALITY_OF_LIFE = "evaluationQualityOfLife";
  /** The answer task of each respondent. */
  public static final Map<String, String> RESPONDENT_BY_TASK = Map.of(
      "answerEvaluationParticipant", "participant",
      "answerEvaluationMentor", "mentor",
      "answerEvaluationCounsellor", "counsellor");

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Evaluations(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A closed journey's mentor (the last coupling's), or empty when the reference names no closed journey. */
  public Optional<Optional<String>> closedJourneyMentor(String reference) {
    List<String> outcome = jdbc.queryForList("SELECT outcome FROM referral WHERE reference = ?", String.class,
        reference);
    if (outcome.isEmpty() || !"CLOSED".equals(outcome.get(0))) {
      return Optional.empty();
    }
    List<String> mentors = jdbc.queryForList("SELECT m.username FROM coupling c JOIN mentor m ON m.id = c.mentor_id"
        + " WHERE c.referral_reference = ? ORDER BY c.id DESC", String.class, reference);
    return Optional.of(mentors.isEmpty() ? Optional.empty() : Optional.ofNullable(mentors.get(0)));
  }

  /** The municipality of a referral (its counsellors answer the counsellor's questionnaire). */
  public String municipalityOf(String reference) {
    return jdbc.queryForObject("SELECT municipality_code FROM referral WHERE reference = ?", String.class, reference);
  }

  /** Records one respondent's answers; answering again replaces them. */
  public void record(String reference, String respondent, Function<String, Object> answers) {
    List<Object> values = new ArrayList<>();
    for (int q = 1; q <= QUESTIONS; q++) {
      values.add(((Number) answers.apply("evaluationQ" + q)).intValue());
    }
    jdbc.update("DELETE FROM evaluation_answer WHERE referral_reference = ? AND respondent = ?", reference, respondent);
    List<Object> args = new ArrayList<>(List.of(reference, respondent));
    args.addAll(values);
    args.add(answers.apply("evaluationComment"));
    args.add(Timestamp.from(clock.instant()));
    // the participant's experienced quality of life (plan 000 §7, goal 6); the others are not asked
    args.add(answers.apply(QUALITY_OF_LIFE) instanceof Number n ? n.intValue() : null);
    jdbc.update("INSERT INTO evaluation_answer (referral_reference, respondent, q1, q2, q3, q4, q5, q6, q7, q8, q9,"
        + " q10, q11, q12, answer_comment, answered_at, quality_of_life)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args.toArray());
  }

  /** Average score per question over all answers of a respondent kind (for the working group's review). */
  public double[] averages(String respondent) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int q = 1; q <= QUESTIONS; q++) {
      sql.append(q > 1 ? ", " : "").append("AVG(CAST(q").append(q).append(" AS DOUBLE PRECISION))");
    }
    sql.append(" FROM evaluation_answer WHERE respondent = ?");
    return jdbc.queryForObject(sql.toString(), (rs, i) -> {
      double[] avg = new double[QUESTIONS];
      for (int q = 0; q < QUESTIONS; q++) {
        avg[q] = rs.getDouble(q + 1);
      }
      return avg;
    }, respondent);
  }
}
