package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.journey.ParticipantJourney.Element;
import no.alarm.likemann.journey.ParticipantJourney.Value;
import no.alarm.likemann.referral.MunicipalityRegistry;

import org.springframework.stereotype.Component;

/** The journey's rules that a form cannot state by itself. */
@Component
public class JourneyFormRules implements FormRules {

  /** Dates of things that have happened: never in the future (Europe/Oslo). */
  private static final Map<String, Set<String>> PAST_DATES = Map.of(
      Element.HOLD_INFORMATION_MEETING, Set.of(INFORMATION_MEETING_DATE),
      Element.HOLD_COUPLING_MEETING, Set.of(COUPLING_MEETING_DATE),
      Element.WRITE_CLOSING_REPORT, Set.of("closingReportSentDate"),
      Element.CHECK_IN_WITH_PARTICIPANT, Set.of("checkInDate"));

  private final MunicipalityRegistry municipalities;
  private final Clock clock;

  public JourneyFormRules(MunicipalityRegistry municipalities, Clock clock) {
    this.municipalities = municipalities;
    this.clock = clock;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    switch (formId) {
      case Element.REFERRAL_RECEIVED -> {
        String code = in.string(MUNICIPALITY);
        if (code != null && municipalities.find(code).isEmpty()) {
          out.add(new Violation(MUNICIPALITY, "Kommunen «" + code + "» er ikke med i tjenesten.",
              "municipality is not a municipality of the service"));
        }
      }
      case Element.ASSESS_REFERRAL -> requiredWhen(in, out, Value.DECLINE.equals(in.get(ASSESSMENT)), DECLINE_REASON,
          "Skriv en begrunnelse for avslaget.", "declineReason is required when the referral is declined");
      case Element.MATCH_MENTOR -> requiredWhen(in, out, !in.isTrue(NO_MENTOR_FITS), MENTOR_ID,
          "Velg en likemann, eller kryss av for at ingen passer nå.",
          "mentorId is required unless noMentorFits is true");
      case Element.CLOSE_FOLLOW_UP -> requiredWhen(in, out, Value.OTHER.equals(in.get(CLOSING_REASON)), CLOSING_NOTE,
          "Beskriv årsaken når du velger «Annet».", "closingNote is required when closingReason is other");
      default -> { }
    }
    LocalDate today = LocalDate.now(clock);
    for (String key : PAST_DATES.getOrDefault(formId, Set.of())) {
      LocalDate date = in.date(key);
      if (date != null && date.isAfter(today)) {
        out.add(new Violation(key, "Datoen kan ikke være fram i tid.", key + " must not be in the future"));
      }
    }
  }

  private static void requiredWhen(FormInput in, List<Violation> out, boolean condition, String key,
                                   String norwegian, String english) {
    if (condition && in.isEmpty(key)) {
      out.add(new Violation(key, norwegian, english));
    }
  }
}
