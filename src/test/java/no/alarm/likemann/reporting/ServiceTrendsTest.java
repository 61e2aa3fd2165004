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
        Map.of("2026-10", 20, "2026-11", 2, "2026-12", 10));

    var published = ServiceTrends.Published.of(trends, new SmallNumbers(5));

    assertThat(published.referrals().cell("2026-11").shown()).isFalse();
    // with the total known, a second month goes too, or November would be the total less the others
    assertThat(published.referrals().cells().values().stream().filter(c -> !c.shown()).count()).isEqualTo(2);
    assertThat(published.referrals().cell("2026-10").value()).isEqualTo(12);
    // minutes over two contacts point to a person's week: not given; over twenty they are
    assertThat(published.minutesInHours().get("2026-11").shown()).isFalse();
    assertThat(published.minutesInHours().get("2026-10").value()).isEqualTo(600.0);
  }
}
