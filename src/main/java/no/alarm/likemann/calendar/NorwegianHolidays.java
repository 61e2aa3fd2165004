package no.alarm.likemann.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Norway's public holidays (helligdager and offisielle høytidsdager): the fixed days and those that move with
 * Easter. Christmas Eve and New Year's Eve are not public holidays. Plain Java: the weekly contact log uses it to
 * count the time a mentor spends outside ordinary working hours.
 */
public final class NorwegianHolidays {

  private static final Set<MonthDay> FIXED = Set.of(
      MonthDay.of(1, 1),   // første nyttårsdag
      MonthDay.of(5, 1),   // offentlig høytidsdag
      MonthDay.of(5, 17),  // grunnlovsdag
      MonthDay.of(12, 25), // første juledag
      MonthDay.of(12, 26)); // andre juledag

  /** Days from Easter Sunday: skjærtorsdag, langfredag, påskedag, 2. påskedag, Kristi himmelfart, pinse, 2. pinsedag. */
  private static final int[] FROM_EASTER = {-3, -2, 0, 1, 39, 49, 50};

  private static final Map<Integer, Set<LocalDate>> MOVING = new ConcurrentHashMap<>();

  private NorwegianHolidays() {}

  public static boolean isHoliday(LocalDate day) {
    return FIXED.contains(MonthDay.from(day)) || MOVING.computeIfAbsent(day.getYear(), NorwegianHolidays::moving).contains(day);
  }

  private static Set<LocalDate> moving(int year) {
    LocalDate easter = easterSunday(year);
    LocalDate[] days = new LocalDate[FROM_EASTER.length];
    for (int i = 0; i < days.length; i++) {
      days[i] = easter.plusDays(FROM_EASTER[i]);
    }
    return Set.of(days);
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
