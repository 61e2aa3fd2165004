package no.alarm.likemann.reporting;

import static no.alarm.likemann.reporting.MonthlyReporting.Var.*;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.mentor.ActiveMentor;
import no.alarm.likemann.mentor.Mentor;
import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.reporting.MonthlyFigures.ParticipantFigures;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code monthlyReporting}; the work is in {@link MonthlyFigures} and {@link MonthlyReports}.
 * Variables a step prepares for a form are local to its region or mentor, because regions and mentors run side by
 * side: a form's values then stay in their own scope instead of meeting in the process instance.
 */
@Configuration
public class MonthlyReportDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(MonthlyReportDelegates.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Who may write a mentor's monthly report besides the mentor: for mentors without a login, or on their behalf. */
  static final Set<String> ON_BEHALF_OF_MENTORS = Set.of(Roles.COORDINATOR, Roles.ADMIN, Roles.CAMUNDA_ADMIN);

  /**
   * The month reported on, from the business key ({@code MR-2026-10}) that {@code prepareMonthlyReports} gave the
   * process: a task's form may set any variable through the REST API, but not the business key.
   */
  static YearMonth month(DelegateExecution execution) {
    return MonthlyReporting.month(execution.getProcessBusinessKey());
  }

  static String region(DelegateExecution execution) {
    return (String) execution.getVariable(REGION);
  }

  static long mentorId(DelegateExecution execution) {
    return ((Number) execution.getVariable(MENTOR_ID)).longValue();
  }

  static int number(DelegateExecution execution, String name) {
    return ((Number) execution.getVariable(name)).intValue();
  }

  static String currentUser(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> strings(Object json) {
    List<String> values = new ArrayList<>();
    MonthlyReportLists.read(json).forEach(n -> values.add(n.asText()));
    return values;
  }

  /**
   * {@code startMonthlyReporting} in {@code monthlyReportingTimer}: on the 1st, the reporting of the month that
   * ended, one per region (each region's its own tenant), started as a coordinator's start form would start it.
   */
  @Bean
  JavaDelegate startMonthlyReportingDelegate(OsloCalendar oslo, no.alarm.likemann.region.Regions regions) {
    return execution -> {
      String month = oslo.previousMonth();
      for (String region : regions.all()) {
        String started = execution.getProcessEngineServices().getRuntimeService()
            .startProcessInstanceByKey(MonthlyReporting.PROCESS_KEY, Map.of(REPORT_MONTH, month,
                MonthlyReporting.REPORT_REGION, region)).getId();
        LOG.info("Monthly reporting {} for {} started by the timer as process instance {}", month, region, started);
      }
    };
  }

  /**
   * {@code prepareMonthlyReports}: per region the mentors with a coupling active in the month. Regions already sent
   * for the month are left out, and so is everything when another reporting of the same month is running.
   */
  @Bean
  JavaDelegate prepareMonthlyReportsDelegate(MonthlyFigures figures, MonthlyReports reports) {
    return execution -> {
      YearMonth month = YearMonth.parse(((String) execution.getVariable(REPORT_MONTH)).strip());
      // a region's reporting (its tenant): that region's mentors only; without one (the administrator's), every region
      String region = execution.getTenantId();
      String key = MonthlyReporting.businessKey(month, region);
      // every running reporting of the month, not only those the starting coordinator may read
      boolean alreadyRunning = Context.getCommandContext().runWithoutAuthorization(() -> execution
          .getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(MonthlyReporting.PROCESS_KEY).processInstanceBusinessKey(key).list().stream()
          .anyMatch(p -> !p.getId().equals(execution.getProcessInstanceId())));
      Map<String, List<Long>> mentorsByRegion = figures.mentorsByRegion(month);
      if (region != null) {
        mentorsByRegion.keySet().retainAll(Set.of(region));
      }
      Set<String> sent = reports.regionsReported(month);
      if (alreadyRunning) {
        mentorsByRegion.clear();
      } else {
        mentorsByRegion.keySet().removeAll(sent);
      }
      execution.setProcessBusinessKey(key);
      execution.setVariable(REPORT_MONTH, month.toString());
      execution.setVariable(REPORT_MONTH_NAME, MonthlyReportPdf.monthName(month));
      execution.setVariable(REGIONS, json(new ArrayList<>(mentorsByRegion.keySet())));
      execution.setVariable(MENTORS_BY_REGION, json(mentorsByRegion));
      execution.setVariable(REGION_COUNT, mentorsByRegion.size());
      LOG.info("Monthly reporting {} in process instance {}: {} regions ({} already sent{})", month,
          execution.getProcessInstanceId(), mentorsByRegion.size(), sent.size(),
          alreadyRunning ? ", another reporting of the month is running" : "");
    };
  }

  /** {@code prepareMentorReport}: the mentor's figures per participant, and the form's fields, in the mentor's scope. */
  @Bean
  JavaDelegate prepareMentorReportDelegate(MonthlyFigures figures, MentorRegister mentors,
                                           MunicipalityRegistry municipalities) {
    return execution -> {
      long mentorId = mentorId(execution);
      Mentor mentor = mentors.find(mentorId).orElseThrow();
      Map<String, ParticipantFigures> mine = MonthlyFigures.ofMentor(
          figures.figures(month(execution), region(execution)), mentorId);
      String lines = mine.values().stream().map(f -> "- " + MonthlyReports.figuresLine(f,
              municipalities.find(f.municipality()).map(Municipality::name).orElse(f.municipality())))
          .collect(Collectors.joining("\n"));
      Map<String, Object> local = new HashMap<>();
      local.put(MENTOR_USERNAME, mentor.username());
      local.put(MENTOR_REFERENCE, ActiveMentor.reference(mentorId));
      local.put(MENTOR_NAME, mentor.displayName());
      local.put(PARTICIPANT_FIGURES, lines.isEmpty() ? "Ingen kontakter registrert." : lines);
      local.put(PARTICIPANT_REFERENCES, json(new ArrayList<>(mine.keySet())));
      local.put(PARTICIPANT_STATUS, ReferenceLines.template(mine.keySet()));
      local.put(MENTOR_MILEAGE_KM, null);
      local.put(MENTOR_EXPENSES_KR, null);
      local.put(MENTOR_EXPENSES_FOR, null);
      execution.setVariablesLocal(local);
    };
  }

  /**
   * {@code recordMentorReport}: what the mentor reported, kept for the region report and later counts. Written by
   * the mentor or a coordinator only, and only about the mentor's own participants of the region: the task's
   * variables could be changed through the REST API, the tables cannot.
   */
  @Bean
  JavaDelegate recordMentorReportDelegate(MonthlyReports reports, MonthlyFigures figures, MentorRegister mentors) {
    return execution -> {
      YearMonth month = month(execution);
      long mentorId = mentorId(execution);
      Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (user != null && !user.getUserId().equals(mentors.find(mentorId).map(Mentor::username).orElse(null))
          && (user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(ON_BEHALF_OF_MENTORS::contains))) {
        throw new AuthorizationException("User " + user.getUserId() + " may not write the monthly report of mentor "
            + mentorId + ": only the mentor or a coordinator");
      }
      Set<String> listed = MonthlyFigures.ofMentor(figures.figures(month, region(execution)), mentorId).keySet();
      if (listed.isEmpty()) {
        throw new IllegalStateException("Mentor " + mentorId + " has no participant in region " + region(execution)
            + " in " + month);
      }
      Map<String, String> status = new LinkedHashMap<>(ReferenceLines.parse(
          new FormInput(execution::getVariable).string(PARTICIPANT_STATUS)));
      status.keySet().retainAll(listed);
      reports.recordMentorReport(month, region(execution), mentorId,
          number(execution, MENTOR_MILEAGE_KM), number(execution, MENTOR_EXPENSES_KR),
          (String) execution.getVariable(MENTOR_EXPENSES_FOR), status, currentUser(execution));
    };
  }

  /** {@code recordMentorReportMissing}: seven days without the mentor's report. */
  @Bean
  JavaDelegate recordMentorReportMissingDelegate(MonthlyReports reports) {
    return execution -> reports.recordMentorReportMissing(month(execution), region(execution), mentorId(execution));
  }

  /** {@code compileRegionReport}: what the mentors reported, and the coordinator's form fields, in the region's scope. */
  @Bean
  JavaDelegate compileRegionReportDelegate(MonthlyReports reports) {
    return execution -> {
      YearMonth month = month(execution);
      String region = region(execution);
      List<String> participants = reports.participantsOf(month, region);
      Map<String, Object> local = new HashMap<>();
      local.put(REGION_NAME, reports.regionName(region));
      local.put(MENTOR_REPORTS_SUMMARY, reports.summary(month, region));
      local.put(REGION_PARTICIPANTS, json(participants));
      local.put(PARTICIPANT_GOALS, ReferenceLines.template(participants));
      local.put(NEXT_MONTH_PLAN, null);
      local.put(PARTNERS_INVOLVED, null);
      local.put(COORDINATOR_MILEAGE_KM, null);
      local.put(COORDINATOR_EXPENSES_KR, null);
      local.put(COORDINATOR_EXPENSES_FOR, null);
      execution.setVariablesLocal(local);
    };
  }

  /**
   * {@code recordCoordinatorReport}: the coordinator's report kept in the project's tables, in the coordinator's
   * transaction. The texts are then removed from the process: the counsellors' tasks that follow can read the
   * region's variables, and each municipality may see only its own participants.
   */
  @Bean
  JavaDelegate recordCoordinatorReportDelegate(MonthlyReports reports) {
    return execution -> {
      FormInput in = new FormInput(execution::getVariable);
      Map<String, String> goals = new LinkedHashMap<>(ReferenceLines.parse(in.string(PARTICIPANT_GOALS)));
      goals.keySet().retainAll(reports.participantsOf(month(execution), region(execution)));
      reports.recordRegionReport(month(execution), region(execution), new MonthlyReports.RegionReport(
              in.string(NEXT_MONTH_PLAN), in.string(PARTNERS_INVOLVED), number(execution, COORDINATOR_MILEAGE_KM),
              number(execution, COORDINATOR_EXPENSES_KR), in.string(COORDINATOR_EXPENSES_FOR)),
          goals, currentUser(execution));
      execution.removeVariablesLocal(List.of(MENTOR_REPORTS_SUMMARY, REGION_PARTICIPANTS, PARTICIPANT_GOALS,
          NEXT_MONTH_PLAN, PARTNERS_INVOLVED, COORDINATOR_MILEAGE_KM, COORDINATOR_EXPENSES_KR,
          COORDINATOR_EXPENSES_FOR));
    };
  }

  /** {@code sendMonthlyReport} (asynchronous, safe to retry): a PDF per municipality, kept and delivered. */
  @Bean
  JavaDelegate sendMonthlyReportDelegate(MonthlyReports reports) {
    return execution -> {
      List<Map<String, Object>> deliveries = reports.send(month(execution), region(execution)).stream()
          .map(d -> Map.<String, Object>of("reportId", d.reportId(), "municipality", d.municipality(),
              "municipalityName", d.municipalityName()))
          .toList();
      execution.setVariableLocal(DELIVERIES, json(deliveries));
    };
  }

  /**
   * {@code ${offerMonthlyReport}}, create listener of {@code readMonthlyReport}: the municipality's name for the
   * form, and the form's field, local to this municipality's instance so counsellors of different municipalities
   * never write the same variable.
   */
  @Bean
  TaskListener offerMonthlyReport(MonthlyReportLists lists) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      execution.setVariableLocal(MUNICIPALITY_NAME,
          lists.municipalityName(execution.getVariable(DELIVERIES), execution.getVariable(MONTHLY_REPORT_ID)));
      execution.setVariableLocal(MONTHLY_REPORT_READ, false);
    };
  }

  /** {@code ${acknowledgeMonthlyReport}}, end listener of {@code readMonthlyReport}: who read it, and when. */
  @Bean
  ExecutionListener acknowledgeMonthlyReport(MonthlyReports reports) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      reports.acknowledge(((Number) execution.getVariable(MONTHLY_REPORT_ID)).longValue(), currentUser(execution));
    };
  }
}
