package no.alarm.likemann.reporting.steering;

import static no.alarm.likemann.reporting.steering.SteeringReporting.Var.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.reporting.steering.SteeringReports.Texts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import no.alarm.likemann.reporting.RegionScope;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code steeringGroupReport}; the work is in {@link SteeringFigures} and {@link SteeringReports}. */
@Configuration
public class SteeringReportDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(SteeringReportDelegates.class);

  /**
   * {@code startSteeringReport} in {@code steeringGroupReportTimer}: on 1 June the half-year report, on 1 November the
   * results report and the evaluation report from the mentors and the counsellors, both due by 1 December, started
   * as the project leader's start form would start them.
   */
  @Bean
  JavaDelegate startSteeringReportDelegate(OsloCalendar oslo, no.alarm.likemann.region.Regions regions) {
    return execution -> {
      LocalDate today = oslo.todayDate();
      java.util.List<SteeringPeriod.Kind> kinds = today.getMonthValue() <= 6 ? java.util.List.of(
          SteeringPeriod.Kind.HALF_YEAR) : java.util.List.of(SteeringPeriod.Kind.YEAR_RESULTS,
          SteeringPeriod.Kind.EVALUATION);
      // one report per region, each to its own steering group
      for (SteeringPeriod.Kind kind : kinds) {
        for (String region : regions.all()) {
          String started = execution.getProcessEngineServices().getRuntimeService()
              .startProcessInstanceByKey(SteeringReporting.PROCESS_KEY, Map.of(REPORT_KIND, kind.key(),
                  REPORT_YEAR, today.getYear(), SteeringReporting.REPORT_REGION, region)).getId();
          LOG.info("Steering group report {} {} for {} started by the timer as process instance {}", kind.key(),
              today.getYear(), region, started);
        }
      }
    };
  }

  /**
   * {@code prepareSteeringReport}: the period, and its figures kept with the report; nothing when a report of the
   * same kind and year is already being written.
   */
  @Bean
  JavaDelegate prepareSteeringReportDelegate(SteeringFigures figures, SteeringReports reports, OsloCalendar oslo,
                                             no.alarm.likemann.reporting.SmallNumbers smallNumbers) {
    return execution -> {
      LocalDate today = oslo.todayDate();
      SteeringPeriod period = SteeringPeriod.of((String) execution.getVariable(REPORT_KIND),
          ((Number) execution.getVariable(REPORT_YEAR)).intValue(), today);
      // a region's report (its tenant) counts that region; without one (the administrator's), every region
      String region = execution.getTenantId();
      String key = SteeringReporting.businessKey(period, region);
      boolean inHand = Context.getCommandContext().runWithoutAuthorization(() -> execution
          .getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(SteeringReporting.PROCESS_KEY).processInstanceBusinessKey(key).list().stream()
          .anyMatch(p -> !p.getId().equals(execution.getProcessInstanceId())));
      execution.setProcessBusinessKey(key);
      execution.setVariable(REPORT_TITLE, period.title());
      execution.setVariable(ALREADY_BEING_WRITTEN, inHand);
      if (inHand) {
        LOG.info("Steering group report {} in process instance {}: already being written", key,
            execution.getProcessInstanceId());
        return;
      }
      var taken = figures.of(period.from(), period.to(), today,
          region == null ? RegionScope.ALL : RegionScope.of(java.util.List.of(region)));
      long id = reports.draft(execution.getProcessInstanceId(), period, taken, region);
      execution.setVariable(STEERING_REPORT_ID, id);
      execution.setVariable(PERIOD_FIGURES, SteeringReportLines.markdown(SteeringReportLines.of(period.kind(), taken,
          smallNumbers)));
      execution.setVariable(REPORT_DUE, Date.from(period.due().atTime(LocalTime.of(16, 0))
          .atZone(OsloCalendar.OSLO).toInstant()));
      LOG.info("Steering group report {} (id {}) in process instance {}: {} to {}, due {}", key, id,
          execution.getProcessInstanceId(), period.from(), period.to(), period.due());
    };
  }

  /**
   * {@code recordSteeringReport}: what the project leader wrote, with who wrote it (the user completing the task).
   * The report is the process instance's own: a task's variables can be changed through the REST API, the table's
   * link between report and process instance cannot.
   */
  @Bean
  JavaDelegate recordSteeringReportDelegate(SteeringReports reports) {
    return execution -> {
      Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      reports.write(reports.idOf(execution.getProcessInstanceId()), new Texts(text(execution, RESULTS_ACHIEVED), text(execution, MEASURES),
          text(execution, FINANCES), text(execution, NEXT_PERIOD_PLAN)), user == null ? null : user.getUserId());
    };
  }

  /** {@code produceSteeringReport} (asynchronous): the PDF, from what is stored; the same again if it runs again. */
  @Bean
  JavaDelegate produceSteeringReportDelegate(SteeringReports reports) {
    return execution -> {
      long id = reports.idOf(execution.getProcessInstanceId());
      reports.produce(id);
      LOG.info("Steering group report {} produced in process instance {}", id, execution.getProcessInstanceId());
    };
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }
}
