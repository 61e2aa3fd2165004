package no.alarm.likemann.journey;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.journey.ParticipantJourney.Element;
import no.alarm.likemann.journey.ParticipantJourney.Value;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.referral.ReferralRegistry;

import org.springframework.stereotype.Component;

/** The journey's rules that a form cannot state by itself. */
@Component
public class JourneyFormRules implements FormRules {

  /** Dates of things that have happened: never in the future (Europe/Oslo). */
  private static final Map<String, Set<String>> PAST_DATES = Map.of(
      Element.HOLD_INFORMATION_MEETING, Set.of(INFORMATION_MEETING_DATE),
      Element.HOLD_COUPLING_MEETING, Set.of(COUPLING_MEETING_DATE),
      Element.WRITE_CLOSING_REPORT, Set.of("closingReportSentDate"),
      Element.CHECK_IN_WITH_PARTICIPANT, Set.of("checkInDate"),
      AgreementDeviation.Element.DEVIATION_REPORTED, Set.of(AgreementDeviation.Var.DEVIATION_DATE),
      JourneyMeeting.START, Set.of(JourneyMeeting.HELD_ON));

  /** The day a referral came, by its reference. */
  public interface ReceivedOn {
    Optional<LocalDate> of(String reference);
  }

  private static final java.time.format.DateTimeFormatter NORWEGIAN =
      java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final MunicipalityRegistry municipalities;
  private final ReceivedOn receivedOn;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  public JourneyFormRules(MunicipalityRegistry municipalities, ReferralRegistry referrals, Clock clock) {
    this(municipalities, referrals::receivedOn, clock);
  }

  public JourneyFormRules(MunicipalityRegistry municipalities, ReceivedOn receivedOn, Clock clock) {
    this.municipalities = municipalities;
    this.receivedOn = receivedOn;
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
        // an earlier referral is one of the register's; whether this person may choose it, the registration checks
        String earlier = in.string(EARLIER_REFERENCE);
        if (earlier != null && !earlier.isBlank()
            && (!earlier.matches(ReferralRegistry.REFERENCE_PATTERN) || receivedOn.of(earlier).isEmpty())) {
          out.add(new Violation(EARLIER_REFERENCE, "Velg den tidligere henvisningen fra listen.",
              "earlierReference is not the reference of a referral"));
        }
      }
      case Element.ASSESS_REFERRAL -> requiredWhen(in, out, Value.DECLINE.equals(in.get(ASSESSMENT)), DECLINE_REASON,
          "Skriv en begrunnelse for avslaget.", "declineReason is required when the referral is declined");
      case Element.MATCH_MENTOR -> {
        requiredWhen(in, out, !in.isTrue(NO_MENTOR_FITS), MENTOR_ID,
            "Velg en likemann, eller kryss av for at ingen passer nå.",
            "mentorId is required unless noMentorFits is true");
        mentorIdShape(in, out);
      }
      case Element.REMATCH_MENTOR -> mentorIdShape(in, out);
      case Element.CLOSE_FOLLOW_UP -> requiredWhen(in, out, Value.OTHER.equals(in.get(CLOSING_REASON)), CLOSING_NOTE,
          "Beskriv årsaken når du velger «Annet».", "closingNote is required when closingReason is other");
      default -> { }
    }
    LocalDate today = LocalDate.now(clock);
    Set<String> pastDates = PAST_DATES.getOrDefault(formId, Set.of());
    // the journey's events happen after the referral came
    LocalDate received = pastDates.isEmpty() || in.string(REFERRAL_REFERENCE) == null ? null
        : receivedOn.of(in.string(REFERRAL_REFERENCE)).orElse(null);
    for (String key : pastDates) {
      LocalDate date = in.date(key);
      if (date != null && date.isAfter(today)) {
        out.add(new Violation(key, "Datoen kan ikke være fram i tid.", key + " must not be in the future"));
      } else if (date != null && received != null && date.isBefore(received)) {
        out.add(new Violation(key, "Datoen kan ikke være før henvisningen kom (" + received.format(NORWEGIAN) + ").",
            key + " must not be before the referral was received (" + received + ")"));
      }
    }
  }

  /** A mentor is chosen from the form's list, whose values are the register's ids: never text or a huge number. */
  private static void mentorIdShape(FormInput in, List<Violation> out) {
    // not text at all: the select's own rule says so
    if (in.get(MENTOR_ID) instanceof String s && !s.isBlank() && !s.strip().matches("[1-9][0-9]{0,17}")) {
      out.add(new Violation(MENTOR_ID, "Velg en likemann fra listen.", "mentorId must be the id of an offered mentor"));
    }
  }

  private static void requiredWhen(FormInput in, List<Violation> out, boolean condition, String key,
                                   String norwegian, String english) {
    if (condition && in.isEmpty(key)) {
      out.add(new Violation(key, norwegian, english));
    }
  }
}
