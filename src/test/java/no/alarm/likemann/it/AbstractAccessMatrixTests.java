package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Element.*;
import static no.alarm.likemann.journey.ParticipantJourney.Var.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Every demo role against a journey of its own region and one of another region, and against a weekly log, through
 * /engine-rest, Tasklist's session API and /api (the read log and the person's insight PDF among it): the table below is what each may do, cell by cell. The test fails
 * on any cell that differs, and prints the whole table it measured (nested in the H2 and PostgreSQL test classes).
 */
abstract class AbstractAccessMatrixTests extends ApplicationTestSupport {

  /** What an answer was: a list or object with something in it, an empty one, a refusal, a change made. */
  enum Outcome { SEES, EMPTY, DENIED, OK, ERROR }

  static final List<String> RESOURCES = List.of("tasks", "webtasks", "variables", "history", "decisions", "form",
      "claim", "setvar", "list", "readlog", "insight");

  /**
   * role, journey (grenland: Skien's referral at assessment; rogaland: Stavanger's; week: a Grenland mentor's weekly
   * log, only the task's own resources), and the outcome for each of {@link #RESOURCES}.
   */
  static final String EXPECTED = """
      koordinator      grenland  SEES   SEES   DENIED EMPTY  EMPTY  SEES   OK     DENIED SEES   DENIED DENIED
      koordinator      rogaland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED EMPTY  DENIED DENIED
      ruskonsulent     grenland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED SEES   DENIED DENIED
      ruskonsulent     rogaland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED EMPTY  DENIED DENIED
      likemann         grenland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      likemann         rogaland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      prosjektleder    grenland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED SEES   SEES   SEES
      prosjektleder    rogaland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED EMPTY  DENIED DENIED
      radgiver         grenland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      radgiver         rogaland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      styringsgruppe   grenland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      styringsgruppe   rogaland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      arbeidsgruppe    grenland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      arbeidsgruppe    rogaland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      koordinatorsr    grenland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED EMPTY  DENIED DENIED
      koordinatorsr    rogaland  SEES   SEES   DENIED EMPTY  EMPTY  SEES   OK     DENIED SEES   DENIED DENIED
      likemannsr       grenland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      likemannsr       rogaland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      styringsgruppesr grenland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      styringsgruppesr rogaland  EMPTY  EMPTY  DENIED EMPTY  EMPTY  DENIED DENIED DENIED DENIED DENIED DENIED
      admin            grenland  SEES   SEES   SEES   SEES   SEES   SEES   OK     OK     SEES   SEES   SEES
      admin            rogaland  SEES   SEES   SEES   SEES   SEES   SEES   OK     OK     SEES   SEES   SEES
      mats             week      -      -      -      -      -      SEES   -      DENIED -      -      -
      likemann         week      -      -      -      -      -      DENIED -      DENIED -      -      -
      koordinatorsr    week      -      -      -      -      -      DENIED -      DENIED -      -      -
      ruskonsulent     week      -      -      -      -      -      DENIED -      DENIED -      -      -
      """;

  static final ObjectMapper JSON = new ObjectMapper();


  /** The journeys the table speaks of, and their tasks. */
  record Journey(ProcessInstance instance, Task task) {}

  @Test
  void everyRoleAgainstEveryResourceOfItsOwnAndAnotherRegion() throws Exception {
    ProcessInstance grenland = referByCounsellor();
    as("koordinatorsr");
    ProcessInstance rogaland = forms.submitStartForm(latestJourney(), Referrals.with(MUNICIPALITY, "sola"));
    identity.clearAuthentication();
    long mentor = ownMentor("mats", "Mats Matrise");
    ProcessInstance followed = atMatching();
    List<String> measured = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    try {
      work("koordinator", followed, MATCH_MENTOR, values(NO_MENTOR_FITS, false, MENTOR_ID, Long.toString(mentor)));
      work("koordinator", followed, HOLD_COUPLING_MEETING, couplingContract(true));
      Map<String, Journey> journeys = new LinkedHashMap<>();
      journeys.put("grenland", new Journey(grenland, taskOf(grenland, ASSESS_REFERRAL)));
      journeys.put("rogaland", new Journey(rogaland, taskOf(rogaland, ASSESS_REFERRAL)));
      journeys.put("week", new Journey(followed, openWeeklyLog(followed)));

      for (String line : EXPECTED.strip().split("\n")) {
        String[] cells = line.trim().split("\\s+");
        String role = cells[0];
        Journey journey = journeys.get(cells[1]);
        StringBuilder row = new StringBuilder(String.format("%-17s%-10s", role, cells[1]));
        for (int r = 0; r < RESOURCES.size(); r++) {
          String expected = cells[2 + r];
          if ("-".equals(expected)) {
            row.append(String.format("%-7s", "-"));
            continue;
          }
          Outcome got = try_(role, RESOURCES.get(r), journey);
          row.append(String.format("%-7s", got));
          if (!got.name().equals(expected)) {
            differences.add(role + " × " + cells[1] + " × " + RESOURCES.get(r) + ": expected " + expected + ", was "
                + got);
          }
        }
        measured.add(row.toString());
      }
    } finally {
      pause(mentor);
      endJourneys(grenland, rogaland, followed);
    }
    System.out.println("Access matrix (role, journey, " + String.join(", ", RESOURCES) + "):\n"
        + String.join("\n", measured));
    assertThat(differences).as("cells that differ from the table").isEmpty();
  }

  /** One cell: the role tries the resource on the journey. */
  private Outcome try_(String user, String resource, Journey j) throws Exception {
    var api = rest.withBasicAuth(user, password(user));
    String pi = j.instance().getId();
    String task = j.task().getId();
    return switch (resource) {
      case "tasks" -> list(api.getForEntity("/engine-rest/task?processInstanceId=" + pi, String.class));
      case "webtasks" -> {
        // Tasklist's session, or Cockpit's for those who have no Tasklist
        Webapp session;
        try {
          session = Webapp.logIn(rest.getRootUri(), user, password(user), "tasklist");
        } catch (AssertionError noTasklist) {
          session = Webapp.logIn(rest.getRootUri(), user, password(user), "cockpit");
        }
        var answer = session.get("/camunda/api/engine/engine/default/task?processInstanceId=" + pi);
        yield classify(answer.statusCode(), answer.body());
      }
      case "variables" -> list(api.getForEntity("/engine-rest/process-instance/" + pi + "/variables", String.class));
      case "history" -> list(api.getForEntity("/engine-rest/history/variable-instance?processInstanceId=" + pi,
          String.class));
      case "decisions" -> list(api.getForEntity("/engine-rest/history/decision-instance?includeInputs=true"
          + "&processInstanceId=" + pi, String.class));
      case "form" -> list(api.getForEntity("/engine-rest/task/" + task + "/form-variables", String.class));
      case "claim" -> {
        ResponseEntity<String> answer = api.postForEntity("/engine-rest/task/" + task + "/claim",
            json("{\"userId\":\"" + user + "\"}"), String.class);
        tasks.setAssignee(task, j.task().getAssignee());
        yield change(answer);
      }
      case "setvar" -> {
        ResponseEntity<String> answer = api.exchange("/engine-rest/task/" + task + "/variables/matrixProbe",
            HttpMethod.PUT, json("{\"value\":\"x\",\"type\":\"String\"}"), String.class);
        if (tasks.getVariable(task, "matrixProbe") != null) {
          tasks.removeVariable(task, "matrixProbe");
        }
        yield change(answer);
      }
      case "list" -> {
        ResponseEntity<String> answer = api.getForEntity("/api/referrals", String.class);
        yield answer.getStatusCode().is2xxSuccessful()
            ? (answer.getBody().contains(j.instance().getBusinessKey()) ? Outcome.SEES : Outcome.EMPTY)
            : classify(answer.getStatusCode().value(), answer.getBody());
      }
      case "readlog" -> classify(api.getForEntity("/api/case-reads/" + j.instance().getBusinessKey(), String.class)
          .getStatusCode().value(), "[1]");
      case "insight" -> classify(api.getForEntity("/api/persons/" + j.instance().getBusinessKey() + "/insight.pdf",
          byte[].class).getStatusCode().value(), "[1]");
      default -> throw new IllegalArgumentException(resource);
    };
  }

  private static Outcome list(ResponseEntity<String> answer) throws Exception {
    return classify(answer.getStatusCode().value(), answer.getBody());
  }

  private static Outcome change(ResponseEntity<String> answer) {
    int status = answer.getStatusCode().value();
    return status >= 500 ? Outcome.ERROR : status >= 400 ? Outcome.DENIED : Outcome.OK;
  }

  static Outcome classify(int status, String body) throws Exception {
    if (status >= 500) {
      return Outcome.ERROR;
    }
    if (status >= 400) {
      return Outcome.DENIED;
    }
    JsonNode node = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    return node.isEmpty() ? Outcome.EMPTY : Outcome.SEES;
  }
}
