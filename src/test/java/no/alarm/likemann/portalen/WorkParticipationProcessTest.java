package no.alarm.likemann.portalen;

import static no.alarm.likemann.portalen.WorkParticipation.Element.*;
import static no.alarm.likemann.portalen.WorkParticipation.Var.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through processes/work-participation.bpmn, with the real day planning and Oslo calendar. */
@Deployment(resources = "processes/work-participation.bpmn")
class WorkParticipationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  /** A Sunday. */
  static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);

  private final List<String> calls = new ArrayList<>();

  /** The register, as far as the model can tell. */
  class RecordingRegister extends PortalenRegister {
    RecordingRegister() {
      super(null, null);
    }

    @Override
    public void setStatus(long participantId, String status, LocalDate leftOn) {
      calls.add("status:" + status);
    }
  }

  @BeforeEach
  void standIns() {
    ClockUtil.setCurrentTime(Date.from(SUNDAY.atTime(12, 0).atZone(OSLO).toInstant()));
    OsloCalendar oslo = new OsloCalendar();
    PortalenDelegates delegates = new PortalenDelegates();
    Mocks.register("oslo", oslo);
    Mocks.register("formInputGuard", (ExecutionListener) e -> { });
    Mocks.register("registerMedarbeiderDelegate", (JavaDelegate) e -> {
      e.setProcessBusinessKey("PO-0001");
      e.setVariable(MEDARBEIDER_ID, 1L);
      e.setVariable(MEDARBEIDER_REFERENCE, "PO-0001");
      e.setVariable(AGREED_DAY_CODES, "monday,wednesday");
      e.setVariable(RESPONSIBLE_MENTOR_USERNAME, "likemann");
      e.setVariable(LAST_PLANNED_DAY, SUNDAY.toString());
    });
    Mocks.register("planAttendanceDayDelegate", delegates.planAttendanceDayDelegate(oslo));
    Mocks.register("recordAttendance", (ExecutionListener) e -> {
      if (!e.isCanceled()) {
        calls.add(e.getVariable(ATTENDANCE_DATE) + ":" + e.getVariable(ATTENDANCE));
      }
    });
    Mocks.register("changeParticipationDelegate", delegates.changeParticipationDelegate(new RecordingRegister(), oslo));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance join() {
    return runtimeService().startProcessInstanceByKey(WorkParticipation.PROCESS_KEY, Map.of(
        MEDARBEIDER_NAME, "Ola", WORKPLACE, "kafe", AGREED_DAYS, "monday,wednesday",
        START_DATE, SUNDAY.toString(), STARTED_BY, "likemann"));
  }

  void attend(ProcessInstance pi, String attendance) {
    execute(job(pi));
    complete(task(REGISTER_ATTENDANCE, pi), withVariables(ATTENDANCE, attendance));
  }

  @Test
  void shouldAskForAttendanceOnEachAgreedDayAtNine() {
    ProcessInstance pi = join();

    assertThat(pi).isWaitingAt(AGREED_DAY_ARRIVES);
    assertThat(job(pi).getDuedate()).isEqualTo(Date.from(SUNDAY.plusDays(1).atTime(9, 0).atZone(OSLO).toInstant()));
    attend(pi, "attended");
    // Monday done: next is Wednesday
    assertThat(job(pi).getDuedate()).isEqualTo(Date.from(SUNDAY.plusDays(3).atTime(9, 0).atZone(OSLO).toInstant()));
    attend(pi, "attended");
    // then Monday again
    assertThat(job(pi).getDuedate()).isEqualTo(Date.from(SUNDAY.plusDays(8).atTime(9, 0).atZone(OSLO).toInstant()));
    assertThat(calls).containsExactly("2026-11-23:attended", "2026-11-25:attended");
  }

  @Test
  void shouldGiveTheMentorAFollowUpTaskTheSameDayOnAbsence() {
    ProcessInstance pi = join();
    execute(job(pi));
    assertThat(task(REGISTER_ATTENDANCE, pi)).isAssignedTo("likemann");
    ClockUtil.setCurrentTime(Date.from(SUNDAY.plusDays(1).atTime(11, 0).atZone(OSLO).toInstant()));

    complete(task(REGISTER_ATTENDANCE, pi), withVariables(ATTENDANCE, "absent"));

    assertThat(pi).isWaitingAt(FOLLOW_UP_ABSENCE);
    assertThat(task(FOLLOW_UP_ABSENCE, pi)).isAssignedTo("likemann")
        .hasDueDate(Date.from(SUNDAY.plusDays(1).atTime(23, 59).atZone(OSLO).toInstant()));
    complete(task(FOLLOW_UP_ABSENCE, pi), withVariables("absenceReached", "yes"));
    assertThat(pi).isWaitingAt(AGREED_DAY_ARRIVES);
  }

  @Test
  void shouldPauseAndReturnFromTheAgreedDayAfterTheReturnDate() {
    ProcessInstance pi = join();
    attend(pi, "pause");
    assertThat(pi).isWaitingAt(RESUME_PARTICIPATION);

    complete(task(RESUME_PARTICIPATION, pi), withVariables(RESUME_DECISION, "return", RETURN_DATE, "2026-12-07"));

    assertThat(pi).hasPassed(RETURN_PARTICIPATION).isWaitingAt(AGREED_DAY_ARRIVES);
    assertThat(job(pi).getDuedate()).isEqualTo(Date.from(LocalDate.of(2026, 12, 7).atTime(9, 0).atZone(OSLO).toInstant()));
    assertThat(calls).contains("status:PAUSED", "status:ACTIVE");
  }

  @Test
  void shouldEndWhenTheMedarbeiderLeavesDirectlyOrAfterAPause() {
    ProcessInstance direct = join();
    attend(direct, "leave");
    assertThat(direct).isEnded().hasPassed(LEAVE_PARTICIPATION, MEDARBEIDER_LEFT);

    ProcessInstance afterPause = join();
    attend(afterPause, "pause");
    complete(task(RESUME_PARTICIPATION, afterPause), withVariables(RESUME_DECISION, "leave"));
    assertThat(afterPause).isEnded().hasPassed(PAUSE_PARTICIPATION, LEAVE_PARTICIPATION);
    assertThat(calls).containsSubsequence("status:LEFT", "status:PAUSED", "status:LEFT");
  }
}
