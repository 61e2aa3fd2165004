package no.alarm.likemann.referral;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The municipalities of the service (table municipality, kept by Flyway). Read once: they change only by migration. */
@Component
public class MunicipalityRegistry {

  private final JdbcTemplate jdbc;
  private volatile Map<String, Municipality> byCode;

  public MunicipalityRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Municipality> find(String code) {
    return Optional.ofNullable(code == null ? null : all().get(code));
  }

  public Map<String, Municipality> all() {
    Map<String, Municipality> m = byCode;
    if (m == null) {
      List<Municipality> rows = jdbc.query("SELECT code, name, region FROM municipality ORDER BY name",
          (rs, i) -> new Municipality(rs.getString("code"), rs.getString("name"), rs.getString("region")));
      m = rows.stream().collect(Collectors.toUnmodifiableMap(Municipality::code, Function.identity()));
      byCode = m;
    }
    return m;
  }
}
