package no.alarm.likemann.reporting.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.steering.SteeringReportLines.Section;

import org.junit.jupiter.api.Test;

class SteeringReportLinesTest {

  static final LocalDate JANUARY_1 = LocalDate.of(2026, 1, 1);
  static final LocalDate OCTOBER_31 = LocalDate.of(2026, 10, 31);
  /** Every count shown: the wording of the figures themselves. */
  static final SmallNumbers ALL = new SmallNumbers(1);
  static final SmallNumbers FIVE = new SmallNumbers(5);

  @Test
  void shouldSayEveryFigureInNorwegianWithTheGoalsBesideTheShares() {
    var sections = SteeringReportLines.of(SteeringFixtures.figures(JANUARY_1, OCTOBER_31), ALL);
    assertThat(sections).extracting(Section::title).containsExactly("Henvisninger", "Forløpene",
        "Kontakt med deltakerne", "Innleggelse og utskriving", "Likemennene", "Evalueringen (snitt, 1 til 10)", "Portalen",
        "Målene i prosjektplanen", "Avvik fra avtalene", "Arbeidsgruppen");
    Map<String, String> lines = new java.util.LinkedHashMap<>();
    sections.forEach(s -> s.lines().forEach(l -> lines.put(l.label().strip(), l.value())));
    assertThat(lines).containsEntry("Henvisninger mottatt", "12")
        .containsEntry("forskjellige deltakere", "11")
        .containsEntry("fra Skien", "7")
        .containsEntry("Kvinner", "5")
        .containsEntry("18-30 år", "8")
        // over the participants in the service (11), not the referrals
        .containsEntry("Med individuell plan (mål minst 50 %)", "55 %")
        .containsEntry("Med Brukerplan (mål 100 %)", "91 %")
        .containsEntry("Deltakere i tjenesten (fulgt opp i perioden)", "11")
        .containsEntry("fullført", "5").containsEntry("avbrutt", "1")
        .containsEntry("Opplevd livskvalitet (deltakerne, snitt 1 til 10)", "8,5")
        .containsEntry("Uker med kontakt mellom koordinator og likemann (mål hver uke)", "36 av 40 (90 %)")
        .containsEntry("Fra henvisning til koblingsmøte, median", "23 dager")
        .containsEntry("Henvisninger og forløp avsluttet", "6")
        .containsEntry("Henvisningen avslått", "2")
        .containsEntry("Målene nådd", "3")
        .containsEntry("Frafall før behandlingen i TSB var slutt", "1 av 10 fulgt opp (10 %)")
        .containsEntry("På venteliste nå (1.11.2026)", "2")
        .containsEntry("nådde ikke deltakeren", "30")
        .containsEntry("Telefon eller SMS", "200")
        // 310 contacts over the 304 days of January to October: 7.1 a week
        .containsEntry("Kontaktpunkter per uke, snitt", "7,1")
        .containsEntry("Timer med deltakerne", "150,0")
        .containsEntry("av dem utenom vanlig arbeidstid", "52,5 (35 %)")
        .containsEntry("Ukelogger sendt", "111 av 120 (93 %)")
        .containsEntry("Innleggelser i perioden", "9").containsEntry("Akutt innleggelse", "3")
        .containsEntry("Utskrivinger i perioden", "8").containsEntry("før forventet dato", "3")
        .containsEntry("likemannen var med i overgangen", "75 %")
        .containsEntry("med tilskudd fra NAV", "2")
        .containsEntry("Likemenn nå: Aktive", "8")
        .containsEntry("fra deltakere", "4")
        .containsEntry("1. Medvirket i beslutninger", "Ruskonsulenter 8,0, Deltakere 9,0")
        .containsEntry("Kjøring (km)", "1200")
        .containsEntry("av dem fortsatt med", "3")
        .containsEntry("Arbeidsgruppemøter holdt", "9")
        .containsEntry("Rådgiverens månedsrapporter mottatt", "8");
  }

  @Test
  void theEvaluationReportHasTheEvaluationAndThePlansGoalsOnly() {
    var f = SteeringFixtures.figures(JANUARY_1, OCTOBER_31);
    assertThat(SteeringReportLines.of(SteeringPeriod.Kind.EVALUATION, f, ALL)).extracting(Section::title)
        .containsExactly("Evalueringen (snitt, 1 til 10)", "Målene i prosjektplanen");
    assertThat(SteeringReportLines.of(SteeringPeriod.Kind.YEAR_RESULTS, f, ALL))
        .isEqualTo(SteeringReportLines.of(f, ALL));
  }

  @Test
  void aPeriodWithoutAnythingSaysSoInsteadOfDividingByZero() {
    var empty = new SteeringFigures.Figures(JANUARY_1, JANUARY_1, JANUARY_1.plusDays(1), 0, Map.of(), Map.of(),
        Map.of(), 0, 0, 0, 0, null, 0, Map.of(), 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, Map.of(),
        Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), 0, 0, 0, null, 0, 0, Map.of(), 0, Map.of(), 0,
        0, 0, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    String md = SteeringReportLines.markdown(SteeringReportLines.of(empty, FIVE));
    assertThat(md).contains("- Med individuell plan (mål minst 50 %): **–**",
        "- Fra henvisning til koblingsmøte, median: **ingen koblet i perioden**",
        "- Svar på evalueringen: **ingen i perioden**", "- Ukelogger sendt: **0 av 0 (–)**")
        .doesNotContain("NaN", "Infinity");
  }

  @Test
  void theMarkdownNestsTheBreakdownsUnderTheirTotals() {
    String md = SteeringReportLines.markdown(SteeringReportLines.of(SteeringFixtures.figures(JANUARY_1, OCTOBER_31), ALL));
    assertThat(md).startsWith("#### Henvisninger\n- Henvisninger mottatt: **12**\n  - forskjellige deltakere: **11**\n"
        + "  - fra Porsgrunn: **5**\n")
        .contains("#### Portalen\n- Nye medarbeidere: **5**\n  - av dem fortsatt med: **3**\n")
        .contains("#### Avvik fra avtalene\n- Meldte avvik: **7**\n  - av dem sendt videre til prosjektlederen:"
            + " **2**\n")
        .endsWith("#### Arbeidsgruppen\n- Arbeidsgruppemøter holdt: **9**\n- Rådgiverens månedsrapporter mottatt:"
            + " **8**\n\n");
  }

  @Test
  void noLineGivesACountFromOneToFourOrAnAverageOverFewerThanFive() {
    var sections = SteeringReportLines.of(SteeringFixtures.figures(JANUARY_1, OCTOBER_31), FIVE);
    Map<String, String> lines = new java.util.LinkedHashMap<>();
    sections.forEach(s -> s.lines().forEach(l -> lines.put(l.label().strip(), l.value())));
    // every value, and every number in a value such as "1 av 10 fulgt opp (10 %)", is 0, 5 or more, or hidden
    lines.forEach((label, value) -> assertThat(java.util.regex.Pattern.compile("(?<![\\d,])[1-4](?![\\d,])")
        .matcher(value.replace("under 5", "")).find()).as(label + ": " + value).isFalse());
    assertThat(lines)
        // Porsgrunn 5 and Skien 7 of 12: nothing small
        .containsEntry("fra Skien", "7")
        // 11 people in 12 referrals: one came back, which the two side by side would tell
        .containsEntry("forskjellige deltakere", "skjult")
        // 31-50 is 4 of 12: hidden, and 18-30 with it, or 12 - 8 would give it back
        .containsEntry("31-50 år", "under 5").containsEntry("18-30 år", "skjult")
        // 6 of the 11 participants with an individual plan leaves 5 without: shown; 10 of 11 with Brukerplan leaves 1:
        // hidden; Porsgrunn's 3 participants are too few for a share
        .containsEntry("Med individuell plan (mål minst 50 %)", "55 %")
        .containsEntry("Med Brukerplan (mål 100 %)", "skjult")
        .containsEntry("Porsgrunn", "skjult")
        // treatment ended for 6: 1 broken off is small, and the 5 completed would give it away: no breakdown
        .containsEntry("fullført eller avbrutt", SteeringReportLines.WITHHELD)
        // four answers about the quality of life: no average
        .containsEntry("Opplevd livskvalitet (deltakerne, snitt 1 til 10)", SteeringReportLines.WITHHELD)
        // six ended: declined 2, drop-out 1, goals reached 3, each "under 5": with 6 in all, each could be 1 to 4
        .containsEntry("Henvisninger og forløp avsluttet", "6")
        .containsEntry("Henvisningen avslått", "under 5").containsEntry("Målene nådd", "under 5")
        .containsEntry("Frafall før behandlingen i TSB var slutt", "under 5 av 10 fulgt opp (skjult)")
        // the median over six first couplings is shown
        .containsEntry("Fra henvisning til koblingsmøte, median", "23 dager")
        // three and four evaluation answers: no averages
        .containsEntry("1. Medvirket i beslutninger", SteeringReportLines.WITHHELD)
        .containsEntry("Nye medarbeidere", "5");
    assertThat(lines.get("av dem fortsatt med")).isIn("under 5", "skjult");
  }

  @Test
  void theWorkingGroupsMeetingsAndTheAdvisersReportsAreCountedAsTheyAreForTheyAreNotPeople() {
    var f = SteeringFixtures.figures(JANUARY_1, OCTOBER_31);
    var few = new SteeringFigures.Figures(f.from(), f.to(), f.takenOn(), f.referrals(), f.referralsByMunicipality(),
        f.referralsByGender(), f.referralsByAgeGroup(), f.withIndividualPlan(), f.withBrukerplan(), f.declined(),
        f.newCouplings(), f.medianDaysToCoupling(), f.inFollowUpAtEnd(), f.journeysEnded(),
        f.participantsFollowedUp(), f.dropOut(), f.contacts(), f.contactsReached(), f.contactsByType(),
        f.contactMinutes(), f.contactMinutesOutsideHours(), f.weeklyLogsOpened(), f.weeklyLogsSent(),
        f.mentorsEmployed(), f.mentorsEmployedWithNavGrant(), f.mentorsByStatusNow(), f.activeMentorsWithNavGrantNow(),
        f.waitingNow(), f.evaluationsByRespondent(), f.evaluationAveragesByRespondent(), f.portalenJoined(),
        f.portalenJoinedStillActive(), f.mileageKm(), f.expensesKr(), f.participantsCoupledFirstTime(),
        f.participants(), f.deviations(), f.deviationsEscalated(), f.participantsByMunicipality(),
        f.participantsWithIndividualPlanByMunicipality(), f.participantsWithBrukerplanByMunicipality(),
        f.tsbCompleted(), f.tsbBrokenOff(), f.qualityOfLifeAnswers(), f.qualityOfLife(), f.mentorWeeks(),
        f.mentorWeeksWithCoordinatorContact(), f.meetingsByKind(), f.meetingsCoordinatorStoodIn(),
        f.staysByAdmission(), f.discharges(), f.dischargesEarly(), f.dischargesMentorTookPart(), 3, 2,
        f.referralsByMonth(), f.couplingsByMonth(), f.dropOutByMonth(), f.waitingByMonth(),
        f.medianDaysToMentorByMonth(), f.firstCouplingsByMonth());
    var section = SteeringReportLines.of(few, FIVE).stream().filter(s -> s.title().equals("Arbeidsgruppen"))
        .findFirst().orElseThrow();
    assertThat(section.lines()).extracting(SteeringReportLines.Line::value).containsExactly("3", "2");
  }

  @Test
  void theMedianOverFewerThanFiveFirstCouplingsIsNotGiven() {
    var f = SteeringFixtures.figures(JANUARY_1, OCTOBER_31);
    var few = new SteeringFigures.Figures(f.from(), f.to(), f.takenOn(), f.referrals(), f.referralsByMunicipality(),
        f.referralsByGender(), f.referralsByAgeGroup(), f.withIndividualPlan(), f.withBrukerplan(), f.declined(),
        f.newCouplings(), f.medianDaysToCoupling(), f.inFollowUpAtEnd(), f.journeysEnded(),
        f.participantsFollowedUp(), f.dropOut(), f.contacts(), f.contactsReached(), f.contactsByType(),
        f.contactMinutes(), f.contactMinutesOutsideHours(), f.weeklyLogsOpened(), f.weeklyLogsSent(),
        f.mentorsEmployed(), f.mentorsEmployedWithNavGrant(), f.mentorsByStatusNow(), f.activeMentorsWithNavGrantNow(),
        f.waitingNow(), f.evaluationsByRespondent(), f.evaluationAveragesByRespondent(), f.portalenJoined(),
        f.portalenJoinedStillActive(), f.mileageKm(), f.expensesKr(), 4, f.participants(), f.deviations(),
        f.deviationsEscalated(), f.participantsByMunicipality(), f.participantsWithIndividualPlanByMunicipality(),
        f.participantsWithBrukerplanByMunicipality(), f.tsbCompleted(), f.tsbBrokenOff(), f.qualityOfLifeAnswers(),
        f.qualityOfLife(), f.mentorWeeks(), f.mentorWeeksWithCoordinatorContact(), f.meetingsByKind(),
        f.meetingsCoordinatorStoodIn(), f.staysByAdmission(), f.discharges(), f.dischargesEarly(),
        f.dischargesMentorTookPart(), f.workingGroupMeetingsHeld(), f.adviserReportsReceived(),
        f.referralsByMonth(), f.couplingsByMonth(), f.dropOutByMonth(), f.waitingByMonth(),
        f.medianDaysToMentorByMonth(), f.firstCouplingsByMonth());
    var lines = new java.util.LinkedHashMap<String, String>();
    SteeringReportLines.of(few, FIVE).forEach(s -> s.lines().forEach(l -> lines.put(l.label().strip(), l.value())));
    assertThat(lines).containsEntry("Fra henvisning til koblingsmøte, median", SteeringReportLines.WITHHELD);
  }
}
