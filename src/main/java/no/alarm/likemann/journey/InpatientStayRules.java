package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.InpatientStay.Var.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;

import org.springframework.stereotype.Component;

/**
 * The rules of an inpatient stay that its forms cannot state by themselves: at the coupling meeting, in a change in
 * the journey (admitted), at the discharge and in the mentor's part. A discharge is never before the admission nor in
 * the future; an expected discharge is never before the admission nor more than two years ahead.
 */
@Component
public class InpatientStayRules implements FormRules {

  /** The longest stay a form takes: two years. */
  static final int MAX_YEARS = 2;
  private static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final Clock clock;

  public InpatientStayRules(Clock clock) {
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(OsloCalendar.OSLO));
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    switch (formId) {
      case ParticipantJourney.Element.HOLD_COUPLING_MEETING -> {
        if (ParticipantJourney.Value.YES.equals(in.get(PARTICIPANT_INPATIENT))) {
          LocalDate met = in.date(ParticipantJourney.Var.COUPLING_MEETING_DATE);
          expected(in, out, EXPECTED_DISCHARGE_DATE, met == null ? today() : met, "koblingsmøtet");
        }
      }
      case JourneyChange.START -> {
        if (JourneyChange.ADMITTED.equals(in.get(JourneyChange.CHANGE))) {
          if (in.isEmpty(ADMISSION_KIND)) {
            out.add(new Violation(ADMISSION_KIND, "Velg om innleggelsen var akutt eller planlagt.",
                "admissionKind is required when the participant is admitted"));
          } else if (!List.of("planned", "acute").contains(in.get(ADMISSION_KIND))) {
            out.add(new Violation(ADMISSION_KIND, "Velg om innleggelsen var akutt eller planlagt.",
                "admissionKind must be planned or acute"));
          }
          LocalDate admitted = in.date(ADMITTED_DATE);
          if (admitted == null) {
            out.add(new Violation(ADMITTED_DATE, "Skriv inn når deltakeren ble lagt inn.",
                "admittedDate is required when the participant is admitted"));
          } else if (admitted.isAfter(today())) {
            out.add(new Violation(ADMITTED_DATE, "Innleggelsen kan ikke være fram i tid.",
                "admittedDate must not be in the future"));
          } else {
            expected(in, out, EXPECTED_DISCHARGE_DATE, admitted, "innleggelsen");
          }
        }
      }
      case InpatientStay.Element.RECORD_DISCHARGE -> recordDischarge(in, out);
      case InpatientStay.Element.TAKE_PART_IN_DISCHARGE -> {
        boolean notPossible = "notPossible".equals(in.get(MENTOR_PART));
        LocalDate on = in.date(MENTOR_PART_ON);
        if (!notPossible && in.get(MENTOR_PART) != null && on == null) {
          out.add(new Violation(MENTOR_PART_ON, "Skriv inn når du var med.", "mentorPartOn is required"));
        } else if (on != null && on.isAfter(today())) {
          out.add(new Violation(MENTOR_PART_ON, "Datoen kan ikke være fram i tid: fyll ut når du har vært med.",
              "mentorPartOn must not be in the future"));
        }
        if (notPossible && in.isEmpty(MENTOR_PART_NOTE)) {
          out.add(new Violation(MENTOR_PART_NOTE, "Skriv kort hvorfor det ikke lot seg gjøre.",
              "mentorPartNote is required when taking part was not possible"));
        }
      }
      default -> { }
    }
  }

  private void recordDischarge(FormInput in, List<Violation> out) {
    LocalDate admitted = FormInput.parseDate(in.string(ADMITTED_ON));
    LocalDate expected = FormInput.parseDate(in.string(EXPECTED_DISCHARGE));
    if (InpatientStay.DISCHARGED.equals(in.get(DISCHARGE))) {
      LocalDate on = in.date(DISCHARGED_ON);
      if (on == null) {
        out.add(new Violation(DISCHARGED_ON, "Skriv inn når deltakeren ble skrevet ut.",
            "dischargedOn is required when the participant is discharged"));
      } else if (on.isAfter(today())) {
        out.add(new Violation(DISCHARGED_ON, "Utskrivingen kan ikke være fram i tid: utsett den i stedet.",
            "dischargedOn must not be in the future"));
      } else if (admitted != null && on.isBefore(admitted)) {
        out.add(new Violation(DISCHARGED_ON, "Utskrivingen kan ikke være før innleggelsen ("
            + NORWEGIAN.format(admitted) + ").", "dischargedOn must not be before the admission"));
      } else if (expected != null && on.isBefore(expected) && in.isEmpty(EARLY_REASON)) {
        out.add(new Violation(EARLY_REASON, "Deltakeren ble skrevet ut før forventet dato ("
            + NORWEGIAN.format(expected) + "): velg hvorfor.",
            "earlyDischargeReason is required for a discharge before the expected day"));
      }
    } else if (InpatientStay.POSTPONED.equals(in.get(DISCHARGE))) {
      LocalDate later = in.date(NEW_EXPECTED_DISCHARGE);
      if (later == null) {
        out.add(new Violation(NEW_EXPECTED_DISCHARGE, "Skriv inn ny forventet utskrivingsdato.",
            "newExpectedDischarge is required when the discharge is postponed"));
      } else if (later.isBefore(today())) {
        out.add(new Violation(NEW_EXPECTED_DISCHARGE, "Ny forventet utskrivingsdato kan ikke være passert.",
            "newExpectedDischarge must not be in the past"));
      } else if (later.isAfter(today().plusYears(MAX_YEARS))) {
        out.add(new Violation(NEW_EXPECTED_DISCHARGE, "Ny forventet utskrivingsdato kan være høyst to år fram.",
            "newExpectedDischarge must be at most two years ahead"));
      }
    }
  }

  private static void expected(FormInput in, List<Violation> out, String field, LocalDate from, String what) {
    LocalDate expected = in.date(field);
    if (expected == null) {
      out.add(new Violation(field, "Skriv inn forventet utskrivingsdato.",
          field + " is required when the participant is inpatient"));
    } else if (expected.isBefore(from)) {
      out.add(new Violation(field, "Forventet utskriving kan ikke være før " + what + " ("
          + NORWEGIAN.format(from) + ").", field + " must not be before the " + (what.equals("koblingsmøtet")
          ? "coupling meeting" : "admission")));
    } else if (expected.isAfter(from.plusYears(MAX_YEARS))) {
      out.add(new Violation(field, "Forventet utskriving kan være høyst to år etter " + what + ".",
          field + " must be at most two years ahead"));
    }
  }
}
