package no.alarm.likemann.forms;

import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What a person may send with a start or a completion: the fields of the form they were shown, with the types a
 * form sends, and nothing else. Every other name (a variable the process routes on, someone else's id), every
 * serialized Java object, file or byte array, and every text with a NUL character is refused before anything runs.
 * Plain Java: tested without the engine.
 */
public final class SubmittedInput {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The types a Camunda Form sends (Tasklist: untyped text, numbers, booleans; groups and lists as JSON). */
  private static final Set<String> FORM_TYPES = Set.of(ValueType.STRING.getName(), ValueType.BOOLEAN.getName(),
      ValueType.INTEGER.getName(), ValueType.LONG.getName(), ValueType.SHORT.getName(), ValueType.DOUBLE.getName(),
      ValueType.DATE.getName(), ValueType.NULL.getName(), "json");

  private SubmittedInput() {}

  /**
   * The refusals for the submitted values against the form (null: the step has no form, so it takes no input).
   * Empty when everything came from the form.
   */
  public static List<Violation> violations(FormSchema form, Map<String, ?> submitted) {
    List<Violation> out = new ArrayList<>();
    if (submitted == null || submitted.isEmpty()) {
      return out;
    }
    // a VariableMap as it is: reading its entries' plain values would deserialize what was sent
    @SuppressWarnings("unchecked")
    VariableMap values = submitted instanceof VariableMap map ? map
        : Variables.fromMap((Map<String, Object>) submitted);
    for (String key : values.keySet()) {
      if (form == null || !form.inputKeys().contains(key)) {
        out.add(new Violation(printable(key), "Feltet «" + printable(key) + "» finnes ikke i skjemaet.",
            printable(key) + " is not a field of " + (form == null ? "this step, which has no form" : "form "
                + form.id())));
        continue;
      }
      checkValue(form, key, values.getValueTyped(key), out);
    }
    return out;
  }

  private static void checkValue(FormSchema form, String key, TypedValue typed, List<Violation> out) {
    Object raw = typed == null ? null : rawOf(typed);
    String type = typed == null || typed.getType() == null ? null : typed.getType().getName();
    if (type == null) {
      // untyped (the Java API, or Tasklist's plain values): judged by the value itself
      if (!(raw == null || raw instanceof String || raw instanceof Boolean || raw instanceof Integer
          || raw instanceof Long || raw instanceof Short || raw instanceof Double || raw instanceof Date
          || raw instanceof SpinJsonNode || isListOfText(raw))) {
        out.add(wrongType(key, raw.getClass().getSimpleName()));
        return;
      }
    } else if (!FORM_TYPES.contains(type)) {
      out.add(wrongType(key, type));
      return;
    }
    String text = raw instanceof String s ? s : raw instanceof SpinJsonNode j ? j.toString() : null;
    if (text != null && text.indexOf('\0') >= 0) {
      out.add(new Violation(key, "«" + key + "» inneholder et ugyldig tegn.", key + " contains a NUL character"));
      return;
    }
    FormSchema.ObjectField group = form.object(key);
    if (group != null && text != null) {
      checkGroup(group, key, text, out);
    }
  }

  /** A group's object may hold its own fields only, as plain values. */
  private static void checkGroup(FormSchema.ObjectField group, String key, String json, List<Violation> out) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return; // not an object at all: the form rules say so, with the group's label
    }
    if (!node.isObject()) {
      return;
    }
    Set<String> allowed = new java.util.HashSet<>();
    group.items().forEach(f -> allowed.add(f.key()));
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = key + "." + printable(e.getKey());
      if (!allowed.contains(e.getKey())) {
        out.add(new Violation(path, "Feltet «" + path + "» finnes ikke i skjemaet.",
            path + " is not a field of group " + key));
      } else if (e.getValue().isContainerNode()) {
        out.add(wrongType(path, "nested object"));
      }
    }
  }

  /** A checklist's choices through the Java API (Tasklist sends them as JSON). */
  private static boolean isListOfText(Object raw) {
    return raw instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
  }

  private static Object rawOf(TypedValue typed) {
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return typed.getValue();
  }

  private static Violation wrongType(String key, String type) {
    return new Violation(key, "«" + key + "» har en type skjemaet ikke sender.",
        key + " has a type no form sends (" + type + ")");
  }

  /** A name for messages and logs: at most 60 characters, no control characters. */
  static String printable(String key) {
    String clean = key.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
  }
}
