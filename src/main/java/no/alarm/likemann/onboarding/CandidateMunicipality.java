package no.alarm.likemann.onboarding;

import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.security.Roles;

import org.springframework.stereotype.Component;

/**
 * Whose comment on hiring a candidate the onboarding asks for: the counsellors of the candidate's own municipality,
 * as the register has it ({@code ${candidateMunicipality.counsellors(mentorId)}} in {@code collectMunicipalityComment}),
 * not any counsellor and not a variable a form could change.
 */
@Component("candidateMunicipality")
public class CandidateMunicipality {

  private final MentorRegister mentors;

  public CandidateMunicipality(MentorRegister mentors) {
    this.mentors = mentors;
  }

  /** The group of the counsellors of the candidate's municipality. */
  public String counsellors(Object mentorId) {
    long id = ((Number) mentorId).longValue();
    return Roles.counsellorsOf(mentors.find(id).map(Mentor::municipality)
        .orElseThrow(() -> new IllegalStateException("No candidate " + id + " in the register")));
  }
}
