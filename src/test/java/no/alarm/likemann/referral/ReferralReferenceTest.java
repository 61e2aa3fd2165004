package no.alarm.likemann.referral;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A referral's reference has at least five digits and as many more as the count needs: a national service passes
 * 99,999 referrals, and each reference must still be given once (issue 16).
 */
class ReferralReferenceTest {

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  final DriverManagerDataSource dataSource = new DriverManagerDataSource(
      "jdbc:h2:mem:reference-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
  final Clock clock = Clock.fixed(LocalDate.of(2026, 12, 6).atTime(10, 0).atZone(OSLO).toInstant(), OSLO);
  final ReferralRegistry referrals;

  {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .placeholders(Map.of("binaryType", "BLOB")).load().migrate();
    referrals = new ReferralRegistry(jdbc, clock);
  }

  private String register() {
    return referrals.register(UUID.randomUUID().toString(),
        new ReferralRegistry.NewReferral("skien", "female", 30, "during", true, false));
  }

  @Test
  void theFirstReferencesHaveFiveDigits() {
    assertThat(register()).isEqualTo("HEN-2026-00001");
    assertThat(register()).isEqualTo("HEN-2026-00002").matches(ReferralRegistry.REFERENCE_PATTERN);
  }

  @Test
  void pastNinetyNineThousandNineHundredAndNinetyNineTheReferenceGrowsInsteadOfRepeating() {
    jdbc.execute("ALTER SEQUENCE referral_number_seq RESTART WITH 99999");
    assertThat(register()).isEqualTo("HEN-2026-99999");
    assertThat(register()).isEqualTo("HEN-2026-100000").matches(ReferralRegistry.REFERENCE_PATTERN);
    assertThat(register()).isEqualTo("HEN-2026-100001");
    assertThat(jdbc.queryForObject("SELECT count(DISTINCT reference) FROM referral", Integer.class)).isEqualTo(3);
  }
}
