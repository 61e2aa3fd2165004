package no.alarm.likemann.it;

import org.springframework.boot.test.context.SpringBootTest;

/** The journey on the embedded default database (H2), with the default profile's demo users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:journey-it;DB_CLOSE_DELAY=-1",
        // the tests decide when the wait-list is swept and the silence watch runs
        "likemann.wait-list.sweep-initial-delay=PT12H", "likemann.silence-watch.cron=-",
        // the tests hold the figures against the tables as they are: no snapshot is served
        "likemann.reports.figures.max-age=PT0S", "likemann.reports.figures.max-stale=PT0S"})
class JourneyH2IT extends AbstractJourneyIT {

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
