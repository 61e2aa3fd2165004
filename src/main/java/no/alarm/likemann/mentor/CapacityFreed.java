package no.alarm.likemann.mentor;

/**
 * Published when a mentor slot may have come free: a coupling ended, a reservation was released, a mentor became
 * active. Carries ids only.
 */
public record CapacityFreed(Long mentorId, Long couplingId) {

  public static CapacityFreed byMentor(long mentorId) {
    return new CapacityFreed(mentorId, null);
  }

  public static CapacityFreed byCoupling(long couplingId) {
    return new CapacityFreed(null, couplingId);
  }
}
