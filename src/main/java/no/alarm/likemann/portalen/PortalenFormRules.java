package no.alarm.likemann.portalen;

import static no.alarm.likemann.portalen.WorkParticipation.Var.*;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.portalen.WorkParticipation.Element;

import org.springframework.stereotype.Component;

/** Portalen's rules that a form cannot state by itself. */
@Component
public class PortalenFormRules implements FormRules {

  private final MentorRegister mentors;
  private final OsloCalendar oslo;

  public PortalenFormRules(MentorRegister mentors, OsloCalendar oslo) {
    this.mentors = mentors;
    this.oslo = oslo;
  }

  /** The mentor named by reference, or else the mentor who started it; empty when neither is an active mentor. */
  static Optional<Mentor> responsibleMentor(MentorRegister mentors, String reference, String startedBy) {
    if (reference != null && !reference.isBlank()) {
      try {
        return mentors.find(Long.parseLong(reference.strip().replaceFirst("(?i)^LM-", "")))
            .filter(m -> m.status() == MentorStatus.ACTIVE);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return startedBy == null ? Optional.empty() : mentors.findByUsername(startedBy);
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    switch (formId) {
      case Element.MEDARBEIDER_JOINED -> {
        if (AgreedDays.parse(in.get(AGREED_DAYS)).isEmpty()) {
          out.add(new Violation(AGREED_DAYS, "Velg minst én avtalt arbeidsdag.", "agreedDays must name working days"));
        }
        String reference = in.string(MENTOR_REFERENCE);
        if (reference != null && !reference.isBlank() && responsibleMentor(mentors, reference, null).isEmpty()) {
          out.add(new Violation(MENTOR_REFERENCE, "Fant ingen aktiv likemann med referansen «" + reference.strip()
              + "».", "mentorReference names no active mentor"));
        }
      }
      case Element.REGISTER_ATTENDANCE -> {
        LocalDate day = in.date(ATTENDANCE_DATE);
        Set<DayOfWeek> agreed = AgreedDays.parse(in.get(AGREED_DAY_CODES));
        if (day != null && day.isAfter(oslo.todayDate())) {
          out.add(new Violation(ATTENDANCE_DATE, "Oppmøte kan ikke registreres fram i tid.",
              "attendanceDate must not be in the future"));
        } else if (day != null && !agreed.contains(day.getDayOfWeek())) {
          out.add(new Violation(ATTENDANCE_DATE, "Dette var ikke en avtalt arbeidsdag (avtalt: "
              + AgreedDays.norwegian(agreed) + ").", "attendanceDate is not an agreed working day"));
        }
      }
      case Element.RESUME_PARTICIPATION -> {
        if ("return".equals(in.get(RESUME_DECISION)) && in.date(RETURN_DATE) == null) {
          out.add(new Violation(RETURN_DATE, "Skriv når medarbeideren kommer tilbake.",
              "returnDate is required when the medarbeider returns"));
        }
      }
      default -> { }
    }
  }
}
