package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormInputValidator;
import no.alarm.likemann.forms.Violation;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monthly report forms' checks on the server: the .form files' own rules and the domain rules. */
class MonthlyReportFormRulesTest {

  final FormInputValidator validator = new FormInputValidator(List.of(new MonthlyReportFormRules(new OsloCalendar())));

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 23, 10, 0).atZone(ZoneId.of("Europe/Oslo"))
        .toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  List<String> refused(String form, Map<String, Object> values) {
    return validator.violations(form, FormInput.of(values)).stream().map(Violation::english).toList();
  }

  @Test
  void aMonthMayNotBeInTheFuture() {
    assertThat(refused("reportMonthRequested", Map.of("reportMonth", "2026-11"))).isEmpty();
    assertThat(refused("reportMonthRequested", Map.of("reportMonth", "2025-01"))).isEmpty();
    assertThat(refused("reportMonthRequested", Map.of("reportMonth", "2026-12")))
        .containsExactly("reportMonth must not be in the future");
    assertThat(refused("reportMonthRequested", Map.of("reportMonth", "11-2026")))
        .containsExactly("reportMonth must be a month (yyyy-mm)");
    assertThat(refused("reportMonthRequested", Map.of())).contains("reportMonth is required");
  }

  @Test
  void mileageAndExpensesAreNeverNegativeAndExpensesSayWhatFor() {
    Map<String, Object> report = new HashMap<>(Map.of("participantReferences", "[\"HEN-2026-00001\"]",
        "participantStatus", "HEN-2026-00001: Går bra", "mentorMileageKm", 12, "mentorExpensesKr", 0));
    assertThat(refused("writeMonthlyMentorReport", report)).isEmpty();

    report.put("mentorMileageKm", -1);
    report.put("mentorExpensesKr", 250);
    assertThat(refused("writeMonthlyMentorReport", report)).containsExactlyInAnyOrder(
        "mentorMileageKm must be at least 0", "mentorExpensesFor is required when there are expenses");
    report.put("mentorExpensesKr", -5);
    assertThat(refused("writeMonthlyMentorReport", report)).contains("mentorExpensesKr must be at least 0");

    Map<String, Object> coordinator = new HashMap<>(Map.of("regionParticipants", "[\"HEN-2026-00001\"]",
        "participantGoals", "HEN-2026-00001: Jobb", "nextMonthPlan", "Plan", "partnersInvolved", "NAV",
        "coordinatorMileageKm", -3, "coordinatorExpensesKr", 100));
    assertThat(refused("writeMonthlyCoordinatorReport", coordinator)).containsExactlyInAnyOrder(
        "coordinatorMileageKm must be at least 0", "coordinatorExpensesFor is required when there are expenses");
  }

  @Test
  void textsHaveLimits() {
    Map<String, Object> coordinator = new HashMap<>(Map.of("regionParticipants", "[]", "participantGoals", "",
        "nextMonthPlan", "x".repeat(2001), "partnersInvolved", "NAV", "coordinatorMileageKm", 0,
        "coordinatorExpensesKr", 0));
    assertThat(refused("writeMonthlyCoordinatorReport", coordinator))
        .containsExactly("nextMonthPlan must be at most 2000 characters");
    assertThat(refused("readMonthlyReport", Map.of("monthlyReportRead", false)))
        .containsExactly("monthlyReportRead must be true");
  }
}
