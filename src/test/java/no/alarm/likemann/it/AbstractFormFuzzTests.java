package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;
import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.alarm.likemann.forms.FormInputValidator;
import no.alarm.likemann.forms.FormSchema;
import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Every form of the journey and the start forms, sent through the REST API with bad values in every field: wrong
 * types, numbers too big for any id, text over the form's limit, NUL characters, dates with trailing text or from
 * another century, choices that are not offered, fields the form does not have and serialized Java objects. Not one
 * may get a 5xx, not one may be accepted, and a refusal leaves nothing behind. Then the valid input goes through,
 * so that every refusal was for the bad value (nested in the H2 and PostgreSQL test classes).
 */
abstract class AbstractFormFuzzTests extends ApplicationTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SERIALIZED = "{\"type\":\"Object\",\"value\":\"rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==\","
      + "\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
      + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";

  @Autowired FormInputValidator validator;

  /** What went wrong, one line per bad request. */
  final List<String> violations = new ArrayList<>();
  int sent;

  @Test
  void noBadValueInAnyFieldOfTheJourneyGetsA5xxOrIsAccepted() throws Exception {
    long mentorId = ownMentor("tone", "Tone Testkvinne");
    String start = "/engine-rest/process-definition/key/" + ParticipantJourney.PROCESS_KEY + "/submit-form";
    LongSupplier journeys = () -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(ParticipantJourney.PROCESS_KEY).count();
    String started = fuzz("ruskonsulent", start, REFERRAL_RECEIVED, Referrals.valid(), journeys);
    ProcessInstance pi = runtime.createProcessInstanceQuery()
        .processInstanceId(JSON.readTree(started).path("id").asText()).singleResult();
    try {
      task("koordinator", pi, ASSESS_REFERRAL, values("assessment", "offer", "assessmentNote", "Passer"));
      task("koordinator", pi, HOLD_INFORMATION_MEETING, values(INFORMATION_MEETING_DATE, TODAY,
          "participantAttended", true, PARTICIPANT_WANTS_MENTOR, "yes", "informationMeetingNotes", "Møtt"));
      task("koordinator", pi, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentorId),
          "matchingNote", "Lik bakgrunn"));
      task("koordinator", pi, HOLD_COUPLING_MEETING, couplingContract(true));
      Task week = openWeeklyLog(pi);
      assertThat(week.getAssignee()).isEqualTo("tone");
      String day = (String) tasks.getVariable(week.getId(), WEEK_END);
      String row = "{\"contactDate\":\"" + day + "\",\"contactTime\":\"00:00\",\"contactMinutes\":10,"
          + "\"contactType\":\"phone\",\"contactReached\":\"yes\"}";
      fuzzTask("tone", week, LOG_WEEKLY_CONTACTS, values(CONTACT_COUNT, 1, contact(1), spin(row), "coordinatorContact", "no"));
      task("koordinator", pi, CLOSE_FOLLOW_UP, values(CLOSING_REASON, "other", CLOSING_NOTE, "Flyttet"));
      task("koordinator", pi, WRITE_CLOSING_REPORT, values("closingReportSummary", "Oppsummert",
          "closingReportGoals", "Nådd", "closingReportRecommendations", "Ingen", "closingReportSentDate", TODAY));
    } finally {
      pause(mentorId);
      endJourneys(pi);
    }

    System.out.printf("Form fuzz, the journey: %d bad requests, %d answered 5xx or accepted or left something%n", sent,
        violations.size());
    assertThat(sent).as("bad requests sent").isGreaterThan(150);
    assertThat(violations).as(sent + " bad requests").isEmpty();
  }

  @Test
  void noBadValueInAStartFormGetsA5xxOrIsAccepted() throws Exception {
    record Start(String user, String key, String form, Map<String, Object> base) {}
    for (Start s : List.of(
        new Start("radgiver", "mentorOnboarding", "candidateRegistered", values("candidateName", "Kari Kandidat",
            "candidateContact", "kari@example.org", "municipality", "skien", "experience", "own",
            "soberSince", "2020-01-01", "gender", "female", "birthYear", 1985, "substanceHistory", "Alkohol",
            "interests", "Fotball")),
        new Start("koordinator", "treatmentUpdate", "treatmentUpdateSubmitted", values(REFERRAL_REFERENCE,
            "HEN-2026-99999", "tsbStartedOn", TODAY, "individualPlanUpdate", "yes", "brukerplanUpdate", "no")),
        new Start("koordinator", "journeyChange", "journeyChangeReported", values(REFERRAL_REFERENCE,
            "HEN-2026-99999", "journeyChange", "newMentor", "changeRequestedBy", "coordinator")),
        new Start("prosjektleder", "steeringGroupReport", "steeringReportRequested", values("reportKind",
            "halfYear", "reportYear", 2025)),
        new Start("koordinator", "monthlyReporting", "reportMonthRequested", values("reportMonth", "2026-01")),
        new Start("prosjektleder", "workingGroupMonth", "workingGroupMonthRequested", values("groupMonth",
            java.time.YearMonth.now(java.time.ZoneId.of("Europe/Oslo")).minusMonths(2).toString())),
        new Start("admin", "addMunicipality", "newMunicipalityEntered", values("municipalityName", "Fyresdal",
            "region", "grenland")),
        new Start("likemann", "workParticipation", "medarbeiderJoined", values("medarbeiderName", "Ola",
            "workplace", "kafe", "agreedDays", spin("[\"monday\"]"), "startDate", TODAY)))) {
      String url = "/engine-rest/process-definition/key/" + s.key() + "/submit-form";
      LongSupplier instances = () -> runtime.createProcessInstanceQuery().processDefinitionKey(s.key()).count();
      // the valid input is not sent: these starts have effects the other tests count
      mutate(s.user(), url, s.form(), s.base(), instances);
    }
    System.out.printf("Form fuzz, the start forms: %d bad requests, %d answered 5xx or accepted or left something%n",
        sent, violations.size());
    assertThat(sent).as("bad requests sent").isGreaterThan(100);
    assertThat(violations).as(sent + " bad requests").isEmpty();
  }

  /** A JSON (Spin) value, as Tasklist sends groups and checklists. */
  static Map<String, Object> spin(String value) {
    return Map.of("type", "Json", "value", value);
  }

  private void task(String user, ProcessInstance pi, String key, Map<String, Object> base) throws Exception {
    fuzzTask(user, taskOf(pi, key), key, base);
  }

  private void fuzzTask(String user, Task task, String form, Map<String, Object> base) throws Exception {
    as(user);
    if (!user.equals(task.getAssignee())) {
      tasks.claim(task.getId(), user);
    }
    identity.clearAuthentication();
    LongSupplier open = () -> tasks.createTaskQuery().taskId(task.getId()).count();
    fuzz(user, "/engine-rest/task/" + task.getId() + "/submit-form", form, base, open);
  }

  /** Every bad variant, then the valid input, which must go through. */
  private String fuzz(String user, String url, String form, Map<String, Object> base, LongSupplier state)
      throws Exception {
    mutate(user, url, form, base, state);
    ResponseEntity<String> valid = rest.withBasicAuth(user, password(user)).postForEntity(url, json(body(base)), String.class);
    assertThat(valid.getStatusCode().is2xxSuccessful())
        .as(form + " with valid input: " + valid.getBody() + "; after " + violations).isTrue();
    return valid.getBody();
  }

  private void mutate(String user, String url, String form, Map<String, Object> base, LongSupplier state)
      throws Exception {
    FormSchema schema = validator.schema(form);
    long before = state.getAsLong();
    for (Map.Entry<String, Map<String, Object>> bad : variants(schema, base).entrySet()) {
      sent++;
      ResponseEntity<String> answer = rest.withBasicAuth(user, password(user)).postForEntity(url,
          json(body(bad.getValue())), String.class);
      int status = answer.getStatusCode().value();
      if (status >= 500) {
        violations.add(form + " " + bad.getKey() + ": " + status + " " + answer.getBody());
      } else if (status < 400) {
        violations.add(form + " " + bad.getKey() + ": accepted (" + status + ")");
      } else if (state.getAsLong() != before) {
        violations.add(form + " " + bad.getKey() + ": refused, but something changed");
      }
      before = state.getAsLong();
    }
  }

  /** The bad variants of the valid input, each named for the report. */
  static Map<String, Map<String, Object>> variants(FormSchema schema, Map<String, Object> base) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (FormSchema.Field f : schema.fields()) {
      for (Map.Entry<String, Object> v : badValues(f).entrySet()) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(f.key(), v.getValue());
        out.put(f.key() + "=" + v.getKey(), m);
      }
    }
    for (FormSchema.ObjectField group : schema.objects()) {
      if (!base.containsKey(group.path())) {
        continue;
      }
      for (FormSchema.Field f : group.items()) {
        for (Map.Entry<String, Object> v : badValues(f).entrySet()) {
          if (v.getValue() instanceof Map) {
            continue; // typed values are for the top level
          }
          Map<String, Object> m = new LinkedHashMap<>(base);
          m.put(group.path(), spin(withItem(base.get(group.path()), f.key(), v.getValue())));
          out.put(group.path() + "." + f.key() + "=" + v.getKey(), m);
        }
      }
      Map<String, Object> m = new LinkedHashMap<>(base);
      m.put(group.path(), spin(withItem(base.get(group.path()), "couplingId", 3)));
      out.put(group.path() + ".couplingId (not in the form)", m);
    }
    Map<String, Object> unknown = new LinkedHashMap<>(base);
    unknown.put("priority", 3);
    out.put("priority (not in the form)", unknown);
    Map<String, Object> nulName = new LinkedHashMap<>(base);
    nulName.put("a\u0000b", "x");
    out.put("a NUL in a name", nulName);
    return out;
  }

  private static String withItem(Object group, String key, Object value) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree((String) ((Map<?, ?>) group).get("value"));
      node.set(key, JSON.valueToTree(value));
      return JSON.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> badValues(FormSchema.Field f) {
    return no.alarm.likemann.support.BadValues.of(f, AbstractFormFuzzTests::spin, SERIALIZED);
  }

  /** The REST API's body: each value as {"value": ...}, or as given when it is already typed. */
  static String body(Map<String, Object> values) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> typed) {
        variables.set(e.getKey(), JSON.valueToTree(typed));
      } else if (SERIALIZED.equals(v)) {
        variables.set(e.getKey(), JSON.readTree(SERIALIZED));
      } else {
        ObjectNode value = JSON.createObjectNode();
        value.set("value", JSON.valueToTree(v));
        variables.set(e.getKey(), value);
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return JSON.writeValueAsString(body);
  }
}
