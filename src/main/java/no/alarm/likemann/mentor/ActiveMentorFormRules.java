package no.alarm.likemann.mentor;

import static no.alarm.likemann.mentor.ActiveMentor.Var.*;

import java.time.LocalDate;
import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;

import org.springframework.stereotype.Component;

/**
 * The relapse follow-up's rules that a form cannot state by itself: the dates have happened, and the internal
 * routine for relapses is followed before anything is decided (plan 000 app. 2).
 */
@Component
public class ActiveMentorFormRules implements FormRules {

  private final OsloCalendar oslo;

  public ActiveMentorFormRules(OsloCalendar oslo) {
    this.oslo = oslo;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    if (!formId.equals(ActiveMentor.Element.FOLLOW_UP_RELAPSE) && !formId.equals(ActiveMentor.Element.RECONSIDER_RETURN)) {
      return;
    }
    LocalDate today = oslo.todayDate();
    for (String key : List.of(SOBER_SINCE, RELAPSE_FOLLOWED_UP_ON)) {
      LocalDate date = in.date(key);
      if (date != null && date.isAfter(today)) {
        out.add(new Violation(key, "Datoen kan ikke være fram i tid.", key + " must not be in the future"));
      }
    }
    if (in.get(INTERNAL_ROUTINE_FOLLOWED) instanceof Boolean followed && !followed) {
      out.add(new Violation(INTERNAL_ROUTINE_FOLLOWED, "Følg A-larms interne handlingsrutiner ved tilbakefall før du"
          + " avgjør veien videre.", "internalRoutineFollowed must be true: the relapse routine comes first"));
    }
  }
}
