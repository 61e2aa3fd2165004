package no.alarm.likemann.erasure;

import static no.alarm.likemann.erasure.ErasePerson.Var.*;

import java.util.List;
import java.util.Set;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.region.Regions;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code erasePerson}: thin, the work is {@link PersonErasure}'s and {@link Erasures}'. */
@Configuration
public class ErasureDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(ErasureDelegates.class);

  /**
   * {@code recordErasureRequest}: the person can be erased (known, every journey ended), and the one who asks may
   * ask: the project leader of the referral's region, or the administrator. The request gets its row and the
   * process a business key of its own, never the reference.
   */
  @Bean
  JavaDelegate recordErasureRequestDelegate(PersonErasure erasure, Erasures erasures, Regions regions) {
    return execution -> {
      String reference = ((String) execution.getVariable(ERASURE_REFERENCE)).strip()
          .toUpperCase(java.util.Locale.ROOT);
      Authentication who = user(execution);
      boolean administrator = who == null || Roles.isAdministrator(who.getGroupIds());
      var region = regions.ofReferral(reference);
      if (!administrator && (region.isEmpty() || who.getTenantIds() == null
          || !who.getTenantIds().contains(region.get()) || !who.getGroupIds().contains(Roles.PROJECT_LEADER))) {
        throw refused(ErasePerson.Element.ERASURE_REQUESTED, ERASURE_REFERENCE,
            "Du kan bare be om sletting av deltakere i din egen region.",
            "only the project leader of the referral's region or the administrator may ask for an erasure");
      }
      List<String> references;
      try {
        references = erasure.checkErasable(reference);
      } catch (PersonErasure.NotErasable e) {
        throw refused(ErasePerson.Element.ERASURE_REQUESTED, ERASURE_REFERENCE, e.norwegian(), e.getMessage());
      }
      String requestedBy = who == null ? "system" : who.getUserId();
      long id = erasures.request(reference, (String) execution.getVariable(ERASURE_REASON), requestedBy,
          references.size());
      execution.setProcessBusinessKey(ErasePerson.BUSINESS_KEY_PREFIX + id);
      execution.setVariable(ERASURE_REFERENCE, reference);
      execution.setVariable(ERASURE_ID, id);
      execution.setVariable(ERASURE_JOURNEYS, references.size());
      execution.setVariable(ERASURE_REQUESTED_BY, requestedBy);
      LOG.info("Erasure {} requested by {} ({} journeys), in process instance {}", id, requestedBy,
          references.size(), execution.getProcessInstanceId());
    };
  }

  /**
   * {@code confirmErasure} (as the task ends): a second person confirms; the one who asked may only say no. An
   * execution listener, as the form guard is: its refusal reaches the caller as the 400 it is.
   */
  @Bean
  ExecutionListener confirmErasureGuard() {
    return task -> {
      Authentication who = user(task);
      String requestedBy = (String) task.getVariable(ERASURE_REQUESTED_BY);
      if (who != null && who.getUserId().equals(requestedBy) && "yes".equals(task.getVariable(ERASURE_CONFIRMED))) {
        throw refused(ErasePerson.Element.CONFIRM_ERASURE, ERASURE_CONFIRMED,
            "Slettingen må bekreftes av en annen enn den som ba om den.",
            "the erasure must be confirmed by someone other than the one who asked for it");
      }
      task.setVariable(ERASURE_DECIDED_BY, who == null ? "system" : who.getUserId());
    };
  }

  /** {@code erasePersonTask}: everything about the person goes; the erasure keeps the references' hashes. */
  @Bean
  JavaDelegate erasePersonDelegate(PersonErasure erasure, Erasures erasures) {
    return execution -> {
      long id = ((Number) execution.getVariable(ERASURE_ID)).longValue();
      String reference = erasures.referenceOf(id).orElseThrow(() -> new IllegalStateException(
          "Erasure " + id + " has no reference to erase"));
      var erased = erasure.erase(reference, Set.of(execution.getProcessInstanceId()));
      erasures.erased(id, (String) execution.getVariable(ERASURE_DECIDED_BY), erased.journeys(), erased.hashes());
      // the process keeps nothing of the request: the erasure's id is in its business key
      execution.removeVariables();
      LOG.info("Erasure {} done: {} journeys, {} process instances", id, erased.journeys(),
          erased.processInstances());
    };
  }

  /**
   * {@code forgetErasureRequest}: in a transaction of its own, after the variables are gone, their history goes too,
   * with every change of them (the reference was typed into the start form).
   */
  @Bean
  JavaDelegate forgetErasureRequestDelegate(HistoryService history) {
    return execution -> history.deleteHistoricVariableInstancesByProcessInstanceId(execution.getProcessInstanceId());
  }

  /** {@code declineErasure}: not erased; the request stays with the person's data. */
  @Bean
  JavaDelegate declineErasureDelegate(Erasures erasures) {
    return execution -> {
      long id = ((Number) execution.getVariable(ERASURE_ID)).longValue();
      erasures.declined(id, (String) execution.getVariable(ERASURE_DECIDED_BY));
      LOG.info("Erasure {} declined", id);
    };
  }

  private static Authentication user(DelegateExecution execution) {
    return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
  }

  private static InvalidFormInputException refused(String form, String field, String norwegian, String english) {
    return new InvalidFormInputException(form, List.of(new Violation(field, norwegian, english)));
  }
}
