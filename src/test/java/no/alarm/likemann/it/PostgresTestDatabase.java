package no.alarm.likemann.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the integration tests run on: 127.0.0.1:5432, database {@code test}, user postgres (override with
 * LIKEMANN_IT_DB_URL, _USER, _PASSWORD). Emptied once per test run. With CI=true it is required: an unreachable
 * database fails the run instead of skipping it.
 */
final class PostgresTestDatabase {

  static final String URL = env("LIKEMANN_IT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = env("LIKEMANN_IT_DB_USER", "postgres");
  static final String PASSWORD = env("LIKEMANN_IT_DB_PASSWORD", "");

  private static boolean prepared;

  private PostgresTestDatabase() {}

  static synchronized void prepare() {
    if (prepared) {
      return;
    }
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
      prepared = true;
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message + ": with CI=true the PostgreSQL tests are required", e);
      }
      Assumptions.abort(message + ": PostgreSQL tests skipped outside CI");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
