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
   * A dynamic list's items, each as its own input, or null when the value is absent. Tasklist submits lists as JSON
   * (Spin) variables; the Java API may pass a {@link List} of maps. Anything else is not a list: {@link #isList}.
   */
  public List<FormInput> list(String key) {
    Object v = get(key);
    List<?> items = asList(v);
    if (items == null) {
      return null;
    }
    List<FormInput> inputs = new ArrayList<>();
    for (Object item : items) {
      inputs.add(item instanceof Map<?, ?> m ? new FormInput(k -> m.get(k)) : new FormInput(k -> null));
    }
    return inputs;
  }

  /** Whether the value is a list whose items are all objects. */
  public boolean isList(String key) {
    List<?> items = asList(get(key));
    return items != null && items.stream().allMatch(i -> i instanceof Map);
  }

  private static List<?> asList(Object v) {
    if (v instanceof List<?> l) {
      return l;
    }
    if (v instanceof SpinJsonNode json) {
      v = json.toString();
    }
    if (v instanceof String s && s.strip().startsWith("[")) {
      try {
        return JSON.readValue(s, List.class);
      } catch (JsonProcessingException e) {
        return null;
      }
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
