package no.alarm.likemann.mentor;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The chosen mentor has no free slot (any more): someone else took it, or the mentor is not active. To the API it is
 * a refused form value (400): the choice in {@code matchMentor} must be made again.
 */
public class MentorUnavailableException extends FormFieldValidationException {

  private final long mentorId;

  public MentorUnavailableException(long mentorId) {
    super("mentorId", "Likemannen har ikke lenger ledig kapasitet, er ikke aktiv eller passer ikke deltakerens region"
        + " eller ønskede kjønn (en annen koordinator kan ha valgt samme likemann samtidig). Velg en annen likemann."
        + " [Mentor " + mentorId + " has no free capacity, is not active or does not meet the region and gender"
        + " requirements]");
    this.mentorId = mentorId;
  }

  public long getMentorId() {
    return mentorId;
  }
}
