package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.Clock;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.referral.MunicipalityRegistry;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code ${offerMentorOptions}}, create listener of {@code matchMentor}: puts the mentors that can be chosen in the
 * task as a JSON (Spin) variable, the only kind Tasklist hands to a form's {@code valuesKey}.
 */
@Component("offerMentorOptions")
public class OfferMentorOptionsListener implements TaskListener {

  private final MentorRegister mentors;
  private final MunicipalityRegistry municipalities;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public OfferMentorOptionsListener(MentorRegister mentors, MunicipalityRegistry municipalities, Clock clock) {
    this.mentors = mentors;
    this.municipalities = municipalities;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    var options = MentorOptions.forReferral(mentors.findMatchable(),
        municipalities.find((String) task.getVariable(MUNICIPALITY)).orElse(null),
        (String) task.getVariable(MENTOR_GENDER_WISH), municipalities.all(), LocalDate.now(clock));
    try {
      // a process variable, not task-local: the server check at the task's end still sees what was offered
      task.setVariable(MENTOR_OPTIONS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Mentor options could not be written as JSON", e);
    }
  }
}
