package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.journey.ParticipantJourney.Element;

import org.springframework.stereotype.Component;

/**
 * What the weekly log form cannot check by itself: every contact falls within the week being logged and none lies in
 * the future. The form checks the rest (required fields, minutes 0 to 1440, known types), and the server again.
 */
@Component
public class WeeklyContactRules implements FormRules {

  private final OsloCalendar oslo;

  public WeeklyContactRules(OsloCalendar oslo) {
    this.oslo = oslo;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    if (!Element.LOG_WEEKLY_CONTACTS.equals(formId) || !in.isList(CONTACTS)) {
      return;
    }
    LocalDate weekStart = in.date(WEEK_START);
    LocalDate weekEnd = in.date(WEEK_END);
    check(in.list(CONTACTS), weekStart == null || weekEnd == null ? null : new ContactWeek(weekStart, weekEnd),
        oslo.now(), out);
  }

  static void check(List<FormInput> items, ContactWeek week, LocalDateTime now, List<Violation> out) {
    for (int i = 0; i < items.size(); i++) {
      FormInput item = items.get(i);
      LocalDate date = item.date(CONTACT_DATE);
      if (date == null) {
        continue; // the form's own rules have said it is missing
      }
      String where = "Kontakt nr. " + (i + 1) + ": ";
      String key = CONTACTS + "[" + i + "]." + CONTACT_DATE;
      LocalTime time = WeeklyContact.time(item.string(CONTACT_TIME));
      if (date.atTime(time == null ? LocalTime.MIN : time).isAfter(now)) {
        out.add(new Violation(key, where + "kontakten kan ikke være fram i tid.", key + " must not be in the future"));
      } else if (week != null && !week.contains(date)) {
        out.add(new Violation(key, where + "datoen må ligge i " + week.label() + ".",
            key + " must lie within the week " + week.start() + " to " + week.end()));
      }
    }
  }
}
