package no.alarm.likemann.operations;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that may meet other work on the same journey at the same moment (another node's schedule, a user's form):
 * the engine's optimistic locking refuses the later of two changes to the same execution, and the whole transaction
 * rolls back. Such work is tried again at once, a few times, after a short random pause, instead of waiting for the
 * next run. Only for work whose transaction is whole: what it wrote before the refusal is gone with it.
 */
public final class Conflicts {

  private static final Logger LOG = LoggerFactory.getLogger(Conflicts.class);

  /** How many times in all. */
  public static final int ATTEMPTS = 4;

  private Conflicts() {}

  public static <T> T retried(String what, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (OptimisticLockingException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        LOG.info("{}: met other work on the same journey (attempt {} of {}); tried again", what, attempt, ATTEMPTS);
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to try again", e);
    }
  }
}
