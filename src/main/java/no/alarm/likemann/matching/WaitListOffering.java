package no.alarm.likemann.matching;

import no.alarm.likemann.mentor.CapacityFreed;
import no.alarm.likemann.operations.ScheduleLocks;
import no.alarm.likemann.security.SystemWork;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Offers freed capacity after the freeing transaction has committed, in a transaction of its own: a failure here
 * (say, two offers racing for one referral) never undoes the coordinator's action, and the periodic sweep offers
 * again what was missed. Runs as the system, not as the user whose action freed the slot.
 */
@Component
public class WaitListOffering {

  private static final Logger LOG = LoggerFactory.getLogger(WaitListOffering.class);

  private final WaitList waitList;
  private final SystemWork system;

  public WaitListOffering(WaitList waitList, SystemWork system) {
    this.waitList = waitList;
    this.system = system;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void onCapacityFreed(CapacityFreed event) {
    offer();
  }

  @Scheduled(fixedDelayString = "${likemann.wait-list.sweep:PT10M}",
      initialDelayString = "${likemann.wait-list.sweep-initial-delay:PT1M}")
  @SchedulerLock(name = ScheduleLocks.WAIT_LIST_SWEEP, lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void sweep() {
    offer();
  }

  private void offer() {
    try {
      system.run(waitList::offerFreedCapacity);
    } catch (RuntimeException e) {
      LOG.warn("Offering freed capacity failed; the next sweep tries again: {}", e.toString());
    }
  }
}
