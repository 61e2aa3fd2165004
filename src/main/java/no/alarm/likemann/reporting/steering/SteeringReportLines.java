package no.alarm.likemann.reporting.steering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.reporting.steering.SteeringFigures.Figures;

/**
 * The period's figures in words, section by section: the one place that labels them, for the project leader's form
 * (Markdown) and the PDF alike. Plain Java: tested without the engine or a database.
 */
public final class SteeringReportLines {

  /** Plan 000 §5: at least half the participants with an individual plan, all with Brukerplan. */
  public static final int INDIVIDUAL_PLAN_GOAL_PERCENT = 50;
  public static final int BRUKERPLAN_GOAL_PERCENT = 100;

  public record Line(String label, String value) {}

  public record Section(String title, List<Line> lines) {}

  static final Map<String, String> GENDERS = Map.of("female", "Kvinner", "male", "Menn", "other", "Annet");
  static final Map<String, String> ENDINGS = Map.of("goalsReached", "Målene nådd", "dropOut", "Frafall",
      "moved", "Flyttet", "consentWithdrawn", "Samtykket trukket", "other", "Annen grunn",
      "DECLINED", "Henvisningen avslått", "SAID_NO", "Takket nei etter informasjonsmøtet",
      "CONSENT_REFUSED", "Samtykke ikke gitt", "WITHDRAWN", "Samtykket trukket før oppfølgingen");
  static final Map<String, String> CONTACT_TYPES = Map.of("phone", "Telefon eller SMS", "socialMedia",
      "Sosiale medier", "physicalMeeting", "Fysisk møte", "collaborationMeeting", "Samarbeidsmøte");
  static final Map<String, String> MENTOR_STATUS = Map.of("CANDIDATE", "Kandidater", "ACTIVE", "Aktive",
      "PAUSED", "Pause", "LEFT", "Sluttet");
  static final Map<String, String> RESPONDENTS = Map.of("participant", "Deltakere", "mentor", "Likemenn",
      "counsellor", "Ruskonsulenter");
  /** The evaluation's twelve questions (plan 000, appendix 3), shortened. */
  static final List<String> QUESTIONS = List.of("Medvirket i beslutninger", "Blitt inkludert", "Blitt lyttet til",
      "Blitt trodd", "Blitt ansvarliggjort", "Ansvarliggjort de andre", "Samarbeidet med de andre",
      "De andre samarbeidet", "Avtaler fulgt opp", "Blitt ivaretatt", "Trygg til å si sin mening",
      "Ivaretatt de andre");

  private SteeringReportLines() {}

  public static List<Section> of(Figures f) {
    List<Section> sections = new ArrayList<>();

    List<Line> referrals = new ArrayList<>();
    referrals.add(new Line("Henvisninger mottatt", Integer.toString(f.referrals())));
    f.referralsByMunicipality().forEach((m, n) -> referrals.add(new Line("  fra " + m, Integer.toString(n))));
    f.referralsByGender().forEach((g, n) -> referrals.add(new Line("  " + GENDERS.getOrDefault(g, g),
        Integer.toString(n))));
    f.referralsByAgeGroup().forEach((a, n) -> referrals.add(new Line("  " + a + " år", Integer.toString(n))));
    referrals.add(new Line("Med individuell plan (mål minst " + INDIVIDUAL_PLAN_GOAL_PERCENT + " %)",
        shareOf(f.withIndividualPlan(), f.referrals())));
    referrals.add(new Line("Med Brukerplan (mål " + BRUKERPLAN_GOAL_PERCENT + " %)",
        shareOf(f.withBrukerplan(), f.referrals())));
    referrals.add(new Line("Henvisninger avslått", Integer.toString(f.declined())));
    sections.add(new Section("Henvisninger", referrals));

    List<Line> journeys = new ArrayList<>();
    journeys.add(new Line("Nye koblinger (koblingsmøter)", Integer.toString(f.newCouplings())));
    journeys.add(new Line("Fra henvisning til koblingsmøte, median", f.medianDaysToCoupling() == null
        ? "ingen koblet i perioden" : days(f.medianDaysToCoupling())));
    journeys.add(new Line("Deltakere fulgt opp i perioden", Integer.toString(f.participantsFollowedUp())));
    journeys.add(new Line("Deltakere i oppfølging ved periodens slutt", Integer.toString(f.inFollowUpAtEnd())));
    int endedTotal = f.journeysEnded().values().stream().mapToInt(Integer::intValue).sum();
    journeys.add(new Line("Henvisninger og forløp avsluttet", Integer.toString(endedTotal)));
    f.journeysEnded().forEach((reason, n) -> journeys.add(new Line("  " + ENDINGS.getOrDefault(reason, reason),
        Integer.toString(n))));
    journeys.add(new Line("Frafall før behandlingen i TSB var slutt", f.dropOut() + " av "
        + f.participantsFollowedUp() + " fulgt opp (" + shareOf(f.dropOut(), f.participantsFollowedUp()) + ")"));
    journeys.add(new Line("På venteliste nå (" + SteeringPeriod.day(f.takenOn()) + ")",
        Integer.toString(f.waitingNow())));
    sections.add(new Section("Forløpene", journeys));

    List<Line> contacts = new ArrayList<>();
    contacts.add(new Line("Kontakter logget", Integer.toString(f.contacts())));
    contacts.add(new Line("  nådde deltakeren", Integer.toString(f.contactsReached())));
    contacts.add(new Line("  nådde ikke deltakeren", Integer.toString(f.contacts() - f.contactsReached())));
    f.contactsByType().forEach((t, n) -> contacts.add(new Line("  " + CONTACT_TYPES.getOrDefault(t, t),
        Integer.toString(n))));
    contacts.add(new Line("Kontaktpunkter per uke, snitt", oneDecimal(f.contacts() * 7.0 / f.days())));
    contacts.add(new Line("Timer med deltakerne", oneDecimal(f.contactMinutes() / 60.0)));
    contacts.add(new Line("  av dem utenom vanlig arbeidstid", oneDecimal(f.contactMinutesOutsideHours() / 60.0)
        + " (" + shareOf(f.contactMinutesOutsideHours(), f.contactMinutes()) + ")"));
    contacts.add(new Line("Ukelogger sendt", f.weeklyLogsSent() + " av " + f.weeklyLogsOpened() + " ("
        + shareOf(f.weeklyLogsSent(), f.weeklyLogsOpened()) + ")"));
    sections.add(new Section("Kontakt med deltakerne", contacts));

    List<Line> mentors = new ArrayList<>();
    mentors.add(new Line("Likemenn ansatt i perioden", Integer.toString(f.mentorsEmployed())));
    mentors.add(new Line("  med tilskudd fra NAV", Integer.toString(f.mentorsEmployedWithNavGrant())));
    f.mentorsByStatusNow().forEach((s, n) -> mentors.add(new Line("Likemenn nå: " + MENTOR_STATUS.getOrDefault(s, s),
        Integer.toString(n))));
    mentors.add(new Line("Aktive likemenn med tilskudd fra NAV nå", Integer.toString(f.activeMentorsWithNavGrantNow())));
    mentors.add(new Line("Kjøring (km)", Integer.toString(f.mileageKm())));
    mentors.add(new Line("Utlegg (kr)", Integer.toString(f.expensesKr())));
    sections.add(new Section("Likemennene", mentors));

    List<Line> evaluation = new ArrayList<>();
    if (f.evaluationsByRespondent().isEmpty()) {
      evaluation.add(new Line("Svar på evalueringen", "ingen i perioden"));
    } else {
      f.evaluationsByRespondent().forEach((r, n) -> evaluation.add(new Line("Svar fra "
          + RESPONDENTS.getOrDefault(r, r).toLowerCase(java.util.Locale.ROOT), Integer.toString(n))));
      for (int q = 0; q < QUESTIONS.size(); q++) {
        StringBuilder value = new StringBuilder();
        for (var e : f.evaluationAveragesByRespondent().entrySet()) {
          value.append(value.length() == 0 ? "" : ", ").append(RESPONDENTS.getOrDefault(e.getKey(), e.getKey()))
              .append(" ").append(oneDecimal(e.getValue().get(q)));
        }
        evaluation.add(new Line((q + 1) + ". " + QUESTIONS.get(q), value.toString()));
      }
    }
    sections.add(new Section("Evalueringen (snitt, 1 til 10)", evaluation));

    sections.add(new Section("Portalen", List.of(
        new Line("Nye medarbeidere", Integer.toString(f.portalenJoined())),
        new Line("  av dem fortsatt med", Integer.toString(f.portalenJoinedStillActive())))));
    return sections;
  }

  /** The sections as Markdown, for a form's text field. */
  public static String markdown(List<Section> sections) {
    StringBuilder md = new StringBuilder();
    for (Section s : sections) {
      md.append("#### ").append(s.title()).append("\n");
      for (Line l : s.lines()) {
        // a line that starts with two spaces belongs to the line above: a nested item
        md.append(l.label().startsWith("  ") ? "  - " : "- ").append(l.label().strip()).append(": **")
            .append(l.value()).append("**\n");
      }
      md.append("\n");
    }
    return md.toString();
  }

  static String shareOf(int part, int whole) {
    return whole == 0 ? "–" : Math.round(100.0 * part / whole) + " %";
  }

  static String oneDecimal(double value) {
    return String.format(java.util.Locale.forLanguageTag("nb-NO"), "%.1f", value);
  }

  static String days(int days) {
    return days == 1 ? "1 dag" : days + " dager";
  }
}
