package no.alarm.likemann.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a select of a form (form-js JSON, as fetched) offers, as {@code value=label}. */
public final class OfferedChoices {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OfferedChoices() {}

  public static List<String> of(byte[] form, String key) throws IOException {
    return of(JSON.readTree(form), key);
  }

  public static List<String> of(String form, String key) throws IOException {
    return of(JSON.readTree(form), key);
  }

  private static List<String> of(JsonNode form, String key) {
    List<String> values = new ArrayList<>();
    find(form.path("components"), key, values);
    return values;
  }

  private static void find(JsonNode components, String key, List<String> into) {
    for (JsonNode c : components) {
      find(c.path("components"), key, into);
      if (key.equals(c.path("key").asText())) {
        c.path("values").forEach(v -> into.add(v.path("value").asText() + "=" + v.path("label").asText()));
      }
    }
  }
}
