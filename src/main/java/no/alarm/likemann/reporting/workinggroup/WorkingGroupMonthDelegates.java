package no.alarm.likemann.reporting.workinggroup;

import static no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Var.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.reporting.MonthlyReportPdf;
import no.alarm.likemann.reporting.RegionScope;
import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.steering.SteeringFigures;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonth.Element;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.AdviserReport;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.AdviserReportState;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.Meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code workingGroupMonth} and its timer; the work is in {@link MonthPlan},
 * {@link WorkingGroupMonths} and {@link WorkingGroupMonthLines}.
 */
@Configuration
public class WorkingGroupMonthDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingGroupMonthDelegates.class);

  /**
   * {@code startWorkingGroupMonths} in {@code workingGroupMonthTimer}: on the 1st, the month that has begun, one per
   * region (each its own tenant), as the project leader's start form would start it; a region's month already started
   * by hand is left as it is.
   */
  @Bean
  JavaDelegate startWorkingGroupMonthsDelegate(OsloCalendar oslo, no.alarm.likemann.region.Regions regions,
                                               WorkingGroupMonths months) {
    return execution -> {
      YearMonth month = YearMonth.from(oslo.todayDate());
      for (String region : regions.all()) {
        if (months.started(region, month)) {
          LOG.info("Working group month {} for {} already started: not started by the timer", month, region);
          continue;
        }
        String started = execution.getProcessEngineServices().getRuntimeService()
            .startProcessInstanceByKey(WorkingGroupMonth.PROCESS_KEY, Map.of(GROUP_MONTH, month.toString(),
                GROUP_REGION, region)).getId();
        LOG.info("Working group month {} for {} started by the timer as process instance {}", month, region, started);
      }
    };
  }

  /**
   * {@code openWorkingGroupMonth}: the region's month, once (a second start is refused with the reason), with the
   * previous month's figures kept in the register, the due dates and whether June's evaluation is due.
   */
  @Bean
  JavaDelegate openWorkingGroupMonthDelegate(SteeringFigures figures, WorkingGroupMonths months, OsloCalendar oslo) {
    return execution -> {
      YearMonth month = MonthPlan.parse(execution.getVariable(GROUP_MONTH));
      if (month == null) {
        throw refused("Skriv måneden som åååå-mm.", "groupMonth must be a month (yyyy-mm)");
      }
      // the region is the instance's tenant: the timer's, or the starting project leader's own
      String region = execution.getTenantId() != null ? execution.getTenantId()
          : (String) execution.getVariable(GROUP_REGION);
      if (region == null) {
        throw refused("Du må arbeide i én region for å starte arbeidsgruppens måned.",
            "the starter works in no single region");
      }
      if (months.started(region, month)) {
        throw alreadyStarted(month);
      }
      MonthPlan plan = MonthPlan.of(month, oslo.now());
      LocalDate today = oslo.todayDate();
      var taken = figures.of(plan.figuresFrom(), plan.figuresTo(), today, RegionScope.of(List.of(region)));
      long id;
      try {
        id = months.open(execution.getProcessInstanceId(), region, plan, taken);
      } catch (WorkingGroupMonths.AlreadyStarted e) {
        throw alreadyStarted(month);
      }
      execution.setProcessBusinessKey(WorkingGroupMonth.businessKey(month, region));
      execution.setVariable(GROUP_MONTH, month.toString());
      execution.setVariable(GROUP_MONTH_NAME, MonthlyReportPdf.monthName(month));
      execution.setVariable(HALF_YEAR_EVALUATION, plan.halfYearEvaluation());
      execution.setVariable(WORKING_GROUP_MONTH_ID, id);
      execution.setVariable(ADVISER_REPORT_DUE, Date.from(plan.adviserDue()));
      execution.setVariable(ADVISER_REPORT_LATE, Date.from(plan.adviserLate()));
      execution.setVariable(MEETING_DUE, Date.from(plan.meetingDue()));
      LOG.info("Working group month {} for {} (id {}) opened in process instance {}{}", month, region, id,
          execution.getProcessInstanceId(), plan.halfYearEvaluation() ? ": the half-year evaluation" : "");
    };
  }

  /**
   * {@code ${showWorkingGroupMonth}}, create listener of the user tasks: the previous month's figures and, for the
   * meeting, the adviser's report, from the register onto the task itself.
   */
  @Bean("showWorkingGroupMonth")
  TaskListener showWorkingGroupMonth(WorkingGroupMonths months, SmallNumbers smallNumbers) {
    return task -> months.find(months.idOf(task.getProcessInstanceId())).ifPresent(m -> {
      task.setVariableLocal(MONTH_FIGURES, "#### " + WorkingGroupMonthLines.figuresTitle(m.figures()) + "\n"
          + WorkingGroupMonthLines.markdown(WorkingGroupMonthLines.figures(m.figures(), smallNumbers)));
      if (!Element.WRITE_ADVISER_REPORT.equals(task.getTaskDefinitionKey())) {
        task.setVariableLocal(ADVISER_REPORT_TEXT, m.adviserReportState() == AdviserReportState.RECEIVED
            ? WorkingGroupMonthLines.markdown(WorkingGroupMonthLines.adviser(m.adviserReport()))
            : "Rådgiverens rapport kom ikke inn innen fristen.");
      }
    });
  }

  /** {@code recordAdviserReport}: the report to the register, with who wrote it (the login); then out of the process. */
  @Bean
  JavaDelegate recordAdviserReportDelegate(WorkingGroupMonths months) {
    return execution -> {
      FormInput in = new FormInput(execution::getVariable);
      long id = months.idOf(execution.getProcessInstanceId());
      months.adviserReport(id, new AdviserReport(text(in, ADVISER_STATUS), text(in, ADVISER_PROGRESS),
          text(in, ADVISER_ECONOMY), in.integer(COSTS_KR), text(in, PERSONNEL), in.integer(OUTLAYS_KR),
          text(in, OUTLAYS_NOTE), in.integer(TRAVEL_COSTS_KR), text(in, TRAVEL_NOTE)), currentUser(execution));
      WorkingGroupMonth.ADVISER_FIELDS.forEach(execution::removeVariable);
      LOG.info("Adviser's report for working group month {} recorded in process instance {}", id,
          execution.getProcessInstanceId());
    };
  }

  /** {@code recordAdviserReportMissing}: the report did not come by its time; the month goes on without it. */
  @Bean
  JavaDelegate recordAdviserReportMissingDelegate(WorkingGroupMonths months) {
    return execution -> {
      long id = months.idOf(execution.getProcessInstanceId());
      months.adviserReportMissing(id);
      LOG.info("Adviser's report for working group month {} not received (process instance {})", id,
          execution.getProcessInstanceId());
    };
  }

  /** {@code recordWorkingGroupMeeting}: the minutes to the register, with who recorded them; then out of the process. */
  @Bean
  JavaDelegate recordWorkingGroupMeetingDelegate(WorkingGroupMonths months) {
    return execution -> {
      FormInput in = new FormInput(execution::getVariable);
      long id = months.idOf(execution.getProcessInstanceId());
      boolean held = "yes".equals(in.string(MEETING_HELD));
      List<String> came = in.choices(MEETING_ATTENDEES);
      months.meeting(id, new Meeting(held, text(in, MEETING_NOT_HELD_REASON), in.date(MEETING_DATE),
          came == null ? Set.of() : Set.copyOf(came), text(in, CASES_DISCUSSED), text(in, DECISIONS),
          text(in, MEASURES_INITIATED), text(in, STEERING_AGENDA), text(in, EVALUATION_SUMMARY)),
          currentUser(execution));
      WorkingGroupMonth.MEETING_FIELDS.forEach(execution::removeVariable);
      LOG.info("Working group meeting of month {} recorded in process instance {}: {}", id,
          execution.getProcessInstanceId(), held ? "held" : "not held");
    };
  }

  /** {@code produceWorkingGroupMonth} (asynchronous): the PDF, from what is stored; the same again if it runs again. */
  @Bean
  JavaDelegate produceWorkingGroupMonthDelegate(WorkingGroupMonths months) {
    return execution -> {
      long id = months.idOf(execution.getProcessInstanceId());
      months.produce(id);
      LOG.info("Working group month {} produced in process instance {}", id, execution.getProcessInstanceId());
    };
  }

  static InvalidFormInputException alreadyStarted(YearMonth month) {
    return refused("Arbeidsgruppens måned for " + MonthlyReportPdf.monthName(month) + " er allerede startet for"
        + " regionen: den startes ikke to ganger.", "the working group's month " + month
        + " is already started for the region");
  }

  static InvalidFormInputException refused(String norwegian, String english) {
    return new InvalidFormInputException(Element.MONTH_REQUESTED, List.of(new Violation(GROUP_MONTH, norwegian,
        english)));
  }

  private static String text(FormInput in, String key) {
    String s = in.string(key);
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String currentUser(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

}
