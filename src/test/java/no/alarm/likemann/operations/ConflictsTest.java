package no.alarm.likemann.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

class ConflictsTest {

  @Test
  void workThatMetOtherWorkIsTriedAgainUntilItGoesThrough() {
    AtomicInteger tries = new AtomicInteger();
    String done = Conflicts.retried("test", () -> {
      if (tries.incrementAndGet() < 3) {
        throw new OptimisticLockingException("changed by another node");
      }
      return "done";
    });
    assertThat(done).isEqualTo("done");
    assertThat(tries).hasValue(3);
  }

  @Test
  void afterTheLastAttemptTheConflictIsThrown() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(() -> Conflicts.retried("test", () -> {
      tries.incrementAndGet();
      throw new OptimisticLockingException("changed by another node");
    })).isInstanceOf(OptimisticLockingException.class);
    assertThat(tries).hasValue(Conflicts.ATTEMPTS);
  }

  @Test
  void anyOtherFailureIsNotTriedAgain() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(() -> Conflicts.retried("test", () -> {
      tries.incrementAndGet();
      throw new IllegalStateException("not a conflict");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(tries).hasValue(1);
  }
}
