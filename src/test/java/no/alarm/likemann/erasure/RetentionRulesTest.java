package no.alarm.likemann.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every table the migrations make has a retention rule, and every rule a table: a new table with personal data
 * cannot come without a decision on how long it is kept.
 */
class RetentionRulesTest {

  final DriverManagerDataSource dataSource = new DriverManagerDataSource(
      "jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

  {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .placeholders(Map.of("binaryType", "BLOB")).load().migrate();
  }

  @Test
  void everyTableHasARuleAndEveryRuleATable() {
    Set<String> tables = new TreeSet<>(jdbc.queryForList("SELECT LOWER(table_name) FROM information_schema.tables"
        + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'", String.class));
    tables.remove("flyway_schema_history");

    assertThat(new TreeSet<>(RetentionRules.TABLES.keySet())).isEqualTo(tables);
    assertThat(RetentionRules.TABLES.values()).allSatisfy(r -> assertThat(r.rule()).isNotBlank());
  }

  /** The README's table of the rules is the rules: run with {@code -Dreadme.write=true} to write it again. */
  @Test
  void theReadmesTableIsTheRules() throws java.io.IOException {
    java.nio.file.Path readme = java.nio.file.Path.of("README.md");
    String text = java.nio.file.Files.readString(readme);
    String head = "| table | kind | kept |\n|---|---|---|\n";
    int start = text.indexOf(head);
    assertThat(start).as("the README has the table of retention rules").isNotNegative();
    int end = text.indexOf("\n\n", start);
    StringBuilder table = new StringBuilder(head);
    RetentionRules.TABLES.forEach((name, rule) -> table.append("| `").append(name).append("` | ")
        .append(rule.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ").append(rule.rule())
        .append(" |\n"));
    String written = table.toString().stripTrailing();
    if (Boolean.getBoolean("readme.write")) {
      java.nio.file.Files.writeString(readme, text.substring(0, start) + written + text.substring(end));
      return;
    }
    assertThat(text.substring(start, end)).isEqualTo(written);
  }

  @Test
  void theDailyEmailsRecordGoesAfterNinetyDays() {
    Instant now = Instant.parse("2026-12-02T02:15:00Z");
    LocalDate today = LocalDate.of(2026, 12, 2);
    for (int age : new int[] {0, 89, 90, 91, 400}) {
      jdbc.update("INSERT INTO task_digest (user_id, digest_date, task_count, sent_at) VALUES (?, ?, 1, ?)",
          "user" + age, java.sql.Date.valueOf(today.minusDays(age)), java.sql.Timestamp.from(now));
    }
    Retention retention = new Retention(jdbc, null, null, null, Clock.systemUTC(), Duration.ofDays(1825));

    assertThat(retention.removeOldDigests(now)).isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT user_id FROM task_digest ORDER BY user_id", String.class)
        .stream().map(u -> u.toLowerCase(Locale.ROOT)).toList()).containsExactly("user0", "user89", "user90");
  }
}
