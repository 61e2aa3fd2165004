package no.alarm.likemann.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import no.alarm.likemann.reporting.SmallNumbers.Count;
import no.alarm.likemann.reporting.SmallNumbers.Figure;
import no.alarm.likemann.reporting.SmallNumbers.Table;

/**
 * The service's figures as they leave the case level ({@code /api/reports/summary}, Cockpit's *Tjenesten i tall*):
 * {@link ServiceSummary}'s counts with every small number hidden ({@link SmallNumbers}). A figure that is also a cell
 * of a table (the open journeys among the outcomes, the weekly logs sent of those opened) is taken from the table as
 * it is shown, and a table that breaks down a cell (the closing reasons of the closed journeys) is shown only when
 * that cell is: otherwise one would give away what the other hides. {@code participants} counts people, each once
 * however many times they were referred ({@code referrals} counts journeys).
 */
public record PublishedSummary(
    int smallestCountShown,
    Count referrals,
    Count participants,
    Count openJourneys,
    Count waitingForCapacity,
    Table referralsByMunicipality,
    Table referralsByGender,
    Table referralsByAgeGroup,
    Table journeysByOutcome,
    Table closingReasons,
    Figure individualPlanShare,
    Figure brukerplanShare,
    Count activeCouplings,
    Table mentorsByStatus,
    Count activeMentorsWithNavGrant,
    Count portalenJoined,
    Count portalenStillActive,
    Table evaluationAnswers,
    DropOut dropOut,
    Contacts contacts,
    WeeklyLogs weeklyLogs,
    TimeToMentor timeToMentor,
    Map<String, RegionCapacity> capacityByRegion,
    Map<String, Costs> mileageAndExpensesByMonth,
    Count participantsInService,
    Table participantsInServiceByMunicipality,
    Map<String, Plans> plansByMunicipality) {

  /**
   * A municipality's shares of its participants in the service with an individual plan and with Brukerplan (plan 000
   * §7: at least 50 % and 100 %); a share over fewer than the threshold, or that would give a small count away, is
   * not shown.
   */
  public record Plans(Figure individualPlanShare, Figure brukerplanShare) {}

  public record DropOut(Count coupledParticipants, Count counted, Count afterTreatmentEnded, Figure share) {}

  public record Contacts(Count contacts, Count reached, Count notReached, Table byType, Figure minutes,
                         Figure minutesOutsideHours, Figure outsideHoursShare, Figure perWeekLastFourWeeks) {}

  public record WeeklyLogs(Count opened, Count sent, Figure sentShare) {}

  public record TimeToMentor(Count coupled, Figure medianDaysToMatching, Figure medianDaysInMatching,
                             Count waitingNow, Figure longestWaitDays) {}

  public record RegionCapacity(Count activeMentors, Count freeSlots, Count waiting) {}

  /** A month's driving and expenses, shown when at least the threshold's number of monthly reports make them. */
  public record Costs(Count reports, Figure km, Figure kr) {}

  public static PublishedSummary of(ServiceSummary.Summary s, SmallNumbers n) {
    Table outcomes = n.table(s.journeysByOutcome());
    Table closing = outcomes.cell("CLOSED").shown() ? n.table(s.closingReasons())
        : new Table(outcomes.cell("CLOSED"), Map.of(), true);
    Table portalen = n.table(twoCells("stillActive", s.portalenStillActive(),
        "left", s.portalenJoined() - s.portalenStillActive()));

    var d = s.dropOut();
    var c = s.contacts();
    Table reached = n.table(twoCells("reached", c.reached(), "notReached", c.notReached()));
    int lastFourWeeks = (int) Math.round(c.perWeekLastFourWeeks() * 4);
    var w = s.weeklyLogs();
    Table logs = n.table(twoCells("sent", w.sent(), "notSent", w.opened() - w.sent()));
    var t = s.timeToMentor();

    Map<String, RegionCapacity> capacity = new LinkedHashMap<>();
    s.capacityByRegion().forEach((region, r) -> capacity.put(region,
        new RegionCapacity(n.count(r.activeMentors()), n.count(r.freeSlots()), n.count(r.waiting()))));
    Map<String, Costs> costs = new LinkedHashMap<>();
    s.mileageAndExpensesByMonth().forEach((month, k) -> costs.put(month,
        new Costs(n.count(k.reports()), n.over(k.km(), k.reports()), n.over(k.kr(), k.reports()))));

    return new PublishedSummary(
        n.threshold(),
        outcomes.total(),
        n.distinct(s.participants(), s.referrals()),
        outcomes.cell("OPEN"),
        n.count(s.waitingForCapacity()),
        n.table(s.referralsByMunicipality()),
        n.table(s.referralsByGender()),
        n.table(s.referralsByAgeGroup()),
        outcomes,
        closing,
        n.share(s.withIndividualPlan(), s.participantsInService()),
        n.share(s.withBrukerplan(), s.participantsInService()),
        n.count(s.activeCouplings()),
        n.table(s.mentorsByStatus()),
        n.count(s.activeMentorsWithNavGrant()),
        portalen.total(),
        portalen.cell("stillActive"),
        n.table(s.evaluationAnswers()),
        new DropOut(n.count(d.coupledParticipants()), n.count(d.counted()), n.count(d.afterTreatmentEnded()),
            n.share(d.counted(), d.coupledParticipants())),
        new Contacts(reached.total(), reached.cell("reached"), reached.cell("notReached"), n.table(c.byType()),
            n.over(c.minutes(), c.contacts()), n.over(c.minutesOutsideHours(), c.contacts()),
            n.over(c.outsideHoursShare(), c.contacts()),
            lastFourWeeks > 0 && lastFourWeeks < n.threshold() ? Figure.NONE
                : new Figure(c.perWeekLastFourWeeks())),
        new WeeklyLogs(logs.total(), logs.cell("sent"), n.share(w.sent(), w.opened())),
        new TimeToMentor(n.count(t.coupled()), n.over(t.medianDaysToMatching(), t.coupled()),
            n.over(t.medianDaysInMatching(), t.coupled()), n.count(t.waitingNow()),
            n.over(t.longestWaitDays(), t.waitingNow())),
        capacity,
        costs,
        n.count(s.participantsInService()),
        n.table(s.participantsInServiceByMunicipality()),
        plans(s, n));
  }

  private static Map<String, Plans> plans(ServiceSummary.Summary s, SmallNumbers n) {
    Map<String, Plans> plans = new LinkedHashMap<>();
    s.participantsInServiceByMunicipality().forEach((municipality, participants) -> plans.put(municipality,
        new Plans(n.share(s.withIndividualPlanByMunicipality().getOrDefault(municipality, 0), participants),
            n.share(s.withBrukerplanByMunicipality().getOrDefault(municipality, 0), participants))));
    return plans;
  }

  private static Map<String, Integer> twoCells(String a, int x, String b, int y) {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put(a, x);
    m.put(b, y);
    return m;
  }
}
