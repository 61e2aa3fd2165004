package no.alarm.likemann.navgrant;

import static no.alarm.likemann.navgrant.NavMentorGrant.Element.*;
import static no.alarm.likemann.navgrant.NavMentorGrant.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/nav-mentor-grant.bpmn; the grant runs from November to December 2026. */
@Deployment(resources = "processes/nav-mentor-grant.bpmn")
class NavMentorGrantProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  static final YearMonth LAST = YearMonth.of(2026, 12);

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void standIns() {
    Mocks.register("formInputGuard", (ExecutionListener) e -> calls.add("guard:" + e.getCurrentActivityId()));
    Mocks.register("registerGrantApplicationDelegate", (JavaDelegate) e -> {
      calls.add("register");
      e.setProcessBusinessKey("MT-0001");
      e.setVariable(GRANT_ID, 1L);
    });
    Mocks.register("showGrant", (TaskListener) t -> t.setVariableLocal(GRANT_TEXT, "Mentortilskudd for LM-0001"));
    // as the real listeners do: the first month to claim, then the next until the agreement's last
    Mocks.register("recordGrantDecision", (ExecutionListener) e -> {
      calls.add("decision:" + e.getVariable(DECISION));
      month(e, YearMonth.of(2026, 11));
    });
    Mocks.register("recordRefund", (ExecutionListener) e -> {
      YearMonth month = YearMonth.parse((String) e.getVariable(REFUND_MONTH));
      calls.add("refund:" + month + ":" + e.getVariable(REFUND_OUTCOME));
      if (NavMentorGrant.MENTOR_LEFT.equals(e.getVariable(REFUND_OUTCOME)) || !month.isBefore(LAST)) {
        e.setVariable(PERIOD_OVER, true);
      } else {
        month(e, month.plusMonths(1));
      }
    });
    Mocks.register("recordNavReport", (ExecutionListener) e -> calls.add("reported"));
  }

  static void month(DelegateExecution e, YearMonth month) {
    e.setVariable(REFUND_MONTH, month.toString());
    e.setVariable(REFUND_DUE_AT, NavGrants.claimableAt(month));
    e.setVariable(PERIOD_OVER, false);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  ProcessInstance applied() {
    return runtimeService().startProcessInstanceByKey(NavMentorGrant.PROCESS_KEY, Map.of(MENTOR_REFERENCE, "LM-0001",
        APPLIED_ON, "2026-10-01", APPLIED_FROM, "2026-11-01", APPLIED_TO, "2026-12-31", POSITION_PERCENT, 20,
        AMOUNT_APPLIED, 8000));
  }

  @Test
  void shouldEndWhenNavRefusesTheGrant() {
    ProcessInstance pi = applied();
    assertThat(pi).hasBusinessKey("MT-0001").isWaitingAt(RECORD_DECISION);
    assertThat(task(RECORD_DECISION, pi)).hasCandidateGroup("adviser");
    complete(task(RECORD_DECISION, pi), withVariables(DECISION, NavMentorGrant.REFUSED));

    assertThat(pi).isEnded().hasPassed(GRANT_REFUSED).hasNotPassed(REFUND_MERGE);
    assertThat(calls).containsExactly("guard:" + GRANT_APPLIED, "register", "guard:" + RECORD_DECISION,
        "decision:refused");
  }

  @Test
  void shouldClaimEveryMonthOfTheAgreementWhenItIsOverAndThenReportToNav() {
    ProcessInstance pi = applied();
    complete(task(RECORD_DECISION, pi), withVariables(DECISION, NavMentorGrant.GRANTED));

    assertThat(pi).isWaitingAt(REFUND_MONTH_OVER);
    assertThat(job().getDuedate()).isEqualTo(NavGrants.claimableAt(YearMonth.of(2026, 11)));
    execute(job());
    assertThat(task(CLAIM_REFUND, pi)).hasCandidateGroup("adviser");
    complete(task(CLAIM_REFUND, pi), withVariables(REFUND_OUTCOME, NavMentorGrant.CLAIMED, AMOUNT_CLAIMED, 8000));
    assertThat(pi).isWaitingAt(REFUND_MONTH_OVER);
    assertThat(job().getDuedate()).isEqualTo(NavGrants.claimableAt(LAST));
    execute(job());
    complete(task(CLAIM_REFUND, pi), withVariables(REFUND_OUTCOME, NavMentorGrant.CLAIMED, AMOUNT_CLAIMED, 8000));

    assertThat(pi).isWaitingAt(REPORT_TO_NAV);
    complete(task(REPORT_TO_NAV, pi), withVariables(REPORTED_ON, "2027-01-05"));
    assertThat(pi).isEnded().hasPassed(GRANT_REPORTED);
    assertThat(calls).containsSubsequence("refund:2026-11:claimed", "refund:2026-12:claimed", "reported");
  }

  @Test
  void shouldEndTheGrantWhenTheMentorLeaves() {
    ProcessInstance pi = applied();
    complete(task(RECORD_DECISION, pi), withVariables(DECISION, NavMentorGrant.GRANTED));
    execute(job());
    complete(task(CLAIM_REFUND, pi), withVariables(REFUND_OUTCOME, NavMentorGrant.MENTOR_LEFT));

    assertThat(pi).isWaitingAt(REPORT_TO_NAV).hasPassed(MORE_MONTHS);
    complete(task(REPORT_TO_NAV, pi), withVariables(REPORTED_ON, "2026-12-05"));
    assertThat(pi).isEnded();
    assertThat(calls).contains("refund:2026-11:mentorLeft").doesNotContain("refund:2026-12:claimed");
  }
}
