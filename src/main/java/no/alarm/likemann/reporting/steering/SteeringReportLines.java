package no.alarm.likemann.reporting.steering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.SmallNumbers.Figure;
import no.alarm.likemann.reporting.SmallNumbers.Table;
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

  /** What a withheld breakdown or a hidden average says, so that the reader knows it is not zero. */
  static final String WITHHELD = "skjult (for få til å vises)";

  /** The sections of the evaluation report from the mentors and the counsellors (plan 000 §12). */
  static final List<String> EVALUATION_SECTIONS = List.of("Evalueringen (snitt, 1 til 10)",
      "Målene i prosjektplanen");

  /**
   * A report's sections: every section for the half-year and the results report; the evaluation's answers and the
   * plan's goals (participation, experienced quality of life, IP and Brukerplan) for the evaluation report.
   */
  public static List<Section> of(SteeringPeriod.Kind kind, Figures f, SmallNumbers n) {
    List<Section> all = of(f, n);
    return kind == SteeringPeriod.Kind.EVALUATION
        ? all.stream().filter(s -> EVALUATION_SECTIONS.contains(s.title())).toList() : all;
  }

  /**
   * The sections, with every small number hidden ({@link SmallNumbers}): a count under the threshold says "under 5",
   * a breakdown hides what would give such a cell away, and shares and averages over too few are not given.
   */
  public static List<Section> of(Figures f, SmallNumbers n) {
    List<Section> sections = new ArrayList<>();

    List<Line> referrals = new ArrayList<>();
    referrals.add(new Line("Henvisninger mottatt", n.count(f.referrals()).text()));
    referrals.add(new Line("  forskjellige deltakere", n.distinct(f.participants(), f.referrals()).text()));
    breakdown(referrals, n.table(f.referralsByMunicipality()), m -> "fra " + m, "fordelt på kommune");
    breakdown(referrals, n.table(f.referralsByGender()), g -> GENDERS.getOrDefault(g, g), "fordelt på kjønn");
    breakdown(referrals, n.table(f.referralsByAgeGroup()), a -> a + " år", "fordelt på alder");
    Table ended = n.table(f.journeysEnded());
    referrals.add(new Line("Henvisninger avslått", ended.cell("DECLINED").text()));
    sections.add(new Section("Henvisninger", referrals));

    List<Line> journeys = new ArrayList<>();
    journeys.add(new Line("Nye koblinger (koblingsmøter)", n.count(f.newCouplings()).text()));
    journeys.add(new Line("Fra henvisning til koblingsmøte, median", f.medianDaysToCoupling() == null
        ? "ingen koblet i perioden" : n.over(f.medianDaysToCoupling(), f.participantsCoupledFirstTime()).shown()
        ? days(f.medianDaysToCoupling()) : WITHHELD));
    journeys.add(new Line("Deltakere fulgt opp i perioden", n.count(f.participantsFollowedUp()).text()));
    journeys.add(new Line("Deltakere i oppfølging ved periodens slutt", n.count(f.inFollowUpAtEnd()).text()));
    journeys.add(new Line("Henvisninger og forløp avsluttet", ended.total().text()));
    breakdown(journeys, ended, reason -> ENDINGS.getOrDefault(reason, reason), "fordelt på grunn");
    journeys.add(new Line("Frafall før behandlingen i TSB var slutt", n.count(f.dropOut()).text() + " av "
        + n.count(f.participantsFollowedUp()).text() + " fulgt opp ("
        + shareOf(n, f.dropOut(), f.participantsFollowedUp()) + ")"));
    journeys.add(new Line("På venteliste nå (" + SteeringPeriod.day(f.takenOn()) + ")",
        n.count(f.waitingNow()).text()));
    sections.add(new Section("Forløpene", journeys));

    List<Line> contacts = new ArrayList<>();
    Table reached = n.table(two("reached", f.contactsReached(), "notReached", f.contacts() - f.contactsReached()));
    contacts.add(new Line("Kontakter logget", reached.total().text()));
    if (reached.withheld()) {
      contacts.add(new Line("  nådde deltakeren eller ikke", WITHHELD));
    } else {
      contacts.add(new Line("  nådde deltakeren", reached.cell("reached").text()));
      contacts.add(new Line("  nådde ikke deltakeren", reached.cell("notReached").text()));
    }
    breakdown(contacts, n.table(f.contactsByType()), t -> CONTACT_TYPES.getOrDefault(t, t), "fordelt på type");
    boolean enoughContacts = n.over(0, f.contacts()).shown() || f.contacts() == 0;
    contacts.add(new Line("Kontaktpunkter per uke, snitt", enoughContacts
        ? oneDecimal(f.contacts() * 7.0 / f.days()) : WITHHELD));
    contacts.add(new Line("Timer med deltakerne", enoughContacts ? oneDecimal(f.contactMinutes() / 60.0) : WITHHELD));
    contacts.add(new Line("  av dem utenom vanlig arbeidstid", enoughContacts
        ? oneDecimal(f.contactMinutesOutsideHours() / 60.0) + " ("
            + (f.contactMinutes() == 0 ? "–" : Math.round(100.0 * f.contactMinutesOutsideHours() / f.contactMinutes())
            + " %") + ")"
        : WITHHELD));
    Table logs = n.table(two("sent", f.weeklyLogsSent(), "notSent", f.weeklyLogsOpened() - f.weeklyLogsSent()));
    contacts.add(new Line("Ukelogger sendt", logs.cell("sent").text() + " av " + logs.total().text() + " ("
        + shareOf(n, f.weeklyLogsSent(), f.weeklyLogsOpened()) + ")"));
    Table meetings = n.table(f.meetingsByKind() == null ? Map.of() : f.meetingsByKind());
    contacts.add(new Line("Møter i forløpene", meetings.total().text()));
    breakdown(contacts, meetings, k -> no.alarm.likemann.journey.JourneyMeeting.KINDS.getOrDefault(k, k),
        "fordelt på møte");
    contacts.add(new Line("  koordinatoren stilte for ruskonsulenten", n.count(f.meetingsCoordinatorStoodIn()).text()));
    sections.add(new Section("Kontakt med deltakerne", contacts));

    List<Line> stays = new ArrayList<>();
    Table admitted = n.table(f.staysByAdmission() == null ? Map.of() : f.staysByAdmission());
    stays.add(new Line("Innleggelser i perioden", admitted.total().text()));
    breakdown(stays, admitted, k -> no.alarm.likemann.journey.InpatientStay.ADMISSIONS.getOrDefault(k, k),
        "fordelt på innleggelse");
    Table discharged = n.table(two("early", f.dischargesEarly(), "asExpected", f.discharges() - f.dischargesEarly()));
    stays.add(new Line("Utskrivinger i perioden", discharged.total().text()));
    stays.add(new Line("  før forventet dato", discharged.cell("early").text()));
    stays.add(new Line("  likemannen var med i overgangen", shareOf(n, f.dischargesMentorTookPart(), f.discharges())));
    sections.add(new Section("Innleggelse og utskriving", stays));

    List<Line> mentors = new ArrayList<>();
    Table employed = n.table(two("withGrant", f.mentorsEmployedWithNavGrant(), "withoutGrant",
        f.mentorsEmployed() - f.mentorsEmployedWithNavGrant()));
    mentors.add(new Line("Likemenn ansatt i perioden", employed.total().text()));
    mentors.add(new Line("  med tilskudd fra NAV", employed.cell("withGrant").text()));
    Table status = n.table(f.mentorsByStatusNow());
    if (status.withheld()) {
      mentors.add(new Line("Likemenn nå, fordelt på status", WITHHELD));
    }
    status.cells().forEach((st, c) -> mentors.add(new Line("Likemenn nå: " + MENTOR_STATUS.getOrDefault(st, st),
        c.text())));
    mentors.add(new Line("Aktive likemenn med tilskudd fra NAV nå",
        n.count(f.activeMentorsWithNavGrantNow()).text()));
    Table coordinator = n.table(two("contact", f.mentorWeeksWithCoordinatorContact(), "none",
        f.mentorWeeks() - f.mentorWeeksWithCoordinatorContact()));
    mentors.add(new Line("Uker med kontakt mellom koordinator og likemann (mål hver uke)",
        coordinator.cell("contact").text() + " av " + coordinator.total().text() + " ("
            + shareOf(n, f.mentorWeeksWithCoordinatorContact(), f.mentorWeeks()) + ")"));
    mentors.add(new Line("Kjøring (km)", Integer.toString(f.mileageKm())));
    mentors.add(new Line("Utlegg (kr)", Integer.toString(f.expensesKr())));
    sections.add(new Section("Likemennene", mentors));

    List<Line> evaluation = new ArrayList<>();
    if (f.evaluationsByRespondent().isEmpty()) {
      evaluation.add(new Line("Svar på evalueringen", "ingen i perioden"));
    } else {
      Table answers = n.table(f.evaluationsByRespondent());
      evaluation.add(new Line("Svar på evalueringen", answers.total().text()));
      breakdown(evaluation, answers, r -> "fra " + RESPONDENTS.getOrDefault(r, r).toLowerCase(java.util.Locale.ROOT),
          "fordelt på hvem som svarte");
      // an average is given for those who answered often enough that it says nothing of one person's answers
      List<String> averaged = f.evaluationAveragesByRespondent().keySet().stream()
          .filter(r -> n.over(0, f.evaluationsByRespondent().getOrDefault(r, 0)).shown()).toList();
      for (int q = 0; q < QUESTIONS.size(); q++) {
        StringBuilder value = new StringBuilder();
        for (String r : averaged) {
          value.append(value.length() == 0 ? "" : ", ").append(RESPONDENTS.getOrDefault(r, r))
              .append(" ").append(oneDecimal(f.evaluationAveragesByRespondent().get(r).get(q)));
        }
        evaluation.add(new Line((q + 1) + ". " + QUESTIONS.get(q), value.length() == 0 ? WITHHELD
            : value.toString()));
      }
    }
    sections.add(new Section("Evalueringen (snitt, 1 til 10)", evaluation));

    Table portalen = n.table(two("stillActive", f.portalenJoinedStillActive(), "left",
        f.portalenJoined() - f.portalenJoinedStillActive()));
    sections.add(new Section("Portalen", List.of(
        new Line("Nye medarbeidere", portalen.total().text()),
        new Line("  av dem fortsatt med", portalen.cell("stillActive").text()))));

    sections.add(new Section("Målene i prosjektplanen", planGoals(f, n)));

    Table deviations = n.table(two("escalated", f.deviationsEscalated(), "resolvedByCoordinator",
        f.deviations() - f.deviationsEscalated()));
    sections.add(new Section("Avvik fra avtalene", List.of(
        new Line("Meldte avvik", deviations.total().text()),
        new Line("  av dem sendt videre til prosjektlederen", deviations.cell("escalated").text()))));

    // the project's own meetings and reports, not people: shown as they are, like the kilometres and kroner
    sections.add(new Section("Arbeidsgruppen", List.of(
        new Line("Arbeidsgruppemøter holdt", Integer.toString(f.workingGroupMeetingsHeld())),
        new Line("Rådgiverens månedsrapporter mottatt", Integer.toString(f.adviserReportsReceived())))));
    return sections;
  }

  /**
   * The plan's goals (000 §7): IP and Brukerplan over the participants in the service (followed up by a mentor in
   * the period), for all and per municipality; how treatment in TSB ended; the degree of participation (the
   * participants' average of the evaluation's questions 1 to 3: took part in decisions, included, listened to) and
   * the experienced quality of life (the participants' question 13).
   */
  static List<Line> planGoals(Figures f, SmallNumbers n) {
    List<Line> goals = new ArrayList<>();
    Map<String, Integer> byMunicipality = f.participantsByMunicipality() == null ? Map.of()
        : f.participantsByMunicipality();
    int all = byMunicipality.values().stream().mapToInt(Integer::intValue).sum();
    goals.add(new Line("Deltakere i tjenesten (fulgt opp i perioden)", n.count(all).text()));
    for (var plan : List.of(
        List.of("Med individuell plan (mål minst " + INDIVIDUAL_PLAN_GOAL_PERCENT + " %)", "ip"),
        List.of("Med Brukerplan (mål " + BRUKERPLAN_GOAL_PERCENT + " %)", "brukerplan"))) {
      Map<String, Integer> with = "ip".equals(plan.get(1)) ? f.participantsWithIndividualPlanByMunicipality()
          : f.participantsWithBrukerplanByMunicipality();
      with = with == null ? Map.of() : with;
      int withAll = with.values().stream().mapToInt(Integer::intValue).sum();
      goals.add(new Line(plan.get(0), shareOf(n, withAll, all)));
      for (var m : byMunicipality.entrySet()) {
        goals.add(new Line("  " + m.getKey(), shareOf(n, with.getOrDefault(m.getKey(), 0), m.getValue())));
      }
    }
    Table tsb = n.table(two("completed", f.tsbCompleted(), "brokenOff", f.tsbBrokenOff()));
    goals.add(new Line("Behandling i TSB avsluttet i perioden", tsb.total().text()));
    if (tsb.withheld()) {
      goals.add(new Line("  fullført eller avbrutt", WITHHELD));
    } else {
      goals.add(new Line("  fullført", tsb.cell("completed").text()));
      goals.add(new Line("  avbrutt", tsb.cell("brokenOff").text()));
    }
    int participantAnswers = f.evaluationsByRespondent() == null ? 0
        : f.evaluationsByRespondent().getOrDefault("participant", 0);
    List<Double> participant = f.evaluationAveragesByRespondent() == null ? null
        : f.evaluationAveragesByRespondent().get("participant");
    goals.add(new Line("Graden av medvirkning (deltakerne, snitt 1 til 10)", participant == null
        || participant.size() < 3 || !n.over(0, participantAnswers).shown() ? WITHHELD
        : oneDecimal((participant.get(0) + participant.get(1) + participant.get(2)) / 3)));
    goals.add(new Line("Opplevd livskvalitet (deltakerne, snitt 1 til 10)", f.qualityOfLife() == null
        || !n.over(f.qualityOfLife(), f.qualityOfLifeAnswers()).shown() ? WITHHELD : oneDecimal(f.qualityOfLife())));
    return goals;
  }

  /** A table's cells as nested lines, or one line that says it is withheld. */
  private static void breakdown(List<Line> lines, Table table, java.util.function.UnaryOperator<String> label,
                                String what) {
    if (table.withheld()) {
      lines.add(new Line("  " + what, WITHHELD));
      return;
    }
    table.cells().forEach((key, c) -> lines.add(new Line("  " + label.apply(key), c.text())));
  }

  private static Map<String, Integer> two(String a, int x, String b, int y) {
    Map<String, Integer> m = new java.util.LinkedHashMap<>();
    m.put(a, x);
    m.put(b, y);
    return m;
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

  static String shareOf(SmallNumbers n, int part, int whole) {
    if (whole == 0) {
      return "–";
    }
    Figure share = n.share(part, whole);
    return share.shown() ? Math.round(100.0 * share.value()) + " %" : SmallNumbers.HIDDEN_NB;
  }

  static String oneDecimal(double value) {
    return String.format(java.util.Locale.forLanguageTag("nb-NO"), "%.1f", value);
  }

  static String days(int days) {
    return days == 1 ? "1 dag" : days + " dager";
  }
}
