package no.alarm.likemann.forms;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/** Read access to the values a form submitted (and the variables it sees), typed the way the rules need them. */
public final class FormInput {

  private final Function<String, Object> lookup;

  public FormInput(Function<String, Object> lookup) {
    this.lookup = lookup;
  }

  public static FormInput of(Map<String, ?> values) {
    return new FormInput(values::get);
  }

  public Object get(String key) {
    return lookup.apply(key);
  }

  public boolean isEmpty(String key) {
    Object v = get(key);
    return v == null || (v instanceof String s && s.isBlank());
  }

  public String string(String key) {
    Object v = get(key);
    return v instanceof String s ? s : null;
  }

  public boolean isTrue(String key) {
    return Boolean.TRUE.equals(get(key));
  }

  /** A date field's value (form-js sends ISO dates as text), or null when absent or not a date. */
  public LocalDate date(String key) {
    Object v = get(key);
    if (v instanceof String s && !s.isBlank()) {
      try {
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant().atZone(java.time.ZoneId.of("Europe/Oslo")).toLocalDate();
    }
    return null;
  }
}
