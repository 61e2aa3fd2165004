package no.alarm.likemann.portalen;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A medarbeider's agreed working days: parsing what the form sends, and the next agreed day. Plain Java. */
public final class AgreedDays {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<DayOfWeek, String> NORWEGIAN = Map.of(DayOfWeek.MONDAY, "mandag", DayOfWeek.TUESDAY,
      "tirsdag", DayOfWeek.WEDNESDAY, "onsdag", DayOfWeek.THURSDAY, "torsdag", DayOfWeek.FRIDAY, "fredag",
      DayOfWeek.SATURDAY, "lørdag", DayOfWeek.SUNDAY, "søndag");

  private AgreedDays() {}

  /**
   * The days in a checklist value: a JSON list (Tasklist sends lists as JSON), a Java list, or comma-separated text.
   * Unknown day names make the result empty, so the rule refuses it.
   */
  public static Set<DayOfWeek> parse(Object value) {
    List<String> names = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> names.add(String.valueOf(v)));
    } else if (value != null) {
      String text = value.toString().strip();
      if (text.startsWith("[")) {
        try {
          JsonNode node = JSON.readTree(text);
          node.forEach(n -> names.add(n.asText()));
        } catch (IOException e) {
          return EnumSet.noneOf(DayOfWeek.class);
        }
      } else if (!text.isEmpty()) {
        for (String part : text.split(",")) {
          names.add(part.strip());
        }
      }
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String name : names) {
      try {
        days.add(DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return EnumSet.noneOf(DayOfWeek.class);
      }
    }
    return days;
  }

  public static String codes(Set<DayOfWeek> days) {
    return days.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
  }

  public static String norwegian(Set<DayOfWeek> days) {
    return days.stream().map(NORWEGIAN::get).collect(Collectors.joining(", "));
  }

  /** The first agreed day after the given day. */
  public static LocalDate nextAfter(LocalDate day, Set<DayOfWeek> agreed) {
    if (agreed.isEmpty()) {
      throw new IllegalArgumentException("No agreed days");
    }
    LocalDate next = day.plusDays(1);
    while (!agreed.contains(next.getDayOfWeek())) {
      next = next.plusDays(1);
    }
    return next;
  }
}
