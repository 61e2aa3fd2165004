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
 * What the weekly log form cannot check by itself: as many rows as the count says, each complete, within the week
 * being logged and not in the future. The form checks the rest (minutes 0 to 1440, known types, the count 0 to
 * {@value no.alarm.likemann.journey.ParticipantJourney.Var#MAX_CONTACTS}), and the server again.
 */
@Component
public class WeeklyContactRules implements FormRules {

  private final OsloCalendar oslo;

  public WeeklyContactRules(OsloCalendar oslo) {
    this.oslo = oslo;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    if (!Element.LOG_WEEKLY_CONTACTS.equals(formId)) {
      return;
    }
    LocalDate weekStart = in.date(WEEK_START);
    LocalDate weekEnd = in.date(WEEK_END);
    check(in, weekStart == null || weekEnd == null ? null : new ContactWeek(weekStart, weekEnd), oslo.now(), out);
  }

  /** Every counted row is there; each lies within the week and not in the future. */
  static void check(FormInput in, ContactWeek week, LocalDateTime now, List<Violation> out) {
    Integer count = in.integer(CONTACT_COUNT);
    if (count == null || count < 0 || count > MAX_CONTACTS) {
      return; // the form's own rules have said what is wrong with the number
    }
    for (int i = 1; i <= count; i++) {
      String where = "Kontakt " + i + ": ";
      FormInput item = in.object(contact(i));
      if (item == null) {
        out.add(new Violation(contact(i), where + "fyll ut raden, eller rett antallet kontakter.",
            contact(i) + " is required when contactCount is " + count));
        continue;
      }
      for (String key : List.of(CONTACT_DATE, CONTACT_TIME, CONTACT_MINUTES, CONTACT_TYPE, CONTACT_REACHED)) {
        if (item.isEmpty(key)) {
          out.add(new Violation(contact(i) + "." + key, where + "alle feltene må fylles ut.",
              contact(i) + "." + key + " is required"));
        }
      }
      LocalDate date = item.date(CONTACT_DATE);
      if (date == null) {
        continue;
      }
      String key = contact(i) + "." + CONTACT_DATE;
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
