package no.alarm.likemann.followup;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import no.alarm.likemann.calendar.WorkingHours;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.journey.ParticipantJourney.Value;

/** One contact in a weekly log: when, how, whether it reached the participant, and for how long. */
public record WeeklyContact(LocalDate date, LocalTime time, String type, boolean reached, int minutes) {

  public static final Set<String> TYPES = Set.of("phone", "socialMedia", "physicalMeeting", "collaborationMeeting");

  public WeeklyContact {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("unknown contact type");
    }
    if (minutes < 0) {
      throw new IllegalArgumentException("minutes must not be negative");
    }
  }

  public LocalDateTime start() {
    return date.atTime(time);
  }

  /** The minutes outside ordinary working hours (weekdays 08–16; weekends and public holidays all day). */
  public int minutesOutsideHours() {
    return WorkingHours.minutesOutside(start(), minutes);
  }

  /**
   * The contacts of a submitted weekly log: {@code contactCount} rows {@code contact1}, {@code contact2}, …. Call after
   * the guard has passed the form (it checks every row); a row that is still not a contact fails here rather than
   * being stored half.
   */
  public static List<WeeklyContact> from(FormInput log) {
    Integer count = log.integer(CONTACT_COUNT);
    List<WeeklyContact> contacts = new ArrayList<>();
    for (int i = 1; count != null && i <= count; i++) {
      FormInput item = log.object(contact(i));
      if (item == null) {
        throw new IllegalArgumentException("contact " + i + " of " + count + " is missing");
      }
      contacts.add(new WeeklyContact(item.date(CONTACT_DATE), time(item.string(CONTACT_TIME)), item.string(CONTACT_TYPE),
          Value.YES.equals(item.get(CONTACT_REACHED)), ((Number) item.get(CONTACT_MINUTES)).intValue()));
    }
    return contacts;
  }

  /** A form's time field ("14:30", or with seconds); null when absent or not a time. */
  public static LocalTime time(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(value.length() > 5 ? value.substring(0, 5) : value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
