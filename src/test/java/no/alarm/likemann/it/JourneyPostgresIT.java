package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Element.MATCH_MENTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.mentor.NewMentor;

import org.camunda.bpm.engine.task.Task;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same journey and permission tests on PostgreSQL, the way production runs (profile {@code postgres}), with
 * the demo users added by the {@code demo} profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"likemann.admin.password=it-admin-secret",
        // the tests decide when the wait-list is swept and the silence watch runs
        "likemann.wait-list.sweep-initial-delay=PT12H", "likemann.silence-watch.cron=-",
        // the tests hold the figures against the tables as they are: no snapshot is served
        "likemann.reports.figures.max-age=PT0S", "likemann.reports.figures.max-stale=PT0S"})
@ActiveProfiles({"postgres", "demo"})
class JourneyPostgresIT extends AbstractJourneyIT {

  @BeforeAll
  static void database() {
    PostgresTestDatabase.prepare();
  }

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
  }

  @Test
  void runsOnPostgres() {
    assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
  }

  /** What the authorization checks need at national size (ADR 13) is there, and the planner can use the index. */
  @Test
  void theAuthorizationChecksHaveTheirStatisticsAndTheirIndex() {
    assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_statistic_ext WHERE stxname = 'likemann_authorization_perms'",
        Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'likemann_authorization_task_reads'",
        String.class)).contains("WHERE").contains("resource_type_");
    // the index's condition follows from the check's, so PostgreSQL may use it (whether it does depends on sizes:
    // here, on a small table, only when told not to read the whole table)
    String plan = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> {
      try (var s = c.createStatement()) {
        s.execute("SET enable_seqscan = off");
        StringBuilder lines = new StringBuilder();
        try (var rs = s.executeQuery("EXPLAIN SELECT * FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2"
            + " AND A.RESOURCE_ID_ IN ('x', 'participantJourney', '*') AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2)"
            + " OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64))")) {
          while (rs.next()) {
            lines.append(rs.getString(1)).append('\n');
          }
        } finally {
          s.execute("RESET enable_seqscan");
        }
        return lines.toString();
      }
    });
    assertThat(plan).contains("likemann_authorization_task_reads");
  }

  @Test
  void exactlyTwoOfManyCoordinatorsGetAMentorWithCapacityTwo() throws Exception {
    long mentorId = mentors.add(new NewMentor(null, "Travel Likemann", MentorStatus.ACTIVE, "grenland", "bamble",
        "male", 1979, "own", null, null, 2));
    List<Task> matching = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Task t = taskOf(atMatching(), MATCH_MENTOR);
      as("koordinator");
      tasks.claim(t.getId(), "koordinator");
      identity.clearAuthentication();
      matching.add(t);
    }

    List<String> outcomes = matchAtOnce(matching, mentorId);

    assertThat(outcomes).filteredOn("ok"::equals).hasSize(2);
    assertThat(outcomes).filteredOn(o -> !"ok".equals(o)).hasSize(6)
        .allSatisfy(o -> assertThat(o).contains("Likemannen har ikke lenger ledig kapasitet"));
    assertThat(load(mentorId)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupling WHERE mentor_id = ?", Integer.class, mentorId))
        .isEqualTo(2);
    // the refused coordinators still have their task, to choose another mentor
    assertThat(tasks.createTaskQuery().taskDefinitionKey(MATCH_MENTOR)
        .taskIdIn(matching.stream().map(Task::getId).toArray(String[]::new)).count()).isEqualTo(6);
  }

  /** Mentor onboarding on the same application. */
  @org.junit.jupiter.api.Nested
  class Onboarding extends AbstractOnboardingTests {
  }

  /** Portalen on the same application. */
  @org.junit.jupiter.api.Nested
  class Portalen extends AbstractPortalenTests {
  }

  /** Monthly reports on the same application. */
  @org.junit.jupiter.api.Nested
  class MonthlyReports extends AbstractMonthlyReportTests {
  }

  @org.junit.jupiter.api.Nested
  class SteeringReports extends AbstractSteeringReportTests {
  }

  /** The working group's month on the same application. */
  @org.junit.jupiter.api.Nested
  class WorkingGroupMonths extends AbstractWorkingGroupMonthTests {
  }

  /** Who can read and change what, tried through every API. */
  @org.junit.jupiter.api.Nested
  class LeastAccess extends AbstractLeastAccessTests {
  }

  /** Bad values in every field of every form. */
  @org.junit.jupiter.api.Nested
  class FormFuzz extends AbstractFormFuzzTests {
  }

  /** Every role against every resource, as a table. */
  @org.junit.jupiter.api.Nested
  class AccessMatrix extends AbstractAccessMatrixTests {
  }

  /** Municipalities and regions the administrator adds. */
  @org.junit.jupiter.api.Nested
  class ServiceAreas extends AbstractServiceAreaTests {
  }

  /** A participant who comes back is the same person. */
  @org.junit.jupiter.api.Nested
  class Persons extends AbstractPersonTests {
  }

  /** A person erased: nothing left in any table, the same figures. */
  @org.junit.jupiter.api.Nested
  class Erasure extends AbstractErasureTests {
  }
}
