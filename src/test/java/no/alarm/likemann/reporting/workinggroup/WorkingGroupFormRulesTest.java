package no.alarm.likemann.reporting.workinggroup;

import static no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Var.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Element;

import org.junit.jupiter.api.Test;

class WorkingGroupFormRulesTest {

  static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

  static List<String> meeting(String formId, Map<String, Object> values) {
    List<Violation> out = new ArrayList<>();
    WorkingGroupFormRules.checkMeeting(formId, FormInput.of(values), OCTOBER, TODAY, out);
    return out.stream().map(Violation::field).toList();
  }

  static Map<String, Object> held() {
    Map<String, Object> v = new HashMap<>();
    v.put(MEETING_HELD, "yes");
    v.put(MEETING_DATE, "2026-10-15");
    v.put(MEETING_ATTENDEES, List.of("alarm"));
    v.put(CASES_DISCUSSED, "Rekruttering");
    return v;
  }

  @Test
  void aMeetingHeldNeedsItsDayInTheMonthNotAheadWhoCameAndTheCases() {
    assertThat(meeting(Element.HOLD_WORKING_GROUP_MEETING, held())).isEmpty();
    for (String day : List.of("2026-09-30", "2026-11-01", "2026-10-21")) {
      Map<String, Object> v = held();
      v.put(MEETING_DATE, day);
      assertThat(meeting(Element.HOLD_WORKING_GROUP_MEETING, v)).as(day).containsExactly(MEETING_DATE);
    }
    Map<String, Object> bare = Map.of(MEETING_HELD, "yes", MEETING_ATTENDEES, List.of());
    assertThat(meeting(Element.HOLD_WORKING_GROUP_MEETING, bare)).containsExactly(MEETING_DATE, CASES_DISCUSSED,
        MEETING_ATTENDEES);
    // today is not ahead
    Map<String, Object> today = held();
    today.put(MEETING_DATE, "2026-10-20");
    assertThat(meeting(Element.HOLD_WORKING_GROUP_MEETING, today)).isEmpty();
  }

  @Test
  void aMeetingNotHeldNeedsItsReasonAndNothingElse() {
    assertThat(meeting(Element.HOLD_WORKING_GROUP_MEETING, Map.of(MEETING_HELD, "no"))).containsExactly(
        MEETING_NOT_HELD_REASON);
    assertThat(meeting(Element.HOLD_WORKING_GROUP_MEETING, Map.of(MEETING_HELD, "no", MEETING_NOT_HELD_REASON,
        "Ferie"))).isEmpty();
  }

  @Test
  void theHalfYearEvaluationNeedsItsConclusionsWhenTheMeetingWasHeld() {
    assertThat(meeting(Element.HOLD_HALF_YEAR_EVALUATION, held())).containsExactly(EVALUATION_SUMMARY);
    Map<String, Object> evaluated = held();
    evaluated.put(EVALUATION_SUMMARY, "I rute");
    assertThat(meeting(Element.HOLD_HALF_YEAR_EVALUATION, evaluated)).isEmpty();
    assertThat(meeting(Element.HOLD_HALF_YEAR_EVALUATION, Map.of(MEETING_HELD, "no", MEETING_NOT_HELD_REASON,
        "Avlyst"))).isEmpty();
  }

  @Test
  void outlaysAndTravelCostsAboveZeroSayWhatTheyWere() {
    WorkingGroupFormRules rules = new WorkingGroupFormRules(new no.alarm.likemann.calendar.OsloCalendar());
    List<Violation> out = new ArrayList<>();
    rules.check(Element.WRITE_ADVISER_REPORT, FormInput.of(Map.of(OUTLAYS_KR, 100, TRAVEL_COSTS_KR, 1)), out);
    assertThat(out).extracting(Violation::field).containsExactly(OUTLAYS_NOTE, TRAVEL_NOTE);
    out.clear();
    rules.check(Element.WRITE_ADVISER_REPORT, FormInput.of(Map.of(OUTLAYS_KR, 0, TRAVEL_COSTS_KR, 0)), out);
    assertThat(out).isEmpty();
  }
}
