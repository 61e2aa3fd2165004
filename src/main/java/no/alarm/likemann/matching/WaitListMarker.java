package no.alarm.likemann.matching;

import static no.alarm.likemann.journey.ParticipantJourney.Var.PRIORITY;
import static no.alarm.likemann.journey.ParticipantJourney.Var.REFERRAL_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code ${waitListMarker}} on the waiting tasks: on the wait-list while the task exists, off when it ends. */
@Component("waitListMarker")
public class WaitListMarker implements TaskListener {

  private final WaitList waitList;

  public WaitListMarker(WaitList waitList) {
    this.waitList = waitList;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = (String) task.getVariable(REFERRAL_REFERENCE);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Object priority = task.getVariable(PRIORITY);
      waitList.markWaiting(reference, priority instanceof Number n ? n.intValue() : 0);
    } else {
      waitList.clearWaiting(reference);
    }
  }
}
