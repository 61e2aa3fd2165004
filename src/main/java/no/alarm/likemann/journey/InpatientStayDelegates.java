package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.InpatientStay.Var.*;

import no.alarm.likemann.forms.FormInput;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code inpatientStay}; the register is {@link InpatientStays}. */
@Configuration
public class InpatientStayDelegates {

  static long stayId(Object id) {
    return ((Number) id).longValue();
  }

  /** {@code ${showStay}}, create listener of both tasks: the stay in words, on the task only. */
  @Bean("showStay")
  TaskListener showStay(InpatientStays stays) {
    return task -> stays.find(stayId(task.getVariable(STAY_ID)))
        .ifPresent(s -> task.setVariableLocal(STAY_TEXT, InpatientStays.text(s)));
  }

  /**
   * {@code ${recordDischarge}}, end listener of {@code recordDischarge} (after the form's guard): discharged (early
   * when before the expected day, with the reason) or postponed to a new day; the words to the register.
   */
  @Bean("recordDischarge")
  ExecutionListener recordDischarge(InpatientStays stays) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = new FormInput(execution::getVariable);
      long id = stayId(execution.getVariable(STAY_ID));
      if (InpatientStay.DISCHARGED.equals(in.get(DISCHARGE))) {
        stays.discharged(id, in.date(DISCHARGED_ON), in.string(EARLY_REASON), in.string(DISCHARGE_NOTE));
      } else {
        stays.postponed(id, in.date(NEW_EXPECTED_DISCHARGE), in.string(DISCHARGE_NOTE),
            execution.getProcessInstanceId());
        execution.setVariable(EXPECTED_DISCHARGE, in.date(NEW_EXPECTED_DISCHARGE).toString());
      }
      for (String field : new String[] {DISCHARGED_ON, EARLY_REASON, NEW_EXPECTED_DISCHARGE, DISCHARGE_NOTE}) {
        execution.removeVariable(field);
      }
    };
  }

  /** {@code ${recordMentorPart}}, end listener of {@code takePartInDischarge}: the mentor's part to the register. */
  @Bean("recordMentorPart")
  ExecutionListener recordMentorPart(InpatientStays stays) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = new FormInput(execution::getVariable);
      stays.mentorTookPart(stayId(execution.getVariable(STAY_ID)), in.string(MENTOR_PART), in.date(MENTOR_PART_ON),
          in.string(MENTOR_PART_NOTE));
      for (String field : new String[] {MENTOR_PART, MENTOR_PART_ON, MENTOR_PART_NOTE}) {
        execution.removeVariable(field);
      }
    };
  }

  /** {@code ${stayEnded}}, end listener of {@code participantDischarged}: the stay's process is done. */
  @Bean("stayEnded")
  ExecutionListener stayEnded(InpatientStays stays) {
    return execution -> stays.ended(stayId(execution.getVariable(STAY_ID)), "discharged");
  }

  /** {@code closeStay}: the journey ended during the stay; its process ends with it. */
  @Bean
  JavaDelegate closeStayDelegate(InpatientStays stays) {
    return execution -> stays.ended(stayId(execution.getVariable(STAY_ID)), "journeyEnded");
  }
}
