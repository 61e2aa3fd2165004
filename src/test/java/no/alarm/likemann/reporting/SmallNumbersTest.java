package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class SmallNumbersTest {

  final SmallNumbers five = new SmallNumbers(5);

  @Test
  void countsFromOneToFourSayUnderFive() {
    assertThat(five.count(0).json()).isEqualTo(0);
    assertThat(five.count(1).json()).isEqualTo("under 5");
    assertThat(five.count(4).text()).isEqualTo("under 5");
    assertThat(five.count(5).json()).isEqualTo(5);
    assertThat(new SmallNumbers(10).count(9).json()).isEqualTo("under 10");
    assertThatThrownBy(() -> new SmallNumbers(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theIssuesExampleOfOneReferralShowsNothingOfIt() throws Exception {
    var byGender = five.table(Map.of("male", 1));
    assertThat(byGender.withheld()).isTrue();
    assertThat(byGender.cells()).isEmpty();
    assertThat(byGender.total().json()).isEqualTo("under 5");
    assertThat(new ObjectMapper().writeValueAsString(byGender)).doesNotContain("male").doesNotContain(":1");
    assertThat(five.share(1, 1).shown()).isFalse();
    assertThat(new ObjectMapper().writeValueAsString(five.share(1, 1))).isEqualTo("\"hidden\"");
  }

  @Test
  void oneSmallCellTakesTheNextSmallestWithIt() {
    // Skien 3, Porsgrunn 12, Bamble 30: with the total 45 shown, Skien alone hidden would be 45 - 42 = 3
    var t = five.table(ordered("Skien", 3, "Porsgrunn", 12, "Bamble", 30));
    assertThat(t.cell("Skien").json()).isEqualTo("under 5");
    assertThat(t.cell("Porsgrunn").json()).isEqualTo(SmallNumbers.HIDDEN);
    assertThat(t.cell("Bamble").json()).isEqualTo(30);
    assertThat(t.total().json()).isEqualTo(45);
  }

  @Test
  void twoSmallCellsWhoseSumGivesThemAwayTakeAThird() {
    // 1 + 1 = 2: both are 1, the only way two cells of 1 to 4 make 2
    var t = five.table(ordered("female", 1, "other", 1, "male", 20));
    assertThat(t.cell("male").shown()).isFalse();
    // 2 + 3 = 5 leaves each of them more than one value: nothing more is hidden
    var u = five.table(ordered("female", 2, "other", 3, "male", 20));
    assertThat(u.cell("male").json()).isEqualTo(20);
    assertThat(u.cell("female").json()).isEqualTo("under 5");
    // 4 + 4 = 8: both are 4
    assertThat(five.table(ordered("a", 4, "b", 4, "c", 9)).cell("c").shown()).isFalse();
  }

  @Test
  void aTableThatCannotBeMadeSafeShowsItsTotalOnly() {
    // 1 and 5 of 6: with the second hidden too, it is 5 or 6 and the first 1 or... only 1
    var t = five.table(ordered("a", 1, "b", 5));
    assertThat(t.withheld()).isTrue();
    assertThat(t.cells()).isEmpty();
    assertThat(t.total().json()).isEqualTo(6);
    assertThat(t.cell("a").shown()).isFalse();
  }

  @Test
  void bigCellsAndZerosAreShown() {
    var t = five.table(ordered("a", 0, "b", 5, "c", 17));
    assertThat(t.withheld()).isFalse();
    assertThat(t.cells().values()).extracting(SmallNumbers.Count::json).containsExactly(0, 5, 17);
    assertThat(five.table(Map.of()).total().json()).isEqualTo(0);
  }

  @Test
  void sharesAndAveragesOverFewPeopleOrGivingASmallCountAwayAreNotShown() {
    assertThat(five.share(5, 10).value()).isEqualTo(0.5);
    assertThat(five.share(0, 10).value()).isEqualTo(0.0);
    assertThat(five.share(10, 10).value()).isEqualTo(1.0);
    assertThat(five.share(2, 4).shown()).as("over four people").isFalse();
    assertThat(five.share(2, 50).shown()).as("the part is 2").isFalse();
    assertThat(five.share(48, 50).shown()).as("the rest is 2").isFalse();
    assertThat(five.over(3.4, 4).shown()).isFalse();
    assertThat(five.over(3.4, 5).value()).isEqualTo(3.4);
  }

  /**
   * Every table of up to four categories and totals up to 24, published: a reader who knows the total, the cells
   * shown, that "under 5" is 1 to 4 and "hidden" at least 5, finds every hidden cell able to take two values or more.
   */
  @Test
  void noHiddenCellCanBeWorkedOutInAnyTable() {
    Random random = new Random(20261202);
    int tables = 0;
    for (int i = 0; i < 20_000; i++) {
      int categories = 1 + random.nextInt(4);
      Map<String, Integer> cells = new LinkedHashMap<>();
      for (int c = 0; c < categories; c++) {
        cells.put("k" + c, random.nextInt(random.nextBoolean() ? 5 : 13));
      }
      var t = five.table(cells);
      tables++;
      int total = cells.values().stream().mapToInt(Integer::intValue).sum();
      assertThat(t.total().json()).isEqualTo(total > 0 && total < 5 ? "under 5" : total);
      if (t.withheld()) {
        continue;
      }
      List<String> hidden = new ArrayList<>();
      Map<String, int[]> range = new LinkedHashMap<>();
      int shownSum = 0;
      for (var e : t.cells().entrySet()) {
        if (e.getValue().shown()) {
          assertThat(e.getValue().value()).isEqualTo(cells.get(e.getKey()));
          assertThat(e.getValue().value() >= 1 && e.getValue().value() <= 4).isFalse();
          shownSum += e.getValue().value();
        } else {
          hidden.add(e.getKey());
          range.put(e.getKey(), "under 5".equals(e.getValue().label()) ? new int[] {1, 4} : new int[] {5, total});
        }
      }
      if (hidden.isEmpty()) {
        continue;
      }
      Map<String, Set<Integer>> possible = new LinkedHashMap<>();
      hidden.forEach(k -> possible.put(k, new HashSet<>()));
      assign(hidden, range, 0, total - shownSum, new int[hidden.size()], possible);
      for (String k : hidden) {
        assertThat(possible.get(k)).as("%s of %s", k, cells).hasSizeGreaterThan(1).contains(cells.get(k));
      }
    }
    assertThat(tables).isEqualTo(20_000);
  }

  private static void assign(List<String> hidden, Map<String, int[]> range, int i, int left, int[] values,
                             Map<String, Set<Integer>> possible) {
    if (i == hidden.size()) {
      if (left == 0) {
        for (int j = 0; j < values.length; j++) {
          possible.get(hidden.get(j)).add(values[j]);
        }
      }
      return;
    }
    int[] r = range.get(hidden.get(i));
    for (int v = r[0]; v <= Math.min(r[1], left); v++) {
      values[i] = v;
      assign(hidden, range, i + 1, left - v, values, possible);
    }
  }

  private static Map<String, Integer> ordered(Object... keysAndCounts) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndCounts.length; i += 2) {
      m.put((String) keysAndCounts[i], (Integer) keysAndCounts[i + 1]);
    }
    return m;
  }
}
