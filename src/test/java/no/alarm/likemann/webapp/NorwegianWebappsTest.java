package no.alarm.likemann.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, the welcome page (profile, password), Cockpit and Admin in Norwegian: each app's {@code locales/nb.json}
 * has a text for every label of the app this build ships (its {@code en.json}), with the same placeholders and markup.
 * A Camunda upgrade that adds a label fails here, so nobody ever sees a bare label key.
 */
class NorwegianWebappsTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  // HTML in a label (a link, a line break); "<null>" and "<undefined>" are shown as text and may be translated
  private static final Pattern TAG = Pattern.compile("<(/?(?:a|br|b|strong|em|i|span|p|code))\\b[^>]*>");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void everyLabelHasANorwegianText(String app) throws IOException {
    JsonNode english = read(app, "en.json").get("labels");
    JsonNode norwegian = read(app, "nb.json").get("labels");

    assertThat(names(norwegian)).isEqualTo(names(english));
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> label : english.properties()) {
      String en = label.getValue().asText();
      String nb = norwegian.get(label.getKey()).asText();
      if (!en.isBlank() && nb.isBlank()) {
        problems.add(label.getKey() + " is empty");
      }
      if (!all(PLACEHOLDER, en).equals(all(PLACEHOLDER, nb))) {
        problems.add(label.getKey() + " changes the placeholders " + all(PLACEHOLDER, en) + " to " + all(PLACEHOLDER, nb));
      }
      if (!all(TAG, en).equals(all(TAG, nb))) {
        problems.add(label.getKey() + " changes the markup " + all(TAG, en) + " to " + all(TAG, nb));
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreWrittenTheNorwegianWay(String app) throws IOException {
    JsonNode english = read(app, "en.json").get("dateLocales");
    JsonNode norwegian = read(app, "nb.json").get("dateLocales");

    assertThat(names(norwegian)).isEqualTo(names(english));
    assertThat(norwegian.get("months").get(11).asText()).isEqualTo("desember");
    assertThat(norwegian.get("weekdays").get(1).asText()).isEqualTo("mandag");
    assertThat(norwegian.get("longDateFormat").get("L").asText()).isEqualTo("DD.MM.YYYY");
    assertThat(norwegian.get("week").get("dow").asInt()).as("weeks start on Monday").isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void theAppIsConfiguredForNorwegianOnly(String app) throws IOException {
    String config;
    try (InputStream in = resource(APPS + app + "/scripts/config.js")) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(config).contains("availableLocales: ['nb']").contains("fallbackLocale: 'nb'");
  }

  /**
   * Camunda's header widget shows every app a red bar urging a move to Camunda 8 (class {@code ce-eol-banner}); each
   * app's {@code styles/user-styles.css} (which replaces the webjar's empty one) hides it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void noAppShowsTheVendorsMigrationBanner(String app) throws IOException {
    assertThat(text(APPS + app + "/camunda-" + app + "-bootstrap.js")).as("the banner is Camunda's own")
        .contains("ce-eol-banner");
    assertThat(text(APPS + app + "/styles/user-styles.css").replaceAll("\\s+", " "))
        .contains("[cam-widget-header] .ce-eol-banner { display: none !important; }");
  }

  /**
   * form-js (in Camunda's {@code lib/deps.js}) writes its own checks' messages in English; the Tasklist script
   * {@code likemann-norwegian-forms.js} turns each into Norwegian. Every message form-js can show must match one of the
   * script's patterns, so a Camunda upgrade that adds one fails here.
   */
  @Test
  void everyFormJsMessageHasANorwegianText() throws IOException {
    String formJs = text("META-INF/resources/webjars/camunda/lib/deps.js");
    String script = text(APPS + "tasklist/scripts/likemann-norwegian-forms.js");
    List<Pattern> patterns = new ArrayList<>();
    Matcher literal = Pattern.compile("^\\s*\\[/(.+?)/,", Pattern.MULTILINE).matcher(script);
    while (literal.find()) {
      patterns.add(Pattern.compile(literal.group(1)));
    }
    List<String> messages = new ArrayList<>();
    Matcher pushed = Pattern.compile("push\\(([\"`])((?:Field|Please)[^\"`]*)\\1\\)|\"(Date and time must both[^\"]*)\"")
        .matcher(formJs);
    while (pushed.find()) {
      String message = pushed.group(2) != null ? pushed.group(2) : pushed.group(3);
      // a template's ${...} as form-js fills it in
      messages.add(message.replaceAll("\\$\\{[^}]*}", "7"));
    }

    assertThat(messages).as("form-js's messages, found in deps.js").hasSizeGreaterThanOrEqualTo(9)
        .contains("Field is required.", "Field must have minimum value of 7.");
    assertThat(messages).allSatisfy(message -> assertThat(patterns).as(message)
        .anyMatch(pattern -> pattern.matcher(message).matches()));
    assertThat(text(APPS + "tasklist/scripts/config.js")).contains("customScripts: ['scripts/likemann-norwegian-forms'");
  }

  private static String text(String path) throws IOException {
    try (InputStream in = resource(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private JsonNode read(String app, String file) throws IOException {
    try (InputStream in = resource(APPS + app + "/locales/" + file)) {
      // Camunda's own files start with a byte order mark
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return json.readTree(text);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = NorwegianWebappsTest.class.getClassLoader().getResourceAsStream(path);
    assertThat(in).as(path).isNotNull();
    return in;
  }

  private static TreeSet<String> names(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    found.sort(null);
    return found;
  }
}
