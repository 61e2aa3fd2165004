package no.alarm.likemann;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/** The few places where the project's SQL differs between H2 (the embedded default) and PostgreSQL. */
public enum SqlDialect {
  H2, POSTGRES;

  public static SqlDialect of(JdbcTemplate jdbc) {
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    return product != null && product.toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRES : H2;
  }
}
