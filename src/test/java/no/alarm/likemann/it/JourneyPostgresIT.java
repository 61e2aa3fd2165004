package no.alarm.likemann.it;

import static org.assertj.core.api.Assertions.assertThat;

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
    properties = "likemann.admin.password=it-admin-secret")
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

  /** Mentor onboarding on the same application. */
  @org.junit.jupiter.api.Nested
  class Onboarding extends AbstractOnboardingTests {
  }
}
