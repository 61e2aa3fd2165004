package no.alarm.likemann.navgrant;

import static no.alarm.likemann.navgrant.NavMentorGrant.Var.*;

import java.time.YearMonth;
import java.util.List;

import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.navgrant.NavMentorGrant.Element;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code navMentorGrant}; the register is {@link NavGrants}. */
@Configuration
public class NavGrantDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(NavGrantDelegates.class);

  static long grantId(DelegateExecution execution) {
    return ((Number) execution.getVariable(GRANT_ID)).longValue();
  }

  private static InvalidFormInputException refused(String norwegian, String english) {
    return new InvalidFormInputException(Element.GRANT_APPLIED,
        List.of(new Violation(MENTOR_REFERENCE, norwegian, english)));
  }

  /**
   * {@code registerGrantApplication}: the mentor is one of the service's, employed and not left, in the adviser's
   * region, with no other grant for the same months; the application to the register, its words out of the process.
   */
  @Bean
  JavaDelegate registerGrantApplicationDelegate(NavGrants grants, MentorRegister mentors) {
    return execution -> {
      FormInput in = new FormInput(execution::getVariable);
      long mentorId = Long.parseLong(in.string(MENTOR_REFERENCE).strip().replaceFirst("(?i)^LM-", ""));
      var mentor = mentors.find(mentorId).orElseThrow(() -> refused("Fant ingen likemann med referansen LM-"
          + String.format("%04d", mentorId) + ".", "the reference names no mentor"));
      if (mentor.status() == MentorStatus.LEFT) {
        throw refused("Likemannen har sluttet: det kan ikke søkes tilskudd for ham.", "the mentor has left");
      }
      var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (no.alarm.likemann.region.Regions.outside(who, execution.getTenantId())) {
        throw refused("Du kan bare søke for likemenn i din egen region.", "the mentor belongs to another region");
      }
      if (grants.overlaps(mentorId, in.date(APPLIED_FROM), in.date(APPLIED_TO))) {
        throw refused("Likemannen har allerede et tilskudd søkt eller innvilget for noen av de samme månedene.",
            "the mentor already has a grant for some of these months");
      }
      long id = grants.applied(mentorId, execution.getProcessInstanceId(), in.date(APPLIED_ON), in.date(APPLIED_FROM),
          in.date(APPLIED_TO), in.integer(POSITION_PERCENT), in.integer(AMOUNT_APPLIED), in.string(APPLICATION_NOTE));
      execution.removeVariable(APPLICATION_NOTE);
      execution.setProcessBusinessKey(NavGrants.reference(id));
      execution.setVariable(GRANT_ID, id);
      LOG.info("NAV mentor grant {} applied for mentor {} in process instance {}", id, mentorId,
          execution.getProcessInstanceId());
    };
  }

  /** {@code ${showGrant}}, create listener of the grant's tasks: the grant in words, on the task only. */
  @Bean("showGrant")
  TaskListener showGrant(NavGrants grants) {
    return task -> grants.find(((Number) task.getVariable(GRANT_ID)).longValue())
        .ifPresent(g -> task.setVariableLocal(GRANT_TEXT, NavGrants.text(g)));
  }

  /**
   * {@code ${recordGrantDecision}}, end listener of {@code recordGrantDecision}: NAV's decision and the agreement to
   * the register; a grant's first month to claim goes to the process.
   */
  @Bean("recordGrantDecision")
  ExecutionListener recordGrantDecision(NavGrants grants) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = new FormInput(execution::getVariable);
      String decision = in.string(DECISION);
      grants.decided(grantId(execution), decision, in.date(DECIDED_ON), in.date(GRANTED_FROM), in.date(GRANTED_TO),
          in.integer(AMOUNT_GRANTED), in.string(NAV_REFERENCE), in.string(DECISION_NOTE));
      if (NavMentorGrant.GRANTED.equals(decision)) {
        nextMonth(execution, YearMonth.from(in.date(GRANTED_FROM)));
      }
      for (String field : List.of(DECIDED_ON, GRANTED_FROM, GRANTED_TO, AMOUNT_GRANTED, NAV_REFERENCE, DECISION_NOTE)) {
        execution.removeVariable(field);
      }
    };
  }

  private static void nextMonth(DelegateExecution execution, YearMonth month) {
    execution.setVariable(REFUND_MONTH, month.toString());
    execution.setVariable(REFUND_MONTH_LABEL, NavGrants.monthLabel(month));
    execution.setVariable(REFUND_DUE_AT, NavGrants.claimableAt(month));
    execution.setVariable(PERIOD_OVER, false);
  }

  /**
   * {@code ${recordRefund}}, end listener of {@code claimRefund}: the month's refund to the register (once); the
   * next month, or the end: the agreement's last month is claimed, or the mentor has left.
   */
  @Bean("recordRefund")
  ExecutionListener recordRefund(NavGrants grants) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = new FormInput(execution::getVariable);
      long id = grantId(execution);
      YearMonth month = YearMonth.parse((String) execution.getVariable(REFUND_MONTH));
      if (NavMentorGrant.CLAIMED.equals(in.get(REFUND_OUTCOME))) {
        grants.refundClaimed(id, month, in.integer(AMOUNT_CLAIMED), in.date(CLAIMED_ON));
      }
      YearMonth next = month.plusMonths(1);
      var grant = grants.find(id).orElseThrow();
      if (NavMentorGrant.MENTOR_LEFT.equals(in.get(REFUND_OUTCOME))) {
        grants.ended(id, NavMentorGrant.MENTOR_LEFT);
        execution.setVariable(PERIOD_OVER, true);
      } else if (NavGrants.after(next, grant.grantedTo())) {
        grants.ended(id, "periodOver");
        execution.setVariable(PERIOD_OVER, true);
      } else {
        nextMonth(execution, next);
      }
      for (String field : List.of(AMOUNT_CLAIMED, CLAIMED_ON)) {
        execution.removeVariable(field);
      }
    };
  }

  /** {@code ${recordNavReport}}, end listener of {@code reportToNav}: the report to NAV to the register. */
  @Bean("recordNavReport")
  ExecutionListener recordNavReport(NavGrants grants) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = new FormInput(execution::getVariable);
      grants.reported(grantId(execution), in.date(REPORTED_ON), in.string(REPORT_NOTE));
      execution.removeVariable(REPORT_NOTE);
    };
  }
}
