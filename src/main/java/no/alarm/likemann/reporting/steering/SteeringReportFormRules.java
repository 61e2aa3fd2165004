package no.alarm.likemann.reporting.steering;

import static no.alarm.likemann.reporting.steering.SteeringReporting.Var.*;

import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;

import org.springframework.stereotype.Component;

/** The steering group report's start: a kind the service knows and a year that has begun (see {@link SteeringPeriod}). */
@Component
public class SteeringReportFormRules implements FormRules {

  private final OsloCalendar oslo;

  public SteeringReportFormRules(OsloCalendar oslo) {
    this.oslo = oslo;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    if (SteeringReporting.Element.STEERING_REPORT_REQUESTED.equals(formId)) {
      // the form's own rules have said what is missing
      if (!in.isEmpty(REPORT_KIND) && !in.isEmpty(REPORT_YEAR)) {
        out.addAll(SteeringPeriod.check(in.get(REPORT_KIND), in.get(REPORT_YEAR), oslo.todayDate()));
      }
    }
  }
}
