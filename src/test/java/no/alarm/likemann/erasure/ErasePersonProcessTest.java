package no.alarm.likemann.erasure;

import static no.alarm.likemann.erasure.ErasePerson.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/erase-person.bpmn, every path: confirmed by a second person and erased, after which the process has
 * forgotten the reference; declined, which keeps the request; confirmed by the one who asked, which is refused.
 * The erasure itself is {@link PersonErasure}'s, tried on the real application (AbstractErasureTests).
 */
@Deployment(resources = "processes/erase-person.bpmn")
class ErasePersonProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  static final String REFERENCE = "HEN-2026-00042";
  final List<String> done = new ArrayList<>();
  final ErasureDelegates delegates = new ErasureDelegates();

  @BeforeEach
  void mocks() {
    PersonErasure erasure = new PersonErasure(null, null, null, null, null, null) {
      @Override
      public Erased erase(String reference, Set<String> spared) {
        done.add("erase " + reference);
        return new Erased(2, 5, List.of("hash-1", "hash-2"));
      }
    };
    Erasures erasures = new Erasures(null, null) {
      @Override
      public java.util.Optional<String> referenceOf(long id) {
        return java.util.Optional.of(REFERENCE);
      }

      @Override
      public void erased(long id, String decidedBy, int journeys, List<String> hashes) {
        done.add("erased " + id + " by " + decidedBy + ": " + journeys + " " + hashes);
      }

      @Override
      public void declined(long id, String decidedBy) {
        done.add("declined " + id + " by " + decidedBy);
      }
    };
    Mocks.register("formInputGuard", (ExecutionListener) e -> { });
    // the request as recordErasureRequestDelegate leaves it (its checks are tried on the real application)
    Mocks.register("recordErasureRequestDelegate", (JavaDelegate) e -> {
      e.setProcessBusinessKey(ErasePerson.BUSINESS_KEY_PREFIX + 7);
      e.setVariable(ERASURE_ID, 7L);
      e.setVariable(ERASURE_JOURNEYS, 2);
      e.setVariable(ERASURE_REQUESTED_BY, "prosjektleder");
    });
    Mocks.register("confirmErasureGuard", delegates.confirmErasureGuard());
    Mocks.register("erasePersonDelegate", delegates.erasePersonDelegate(erasure, erasures));
    Mocks.register("forgetErasureRequestDelegate", delegates.forgetErasureRequestDelegate(historyService()));
    Mocks.register("declineErasureDelegate", delegates.declineErasureDelegate(erasures));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    identityService().clearAuthentication();
  }

  ProcessInstance requested() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ErasePerson.PROCESS_KEY,
        Map.of(ERASURE_REFERENCE, REFERENCE, ERASURE_REASON, "consentWithdrawn"));
    assertThat(pi).isWaitingAt(ErasePerson.Element.CONFIRM_ERASURE);
    assertThat(pi.getBusinessKey()).isEqualTo("SLETT-7");
    return pi;
  }

  @Test
  void shouldEraseWhenASecondPersonConfirmsAndThenForgetTheReference() {
    ProcessInstance pi = requested();
    assertThat(task()).hasCandidateGroup("projectLeader").hasCandidateGroup("admin");

    identityService().setAuthenticatedUserId("admin");
    complete(task(), Map.of(ERASURE_CONFIRMED, "yes"));
    identityService().clearAuthentication();
    assertThat(pi).isWaitingAt(ErasePerson.Element.ERASE_PERSON);
    execute(job());
    assertThat(done).containsExactly("erase " + REFERENCE, "erased 7 by admin: 2 [hash-1, hash-2]");
    assertThat(pi).isWaitingAt(ErasePerson.Element.FORGET_ERASURE_REQUEST);
    execute(job());

    assertThat(pi).isEnded().hasPassed(ErasePerson.Element.PERSON_ERASED);
    // nothing of the request is left in the history: the erasure's id is in the business key
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()).isEmpty();
    assertThat(historyService().createHistoricDetailQuery().processInstanceId(pi.getId()).list())
        .as(String.valueOf(historyService().createHistoricDetailQuery().processInstanceId(pi.getId()).list().stream()
            .map(d -> d.getClass().getSimpleName() + " " + d.getActivityInstanceId() + " "
                + ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()).toList()))
        .allSatisfy(d -> assertThat(String.valueOf(
            ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue())).doesNotContain(REFERENCE));
  }

  @Test
  void shouldKeepTheRequestWhenTheSecondPersonSaysNo() {
    ProcessInstance pi = requested();
    identityService().setAuthenticatedUserId("prosjektleder2");
    complete(task(), Map.of(ERASURE_CONFIRMED, "no"));

    assertThat(pi).isEnded().hasPassed(ErasePerson.Element.DECLINE_ERASURE, ErasePerson.Element.ERASURE_DECLINED)
        .hasNotPassed(ErasePerson.Element.ERASE_PERSON);
    assertThat(done).containsExactly("declined 7 by prosjektleder2");
  }

  @Test
  void shouldRefuseTheOneWhoAskedToConfirmButLetThemWithdraw() {
    ProcessInstance pi = requested();
    identityService().setAuthenticatedUserId("prosjektleder");
    String id = task().getId();
    assertThatThrownBy(() -> taskService().complete(id, Map.of(ERASURE_CONFIRMED, "yes")))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("må bekreftes av en annen");
    assertThat(pi).isWaitingAt(ErasePerson.Element.CONFIRM_ERASURE);
    assertThat(done).isEmpty();

    taskService().complete(id, Map.of(ERASURE_CONFIRMED, "no"));
    assertThat(pi).isEnded().hasPassed(ErasePerson.Element.ERASURE_DECLINED);
  }
}
