package no.alarm.likemann.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Figures that leave the case level never point to a person (GDPR art. 5 and 89; Normen's guidance on statistics):
 * a count from 1 to {@code threshold - 1} is shown as "under 5", and a table hides as many further cells as it takes
 * for none of its hidden cells to be worked out from its total and the cells it shows (secondary suppression).
 * Shares, averages and medians over fewer than {@code threshold} people are not shown, nor a share whose part or
 * rest is a small count (it would give the count back with the total). Plain Java: tested without a database.
 *
 * <p>How a hidden cell could be worked out: its readers know the total, the cells shown, that a cell shown as
 * "under 5" is between 1 and 4 and that a cell hidden for the others' sake is at least 5 (it would say "under 5"
 * otherwise). A table is safe when, from all of that, no hidden cell has only one value it could be. Where no
 * choice of further cells makes it safe, the table shows its total only.
 */
public final class SmallNumbers {

  /** What a hidden figure says in the API (English) and on paper (Norwegian). */
  public static final String HIDDEN = "hidden";
  public static final String HIDDEN_NB = "skjult";

  private final int threshold;

  /** {@code threshold}: the smallest count shown; 1 shows every count (for a test of the figures themselves). */
  public SmallNumbers(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("The smallest count shown must be at least 1, not " + threshold);
    }
    this.threshold = threshold;
  }

  public int threshold() {
    return threshold;
  }

  /** "under 5": what a count from 1 to 4 says, in the API and on paper alike. */
  public String under() {
    return "under " + threshold;
  }

  /** A count as it may be shown: the number, "under 5" or (hidden for another cell's sake) "hidden". */
  public record Count(Integer value, String label) {
    public static Count of(int n) {
      return new Count(n, null);
    }

    public boolean shown() {
      return value != null;
    }

    @JsonValue
    public Object json() {
      return value != null ? value : label;
    }

    /** For the printed reports: the number, or the label in Norwegian. */
    public String text() {
      return value != null ? Integer.toString(value) : HIDDEN.equals(label) ? HIDDEN_NB : label;
    }
  }

  /** A share (0 to 1, three decimals) or an average, or hidden: {@code null} in Java, "hidden" in the API. */
  public record Figure(Double value) {
    public static final Figure NONE = new Figure(null);

    public boolean shown() {
      return value != null;
    }

    @JsonValue
    public Object json() {
      return value != null ? value : HIDDEN;
    }
  }

  /**
   * A table of counts by category, with its total. {@code cells} holds every category there is (a withheld table
   * none): the API's and the page's way to tell "none" from "not shown" is {@code withheld}.
   */
  public record Table(Count total, Map<String, Count> cells, boolean withheld) {
    /** A cell as shown, 0 for a category with none. */
    public Count cell(String key) {
      Count c = cells.get(key);
      return c != null ? c : withheld ? new Count(null, HIDDEN) : Count.of(0);
    }
  }

  public Count count(int n) {
    return n > 0 && n < threshold ? new Count(null, under()) : Count.of(n);
  }

  /** The cells (none negative) with their sum as the total, which the reader is taken to know. */
  public Table table(Map<String, Integer> cells) {
    int total = cells.values().stream().mapToInt(Integer::intValue).sum();
    if (total > 0 && total < threshold) {
      return new Table(count(total), Map.of(), true);
    }
    List<String> hidden = new ArrayList<>();
    cells.forEach((key, n) -> {
      if (n > 0 && n < threshold) {
        hidden.add(key);
      }
    });
    List<String> secondary = new ArrayList<>();
    List<String> candidates = new ArrayList<>(cells.keySet().stream().filter(k -> cells.get(k) >= threshold)
        .sorted(Comparator.comparing(cells::get)).toList());
    while (!hidden.isEmpty() && !safe(cells, hidden, secondary, total)) {
      if (candidates.isEmpty()) {
        return new Table(count(total), Map.of(), true);
      }
      String next = candidates.remove(0);
      hidden.add(next);
      secondary.add(next);
    }
    Map<String, Count> shown = new LinkedHashMap<>();
    cells.forEach((key, n) -> shown.put(key, !hidden.contains(key) ? Count.of(n)
        : secondary.contains(key) ? new Count(null, HIDDEN) : new Count(null, under())));
    return new Table(count(total), shown, false);
  }

  /**
   * Whether no hidden cell's value follows from the total: each lies between what the others leave at most and at
   * least, and it must be able to take two values there.
   */
  private boolean safe(Map<String, Integer> cells, List<String> hidden, List<String> secondary, int total) {
    if (hidden.size() < 2) {
      return false;
    }
    int sum = hidden.stream().mapToInt(cells::get).sum();
    int allLow = 0;
    int allHigh = 0;
    for (String key : hidden) {
      allLow += low(key, secondary);
      allHigh += high(key, secondary, total);
    }
    for (String key : hidden) {
      int lo = Math.max(low(key, secondary), sum - (allHigh - high(key, secondary, total)));
      int hi = Math.min(high(key, secondary, total), sum - (allLow - low(key, secondary)));
      if (lo >= hi) {
        return false;
      }
    }
    return true;
  }

  private int low(String key, List<String> secondary) {
    return secondary.contains(key) ? threshold : 1;
  }

  private int high(String key, List<String> secondary, int total) {
    return secondary.contains(key) ? total : threshold - 1;
  }

  /**
   * {@code part} of {@code of} people: shown when there are at least {@code threshold} and neither the part nor the
   * rest is a small count (with the total shown, either would give the other away).
   */
  public Figure share(int part, int of) {
    if (of < threshold || small(part) || small(of - part)) {
      return Figure.NONE;
    }
    return new Figure(Math.round(1000.0 * part / of) / 1000.0);
  }

  /**
   * {@code distinct} people among {@code of} journeys: shown when the journeys of people who came back (the
   * difference) are not a small count, which the two figures side by side would give away.
   */
  public Count distinct(int distinct, int of) {
    return small(of - distinct) ? new Count(null, HIDDEN) : count(distinct);
  }

  /** An average or a median over {@code people}: shown over at least {@code threshold} of them. */
  public Figure over(double value, int people) {
    return people < threshold ? Figure.NONE : new Figure(value);
  }

  private boolean small(int n) {
    return n > 0 && n < threshold;
  }
}
