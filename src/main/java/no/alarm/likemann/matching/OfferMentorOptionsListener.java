package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.Clock;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.alarm.likemann.journey.ParticipantJourney.Element;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code ${offerMentorOptions}}, create listener of {@code matchMentor} and {@code rematchMentor}: records that the referral
 * has come to matching and, in the same round trip, fetches the eligible mentors; ranks them and puts them in
 * the process as a JSON (Spin) variable, the only kind Tasklist hands to a form's {@code valuesKey}, with the best
 * suggestions explained in words. Variables of the matching task alone (ADR 9): the mentors and why they fit are the
 * coordinator's to read while matching, not the journey's; the slot itself is checked against the register's hard
 * rules when it is reserved, whatever the form sent.
 */
@Component("offerMentorOptions")
public class OfferMentorOptionsListener implements TaskListener {

  private final MentorRegister mentors;
  private final MunicipalityRegistry municipalities;
  private final no.alarm.likemann.referral.ReferralRegistry referrals;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public OfferMentorOptionsListener(MentorRegister mentors, MunicipalityRegistry municipalities,
                                    no.alarm.likemann.referral.ReferralRegistry referrals, Clock clock) {
    this.mentors = mentors;
    this.municipalities = municipalities;
    this.referrals = referrals;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String municipality = (String) task.getVariable(MUNICIPALITY);
    // the referral's words: as the task's own listener before this one (showReferral) has just put them on the task,
    // or else from the register (a journey from before they were kept there has them itself)
    String substanceHistory;
    String futureWishes;
    if (task.hasVariableLocal(SUBSTANCE_HISTORY) && task.hasVariableLocal(FUTURE_WISHES)) {
      substanceHistory = (String) task.getVariableLocal(SUBSTANCE_HISTORY);
      futureWishes = (String) task.getVariableLocal(FUTURE_WISHES);
    } else {
      var details = referrals.details((String) task.getVariable(REFERRAL_REFERENCE));
      substanceHistory = details.map(d -> d.substanceHistory()).orElse((String) task.getVariable(SUBSTANCE_HISTORY));
      futureWishes = details.map(d -> d.futureWishes()).orElse((String) task.getVariable(FUTURE_WISHES));
    }
    var participant = new MentorRanking.Participant(
        ((Number) task.getVariable(AGE)).intValue(),
        (String) task.getVariable(GENDER),
        (String) task.getVariable(MENTOR_GENDER_WISH),
        municipality,
        municipalities.find(municipality).map(Municipality::region).orElse(null),
        substanceHistory, futureWishes);
    // a new mentor (rematch): not the one the participant has now
    Long currentCoupling = Element.REMATCH_MENTOR.equals(task.getTaskDefinitionKey())
        && task.getVariable(COUPLING_ID) instanceof Number n ? n.longValue() : null;
    var candidates = mentors.enterMatching((String) task.getVariable(REFERRAL_REFERENCE), currentCoupling);
    var ranked = MentorRanking.rank(participant, candidates, municipalities.all(), LocalDate.now(clock));
    try {
      task.setVariableLocal(MENTOR_OPTIONS,
          SpinValues.jsonValue(json.writeValueAsString(MentorOptions.of(ranked, municipalities.all()))).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Mentor options could not be written as JSON", e);
    }
    task.setVariableLocal(MENTOR_SUGGESTIONS, MentorOptions.explain(ranked, municipalities.all()));
  }
}
