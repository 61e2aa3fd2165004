package no.alarm.likemann.it;

import static no.alarm.likemann.portalen.WorkParticipation.Element.*;
import static no.alarm.likemann.portalen.WorkParticipation.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import no.alarm.likemann.portalen.PortalenRegister;
import no.alarm.likemann.portalen.WorkParticipation;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Portalen in the real application, as the demo mentor (nested in the H2 and PostgreSQL test classes). */
abstract class AbstractPortalenTests extends ApplicationTestSupport {

  @Autowired PortalenRegister portalen;

  static final LocalDate TODAY_DATE = LocalDate.now(ZoneId.of("Europe/Oslo"));
  /** The form offers Monday to Saturday: on a Sunday the tests' agreed day is yesterday (Saturday). */
  static final LocalDate AGREED_DATE = lastAgreeableDay(TODAY_DATE);

  static LocalDate lastAgreeableDay(LocalDate today) {
    return today.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? today.minusDays(1) : today;
  }

  @Test
  void aMentorFollowsAMedarbeiderDayByDay() throws Exception {
    var before = portalen.counts();
    String agreedDay = AGREED_DATE.getDayOfWeek().name().toLowerCase(Locale.ROOT);
    String definition = latest(WorkParticipation.PROCESS_KEY);
    as("likemann");
    ProcessInstance pi = forms.submitStartForm(definition, values(MEDARBEIDER_NAME, "Ola", WORKPLACE, "redesign",
        AGREED_DAYS, List.of(agreedDay), START_DATE, AGREED_DATE.toString()));
    identity.clearAuthentication();
    assertThat(pi.getBusinessKey()).matches("PO-\\d{4}");
    assertThat(portalen.counts()).isEqualTo(new PortalenRegister.Counts(before.joined() + 1, before.stillActive() + 1));

    // today (or yesterday, Saturday, on a Sunday) is an agreed day: the timer (due at nine) makes its attendance task
    Task attendance = dueTask(pi, REGISTER_ATTENDANCE);
    assertThat(attendance.getAssignee()).isEqualTo("likemann");

    // a day that was not agreed is refused
    String yesterday = AGREED_DATE.minusDays(1).toString();
    assertThatThrownBy(() -> work("likemann", pi, REGISTER_ATTENDANCE, values(ATTENDANCE_DATE, yesterday,
        ATTENDANCE, "attended"))).hasMessageContaining("Dette var ikke en avtalt arbeidsdag");

    work("likemann", pi, REGISTER_ATTENDANCE, values(ATTENDANCE_DATE, AGREED_DATE.toString(), ATTENDANCE, "absent"));
    Task followUp = taskOf(pi, FOLLOW_UP_ABSENCE);
    assertThat(followUp.getAssignee()).isEqualTo("likemann");
    assertThat(followUp.getDueDate().toInstant().atZone(ZoneId.of("Europe/Oslo")).toLocalDate()).isEqualTo(TODAY_DATE);
    assertThat(jdbc.queryForObject("SELECT attended FROM work_attendance a JOIN work_participant p"
        + " ON p.id = a.participant_id WHERE p.reference = ?", Boolean.class, pi.getBusinessKey())).isFalse();
    work("likemann", pi, FOLLOW_UP_ABSENCE, values("absenceReached", "yes"));

    // the next agreed day is a week later; the medarbeider leaves on it
    Job nextWeek = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(nextWeek.getDuedate().toInstant().atZone(ZoneId.of("Europe/Oslo")).toLocalDate())
        .isEqualTo(AGREED_DATE.plusWeeks(1));
    management.executeJob(nextWeek.getId());
    dueTask(pi, REGISTER_ATTENDANCE);
    work("likemann", pi, REGISTER_ATTENDANCE, values(ATTENDANCE_DATE, AGREED_DATE.toString(), ATTENDANCE, "leave"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(portalen.counts()).isEqualTo(new PortalenRegister.Counts(before.joined() + 1, before.stillActive()));
  }

  @Test
  void onlyMentorsAndCoordinatorsTakePartAndAgreedDaysAreRequired() {
    String definition = latest(WorkParticipation.PROCESS_KEY);
    as("likemann");
    assertThatThrownBy(() -> forms.submitStartForm(definition, values(MEDARBEIDER_NAME, "Kari", WORKPLACE, "kafe",
        AGREED_DAYS, List.of(), START_DATE, TODAY))).hasMessageContaining("Velg minst én avtalt arbeidsdag.");
    identity.clearAuthentication();
    as("ruskonsulent");
    assertThatThrownBy(() -> forms.submitStartForm(definition, values(MEDARBEIDER_NAME, "Kari", WORKPLACE, "kafe",
        AGREED_DAYS, List.of("monday"), START_DATE, TODAY)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
  }
}
