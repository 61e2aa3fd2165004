package no.alarm.likemann.portalen;

import static java.time.DayOfWeek.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgreedDaysTest {

  @Test
  void shouldReadWhatTheFormSends() {
    assertThat(AgreedDays.parse("[\"monday\",\"friday\"]")).containsExactly(MONDAY, FRIDAY);
    assertThat(AgreedDays.parse(List.of("wednesday"))).containsExactly(WEDNESDAY);
    assertThat(AgreedDays.parse("monday, thursday")).containsExactly(MONDAY, THURSDAY);
    assertThat(AgreedDays.parse("[\"someday\"]")).isEmpty();
    assertThat(AgreedDays.parse(null)).isEmpty();
    assertThat(AgreedDays.parse("[]")).isEmpty();
  }

  @Test
  void shouldFindTheNextAgreedDay() {
    LocalDate sunday = LocalDate.of(2026, 11, 22);
    assertThat(AgreedDays.nextAfter(sunday, EnumSet.of(MONDAY, WEDNESDAY))).isEqualTo(sunday.plusDays(1));
    assertThat(AgreedDays.nextAfter(sunday.plusDays(1), EnumSet.of(MONDAY, WEDNESDAY))).isEqualTo(sunday.plusDays(3));
    assertThat(AgreedDays.nextAfter(sunday.plusDays(3), EnumSet.of(MONDAY, WEDNESDAY))).isEqualTo(sunday.plusDays(8));
    assertThat(AgreedDays.norwegian(EnumSet.of(MONDAY, SATURDAY))).isEqualTo("mandag, lørdag");
  }
}
