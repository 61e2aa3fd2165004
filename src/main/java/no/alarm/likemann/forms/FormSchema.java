package no.alarm.likemann.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields of one Camunda Form (.form, form-js JSON) and the rules the form itself checks in the browser:
 * required, min/max, minLength/maxLength and the allowed values of selects, radios and checklists. The server reads the same
 * file, so the form and the server never disagree. Disabled fields (shown for reading) are not input.
 */
public record FormSchema(String id, List<Field> fields, List<ObjectField> objects, Set<String> inputKeys) {

  /** Every component form-js submits a value for (when not disabled). */
  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "datetime", "checklist", "taglist");
  private static final Set<String> SUBMITTED_TYPES = INPUT_TYPES;

  /** One input field. {@code conditional} fields can be hidden; their requirement is a domain rule. */
  public record Field(
      String key,
      String type,
      String subtype,
      String label,
      boolean required,
      Double min,
      Double max,
      Integer minLength,
      Integer maxLength,
      List<String> values,
      String valuesKey,
      boolean conditional,
      String choicesFrom) {

    /** Whether the choices come from data (a variable, or the register): not from the form's own list. */
    public boolean choicesFromData() {
      return valuesKey != null || choicesFrom != null;
    }
  }

  /**
   * A group with a {@code path}: the form submits its fields as one object under the path (Tasklist sends it as a JSON
   * variable). A hidden ({@code conditional}) group is not submitted; when it must be there is a domain rule.
   */
  public record ObjectField(String path, String label, List<Field> items, boolean conditional) {}

  public static FormSchema parse(InputStream json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      List<Field> fields = new ArrayList<>();
      List<ObjectField> objects = new ArrayList<>();
      collect(root.path("components"), fields, objects);
      Set<String> keys = new java.util.LinkedHashSet<>();
      submitted(root.path("components"), keys);
      return new FormSchema(root.path("id").asText(), List.copyOf(fields), List.copyOf(objects), Set.copyOf(keys));
    } catch (IOException e) {
      throw new UncheckedIOException("Form is not valid JSON", e);
    }
  }

  private static void collect(JsonNode components, List<Field> into, List<ObjectField> objects) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if ("group".equals(type) && c.hasNonNull("path") && !c.get("path").asText().isBlank()) {
        List<Field> items = new ArrayList<>();
        collect(c.path("components"), items, objects);
        objects.add(new ObjectField(c.get("path").asText(), c.path("label").asText(c.get("path").asText()),
            List.copyOf(items), c.has("conditional")));
        continue;
      }
      if (c.has("components")) {
        collect(c.path("components"), into, objects);
      }
      // disabled fields only show what is already known: the form does not submit them
      if (!INPUT_TYPES.contains(type) || !c.hasNonNull("key") || c.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode v = c.path("validate");
      List<String> values = new ArrayList<>();
      c.path("values").forEach(option -> values.add(option.path("value").asText()));
      String label = c.hasNonNull("label") ? c.get("label").asText()
          : c.hasNonNull("dateLabel") ? c.get("dateLabel").asText() : c.path("timeLabel").asText(c.get("key").asText());
      into.add(new Field(
          c.get("key").asText(),
          type,
          c.hasNonNull("subtype") ? c.get("subtype").asText() : null,
          label,
          v.path("required").asBoolean(false),
          v.hasNonNull("min") ? v.get("min").asDouble() : null,
          v.hasNonNull("max") ? v.get("max").asDouble() : null,
          v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
          v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
          List.copyOf(values),
          c.hasNonNull("valuesKey") ? c.get("valuesKey").asText() : null,
          c.has("conditional"),
          c.path("properties").hasNonNull(FormChoices.PROPERTY)
              ? c.path("properties").get(FormChoices.PROPERTY).asText() : null));
    }
  }

  /**
   * The top-level names the form submits: the keys of its enabled input fields and the paths of its groups with a
   * path (submitted as one object). Anything else in a start or a completion did not come from this form.
   */
  private static void submitted(JsonNode components, Set<String> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if ("group".equals(type) && c.hasNonNull("path") && !c.get("path").asText().isBlank()) {
        into.add(c.get("path").asText());
        continue;
      }
      if (c.has("components")) {
        submitted(c.path("components"), into);
      }
      if (SUBMITTED_TYPES.contains(type) && c.hasNonNull("key") && !c.path("disabled").asBoolean(false)) {
        into.add(c.get("key").asText());
      }
    }
  }

  public ObjectField object(String path) {
    return objects.stream().filter(o -> o.path().equals(path)).findFirst().orElse(null);
  }

  public Field field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }
}
