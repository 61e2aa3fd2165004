package no.alarm.likemann.mentor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The register refuses a mentor's return after a relapse unless the criteria are met again, whatever reaches it:
 * the adviser's follow-up under the internal routine, and two years sober on the recorded date (plan 000 app. 2).
 */
class MentorReturnTest {

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  final DriverManagerDataSource dataSource = new DriverManagerDataSource(
      "jdbc:h2:mem:return-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
  final Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(OSLO).toInstant(), OSLO);
  final MentorRegister mentors;
  final MentorYear year;

  {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .placeholders(Map.of("binaryType", "BLOB")).load().migrate();
    mentors = new MentorRegister(jdbc, clock, event -> { });
    year = new MentorYear(jdbc, mentors, null, clock);
  }

  long pausedMentor() {
    long id = mentors.add(new NewMentor("mona", "Mona Mentor", MentorStatus.ACTIVE, "grenland", "skien", "female",
        1980, "own", "Alkohol", null, 2));
    year.pause(id);
    return id;
  }

  @Test
  void aReturnWithoutTheFollowUpIsRefused() {
    long id = pausedMentor();
    assertThatThrownBy(() -> year.resume(id)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot return");
    assertThat(mentors.find(id).orElseThrow().status()).isEqualTo(MentorStatus.PAUSED);
  }

  @Test
  void aReturnUnderTwoYearsSoberIsRefusedAndTheDayItIsTwoYearsItIsAllowed() {
    long id = pausedMentor();
    year.recordFollowUp(id, TODAY.minusYears(2).plusDays(1), TODAY, true, "radgiver");
    assertThatThrownBy(() -> year.resume(id)).isInstanceOf(IllegalStateException.class);

    year.recordFollowUp(id, TODAY.minusYears(2), TODAY, true, "radgiver");
    year.resume(id);
    assertThat(mentors.find(id).orElseThrow().status()).isEqualTo(MentorStatus.ACTIVE);
    assertThat(jdbc.queryForMap("SELECT outcome, followed_up_by, internal_routine_followed FROM mentor_pause"
        + " WHERE mentor_id = ?", id)).containsEntry("OUTCOME", "RETURNED").containsEntry("FOLLOWED_UP_BY", "radgiver")
        .containsEntry("INTERNAL_ROUTINE_FOLLOWED", true);
    assertThat(year.soberSince(id)).contains(TODAY.minusYears(2));
  }

  @Test
  void aReturnWithoutTheInternalRoutineIsRefused() {
    long id = pausedMentor();
    year.recordFollowUp(id, TODAY.minusYears(5), TODAY, false, "radgiver");
    assertThatThrownBy(() -> year.resume(id)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFollowUpWithoutAnOpenPauseIsRefused() {
    long id = mentors.add(new NewMentor("per", "Per Mentor", MentorStatus.ACTIVE, "grenland", "skien", "male",
        1980, "own", "Alkohol", null, 2));
    assertThatThrownBy(() -> year.recordFollowUp(id, TODAY, TODAY, true, "radgiver"))
        .isInstanceOf(IllegalStateException.class);
  }
}
