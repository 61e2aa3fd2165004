package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The months for the steering group's charts, and how they are published: no small count, none to be worked out. */
class ServiceTrendsTest {

  @Test
  void theTwelveMonthsEndWithThisOneTheOldestFirst() {
    List<YearMonth> months = ServiceTrends.months(LocalDate.of(2026, 12, 3));
    assertThat(months).hasSize(12).startsWith(YearMonth.of(2026, 1)).endsWith(YearMonth.of(2026, 12));
  }

  @Test
  void aSmallMonthIsHiddenAndSoIsWhatWouldGiveItAway() {
    Map<String, Integer> referrals = new LinkedHashMap<>();
    referrals.put("2026-10", 12);
    referrals.put("2026-11", 3);
    referrals.put("2026-12", 9);
    Map<String, Integer> none = Map.of("2026-10", 0, "2026-11", 0, "2026-12", 0);
    var trends = new ServiceTrends.Trends(List.of("2026-10", "2026-11", "2026-12"), referrals, none, none,
        Map.of("2026-10", 600, "2026-11", 30, "2026-12", 400), Map.of("2026-10", 120, "2026-11", 10, "2026-12", 60),
        Map.of("2026-10", 20, "2026-11", 2, "2026-12", 10), Map.of("2026-10", 7, "2026-11", 2, "2026-12", 0),
        Map.of("2026-10", 21.0, "2026-11", 40.0), Map.of("2026-10", 6, "2026-11", 2, "2026-12", 0));

    var published = ServiceTrends.Published.of(trends, new SmallNumbers(5));

    assertThat(published.referrals().cell("2026-11").shown()).isFalse();
    // with the total known, a second month goes too, or November would be the total less the others
    assertThat(published.referrals().cells().values().stream().filter(c -> !c.shown()).count()).isEqualTo(2);
    assertThat(published.referrals().cell("2026-10").value()).isEqualTo(12);
    // minutes over two contacts point to a person's week: not given; over twenty they are
    assertThat(published.minutesInHours().get("2026-11").shown()).isFalse();
    assertThat(published.minutesInHours().get("2026-10").value()).isEqualTo(600.0);
    // two waiting at November's end: hidden; seven in October: shown; none now: 0
    assertThat(published.waiting().get("2026-11").shown()).isFalse();
    assertThat(published.waiting().get("2026-10").value()).isEqualTo(7);
    assertThat(published.waiting().get("2026-12").value()).isZero();
    // a median over two couplings points to them: not given; over six it is; a month without any has none
    assertThat(published.medianDaysToMentor().get("2026-11").shown()).isFalse();
    assertThat(published.medianDaysToMentor().get("2026-10").value()).isEqualTo(21.0);
    assertThat(published.medianDaysToMentor().get("2026-12").shown()).isFalse();
  }

  private static java.time.Instant at(String day) {
    return LocalDate.parse(day).atTime(12, 0).atZone(java.time.ZoneId.of("Europe/Oslo")).toInstant();
  }

  @Test
  void whoWaitsAtEachMonthsEndAndHowLongTheMonthsNewCouplingsWaited() {
    List<YearMonth> months = List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12));
    var waits = ServiceTrends.Trends.Waits.of(List.of(
        // referred 1 Sep, in matching from 20 Sep, coupled 15 Oct: waited through September only; 44 days
        new ServiceTrends.Wait(at("2026-09-20"), at("2026-10-15"), null, at("2026-09-01")),
        // in matching from 10 Oct, coupled 2 Nov (31 days from referral on 2 Oct): waiting at October's end
        new ServiceTrends.Wait(at("2026-10-10"), at("2026-11-02"), null, at("2026-10-02")),
        // in matching from 5 Nov, ended 20 Nov without a coupling: waiting at no month's end
        new ServiceTrends.Wait(at("2026-11-05"), null, at("2026-11-20"), at("2026-11-01")),
        // in matching from 25 Nov, still waiting: at November's end and now
        new ServiceTrends.Wait(at("2026-11-25"), null, null, at("2026-11-20")),
        // coupled on 1 November just after midnight, Oslo time: November's
        new ServiceTrends.Wait(at("2026-10-01"), LocalDate.of(2026, 11, 1).atStartOfDay(
            java.time.ZoneId.of("Europe/Oslo")).toInstant().plusSeconds(60), null, at("2026-10-01"))), months);

    assertThat(waits.waiting()).containsExactly(Map.entry("2026-10", 2), Map.entry("2026-11", 1),
        Map.entry("2026-12", 1));
    assertThat(waits.firstCouplings()).containsExactly(Map.entry("2026-10", 1), Map.entry("2026-11", 2),
        Map.entry("2026-12", 0));
    // November: 31 and 31 days
    assertThat(waits.medianDaysToMentor()).containsEntry("2026-10", 44.0).containsEntry("2026-11", 31.0)
        .doesNotContainKey("2026-12");
  }
}
