package no.alarm.likemann.onboarding;

import static no.alarm.likemann.onboarding.MentorOnboarding.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;

/**
 * "These criteria will never be waived" (plan 000 §7): every path through the onboarding model that reaches
 * {@code mentorActivated} passes every gate, and activation itself refuses a record with a gate missing.
 */
class NoGateIsWaivedTest {

  /** The flows and steps every path to activation must contain: the passing branch of each gate. */
  static final List<String> GATES = List.of(
      "eligibleFlow",                       // own or next-of-kin experience, two years sober
      ASSESS_SUITABILITY, "suitableFlow",   // personal suitability approved
      COMPLETE_BEDRE_HVERDAG, COMPLETE_BRUKERREPRESENTANT, COMPLETE_LIKEMANNSKURS, // the A-larm school
      "enoughHoursFlow",                    // at least 45 hours
      SIGN_CONFIDENTIALITY_DECLARATION, ACKNOWLEDGE_CONFIDENTIALITY_COPY,
      EMPLOY_MENTOR, ACTIVATE_MENTOR);

  final BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/mentor-onboarding.bpmn").toFile());

  @Test
  void everyPathToActivationPassesEveryGate() {
    StartEvent start = model.getModelElementById(CANDIDATE_REGISTERED);
    List<List<String>> paths = new ArrayList<>();
    walk(start, new ArrayList<>(), new ArrayList<>(), paths);

    assertThat(paths).as("paths from registration to activation").isNotEmpty();
    for (List<String> path : paths) {
      assertThat(path).as("path " + path).containsAll(GATES);
      assertThat(path).as("municipalities asked: " + path)
          .containsAnyOf(COLLECT_MUNICIPALITY_COMMENT, MUNICIPALITY_COMMENT_TIMEOUT);
    }
    // with the two loops (waiting to two years, supplementary training) and the comment timeout: 8 shapes of path
    assertThat(paths).hasSize(8);
  }

  @Test
  void theGatesOnTheWayAreTheOnlyWaysForward() {
    // the gateways leading on are guarded by the passing condition alone
    assertThat(condition("eligibleFlow")).isEqualTo("${eligibility == 'eligible'}");
    assertThat(condition("suitableFlow")).isEqualTo("${suitabilityDecision == 'approve'}");
    assertThat(condition("enoughHoursFlow")).isEqualTo("${schoolHoursTotal >= 45}");
    // and the school is a parallel split whose three courses all join again
    ParallelGateway join = model.getModelElementById("schoolJoin");
    assertThat(join.getIncoming()).extracting(f -> f.getSource().getId())
        .containsExactlyInAnyOrder(COMPLETE_BEDRE_HVERDAG, COMPLETE_BRUKERREPRESENTANT, COMPLETE_LIKEMANNSKURS);
  }

  @Test
  void activationRefusesARecordWithAnyGateMissing() {
    Map<String, Integer> school = Map.of("bedreHverdag", 15, "brukerrepresentant", 15, "likemannskurs", 15);
    LocalDate d = LocalDate.of(2026, 11, 1);
    Gates complete = new Gates(d, "pia", true, false, school, d, "pia", d);
    assertThat(complete.missing()).isEmpty();
    assertThat(new Gates(d, "pia", false, true, school, d, "pia", d).missing()).isEmpty();

    assertThat(new Gates(null, "pia", true, false, school, d, "pia", d).missing())
        .containsExactly("experience and two years sober");
    assertThat(new Gates(d, null, true, false, school, d, "pia", d).missing()).containsExactly("personal suitability");
    assertThat(new Gates(d, "pia", false, false, school, d, "pia", d).missing())
        .containsExactly("municipalities' comment or 14 days without one");
    assertThat(new Gates(d, "pia", true, false, Map.of("bedreHverdag", 30, "likemannskurs", 20), d, "pia", d)
        .missing()).containsExactly("course brukerrepresentant");
    assertThat(new Gates(d, "pia", true, false, Map.of("bedreHverdag", 14, "brukerrepresentant", 15,
        "likemannskurs", 15), d, "pia", d).missing()).containsExactly("at least 45 school hours (has 44)");
    assertThat(new Gates(d, "pia", true, false, school, null, null, null).missing()).containsExactly(
        "confidentiality declaration", "project leader's copy of the confidentiality declaration", "employment");
  }

  private String condition(String flowId) {
    SequenceFlow flow = model.getModelElementById(flowId);
    return flow.getConditionExpression().getTextContent();
  }

  /**
   * Depth-first over the sequence flows (and boundary events, which leave their task another way); each flow is
   * followed at most twice per path, so each loop goes round once or not at all. A parallel split is followed through
   * all its branches to its join, as the engine does.
   */
  private void walk(FlowNode node, List<String> path, List<String> taken, List<List<String>> paths) {
    List<String> here = new ArrayList<>(path);
    here.add(node.getId());
    if (node.getId().equals(MENTOR_ACTIVATED)) {
      paths.add(here);
      return;
    }
    if (node instanceof ParallelGateway fork && fork.getOutgoing().size() > 1) {
      FlowNode join = null;
      for (SequenceFlow branch : fork.getOutgoing()) {
        FlowNode task = branch.getTarget();
        SequenceFlow out = task.getOutgoing().iterator().next();
        here.addAll(List.of(branch.getId(), task.getId(), out.getId()));
        join = out.getTarget();
      }
      walk(join, here, taken, paths);
      return;
    }
    for (SequenceFlow flow : node.getOutgoing()) {
      if (taken.stream().filter(flow.getId()::equals).count() < 2) {
        List<String> takenNext = new ArrayList<>(taken);
        takenNext.add(flow.getId());
        List<String> via = new ArrayList<>(here);
        via.add(flow.getId());
        walk(flow.getTarget(), via, takenNext, paths);
      }
    }
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      if (boundary.getAttachedTo().getId().equals(node.getId())) {
        walk(boundary, here, taken, paths);
      }
    }
  }

  /**
   * The criteria always apply (plan 000 app. 2), also to a mentor coming back after a relapse: every path of the
   * active-mentor model from the relapse to {@code resumeMentor} passes the adviser's follow-up under the internal
   * routine and the eligibility decision's passing branch right before the return.
   */
  @Test
  void theReturnAfterARelapsePassesTheCriteriaAgain() {
    BpmnModelInstance year = Bpmn.readModelFromFile(Path.of("processes/active-mentor.bpmn").toFile());
    List<List<String>> paths = new ArrayList<>();
    toReturn(year.getModelElementById(no.alarm.likemann.mentor.ActiveMentor.Element.RELAPSE_REPORTED),
        new ArrayList<>(), paths);

    // straight back, and back after the wait until two years sober
    assertThat(paths).hasSize(2);
    for (List<String> path : paths) {
      assertThat(path).as("path " + path).contains(no.alarm.likemann.mentor.ActiveMentor.Element.FOLLOW_UP_RELAPSE);
      assertThat(path.subList(path.size() - 4, path.size())).as("path " + path).containsExactly(
          no.alarm.likemann.mentor.ActiveMentor.Element.CHECK_RETURN_ELIGIBILITY, "toReturnEligibilityOutcome",
          no.alarm.likemann.mentor.ActiveMentor.Element.RETURN_ELIGIBILITY_OUTCOME, "eligibleToReturnFlow");
    }
    SequenceFlow eligible = year.getModelElementById("eligibleToReturnFlow");
    assertThat(eligible.getConditionExpression().getTextContent()).isEqualTo("${returnEligibility == 'eligible'}");
    org.camunda.bpm.model.bpmn.instance.BusinessRuleTask check =
        year.getModelElementById(no.alarm.likemann.mentor.ActiveMentor.Element.CHECK_RETURN_ELIGIBILITY);
    assertThat(check.getCamundaDecisionRef()).isEqualTo("mentorEligibility");
  }

  /** Depth-first to {@code resumeMentor}, each flow at most twice per path; the path ends before the return. */
  private static void toReturn(FlowNode node, List<String> path, List<List<String>> paths) {
    if (node.getId().equals(no.alarm.likemann.mentor.ActiveMentor.Element.RESUME_MENTOR)) {
      paths.add(path);
      return;
    }
    List<String> here = new ArrayList<>(path);
    here.add(node.getId());
    for (SequenceFlow flow : node.getOutgoing()) {
      if (here.stream().filter(flow.getId()::equals).count() < 2) {
        List<String> via = new ArrayList<>(here);
        via.add(flow.getId());
        toReturn(flow.getTarget(), via, paths);
      }
    }
  }
}
