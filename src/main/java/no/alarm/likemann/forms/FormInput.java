package no.alarm.likemann.forms;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.spin.json.SpinJsonNode;

/** Read access to the values a form submitted (and the variables it sees), typed the way the rules need them. */
public final class FormInput {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, Object> lookup;

  public FormInput(Function<String, Object> lookup) {
    this.lookup = lookup;
  }

  public static FormInput of(Map<String, ?> values) {
    return new FormInput(values::get);
  }

  /**
   * A group's object (a form-js group with a path), as its own input, or null when absent or not an object. Tasklist
   * submits it as a JSON (Spin) variable; the Java API may pass a {@link Map}.
   */
  public FormInput object(String key) {
    Map<?, ?> m = asMap(get(key));
    return m == null ? null : new FormInput(k -> m.get(k));
  }

  /** Whether the value is an object (a map). */
  public boolean isObject(String key) {
    return asMap(get(key)) != null;
  }

  private static Map<?, ?> asMap(Object v) {
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    if (v instanceof SpinJsonNode json) {
      v = json.toString();
    }
    if (v instanceof String s && s.strip().startsWith("{")) {
      try {
        return JSON.readValue(s, Map.class);
      } catch (JsonProcessingException e) {
        return null;
      }
    }
    return null;
  }

  /** A whole number, or null when absent or not a whole number. */
  public Integer integer(String key) {
    Object v = get(key);
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    return null;
  }

  /**
   * A form's date: {@code yyyy-mm-dd}, or an ISO date and time ({@code 2026-11-24T10:00:00Z}); null for anything
   * else, also a date with text after it ({@code 2026-11-24xyz}).
   */
  public static LocalDate parseDate(String value) {
    String s = value.strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s);
      }
      if (s.length() > 10 && s.charAt(10) == 'T') {
        try {
          return java.time.OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException notOffset) {
          return java.time.LocalDateTime.parse(s).toLocalDate();
        }
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
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

  /**
   * A checklist's or tag list's choices: Tasklist sends them as a JSON (Spin) list, the Java API as a {@link List},
   * the REST API may send the JSON as text. Empty when absent; null when the value is not a list of text.
   */
  public List<String> choices(String key) {
    Object v = get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof SpinJsonNode json) {
      v = json.toString();
    }
    if (v instanceof String s) {
      if (s.isBlank()) {
        return List.of();
      }
      try {
        v = JSON.readValue(s, List.class);
      } catch (JsonProcessingException e) {
        return null;
      }
    }
    if (!(v instanceof List<?> list)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String text)) {
        return null;
      }
      out.add(text);
    }
    return List.copyOf(out);
  }

  public boolean isTrue(String key) {
    return Boolean.TRUE.equals(get(key));
  }

  /** A date field's value (form-js sends ISO dates as text), or null when absent or not a date. */
  public LocalDate date(String key) {
    Object v = get(key);
    if (v instanceof String s && !s.isBlank()) {
      return parseDate(s);
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant().atZone(java.time.ZoneId.of("Europe/Oslo")).toLocalDate();
    }
    return null;
  }
}
