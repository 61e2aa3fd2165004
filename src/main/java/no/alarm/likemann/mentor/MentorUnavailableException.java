package no.alarm.likemann.mentor;

import org.camunda.bpm.engine.BadUserRequestException;

/** The chosen mentor has no free slot (any more): someone else took it, or the mentor is not active. */
public class MentorUnavailableException extends BadUserRequestException {

  private final long mentorId;

  public MentorUnavailableException(long mentorId) {
    super("Likemannen har ikke lenger ledig kapasitet eller er ikke aktiv (en annen koordinator kan ha valgt samme"
        + " likemann samtidig). Velg en annen likemann. [Mentor " + mentorId + " has no free capacity or is not active]");
    this.mentorId = mentorId;
  }

  public long getMentorId() {
    return mentorId;
  }
}
