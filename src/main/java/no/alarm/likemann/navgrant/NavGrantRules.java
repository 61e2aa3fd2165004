package no.alarm.likemann.navgrant;

import static no.alarm.likemann.navgrant.NavMentorGrant.Var.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.navgrant.NavMentorGrant.Element;

import org.springframework.stereotype.Component;

/**
 * The NAV mentor grant's rules that its forms cannot state: what has happened is not in the future, a period ends
 * after it begins and lasts at most {@value #MAX_YEARS} years, a grant has its period and amount, a claimed refund
 * its amount and day.
 */
@Component
public class NavGrantRules implements FormRules {

  static final int MAX_YEARS = 3;

  private final Clock clock;

  public NavGrantRules(Clock clock) {
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(OsloCalendar.OSLO));
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    switch (formId) {
      case Element.GRANT_APPLIED -> {
        String mentor = in.string(MENTOR_REFERENCE);
        if (mentor != null && !mentor.strip().matches("(?i)(LM-)?\\d{1,9}")) {
          out.add(new Violation(MENTOR_REFERENCE, "Skriv likemannens referanse, for eksempel LM-0001.",
              "mentorReference must be a mentor's reference (LM-0001)"));
        }
        past(in, out, APPLIED_ON, "Søknadsdatoen");
        period(in, out, APPLIED_FROM, APPLIED_TO, "perioden det søkes for");
      }
      case Element.RECORD_DECISION -> {
        past(in, out, DECIDED_ON, "Vedtaksdatoen");
        if (NavMentorGrant.GRANTED.equals(in.get(DECISION))) {
          required(in, out, GRANTED_FROM, "Skriv inn når tilskuddet gjelder fra.", "grantedFrom is required");
          required(in, out, GRANTED_TO, "Skriv inn når tilskuddet gjelder til.", "grantedTo is required");
          required(in, out, AMOUNT_GRANTED, "Skriv inn innvilget beløp i måneden.",
              "amountGrantedPerMonth is required");
          period(in, out, GRANTED_FROM, GRANTED_TO, "den innvilgede perioden");
        }
      }
      case Element.CLAIM_REFUND -> {
        if (NavMentorGrant.CLAIMED.equals(in.get(REFUND_OUTCOME))) {
          required(in, out, AMOUNT_CLAIMED, "Skriv inn beløpet du søker refusjon for.", "amountClaimed is required");
          required(in, out, CLAIMED_ON, "Skriv inn når refusjonen ble søkt.", "claimedOn is required");
          past(in, out, CLAIMED_ON, "Datoen refusjonen ble søkt");
        }
      }
      case Element.REPORT_TO_NAV -> past(in, out, REPORTED_ON, "Datoen rapporten ble sendt");
      default -> { }
    }
  }

  private void past(FormInput in, List<Violation> out, String field, String what) {
    LocalDate d = in.date(field);
    if (d != null && d.isAfter(today())) {
      out.add(new Violation(field, what + " kan ikke være fram i tid.", field + " must not be in the future"));
    }
  }

  private static void required(FormInput in, List<Violation> out, String field, String norwegian, String english) {
    if (in.isEmpty(field)) {
      out.add(new Violation(field, norwegian, english));
    }
  }

  private static void period(FormInput in, List<Violation> out, String fromField, String toField, String what) {
    LocalDate from = in.date(fromField);
    LocalDate to = in.date(toField);
    if (from == null || to == null) {
      return;
    }
    if (to.isBefore(from)) {
      out.add(new Violation(toField, "Slutten av " + what + " kan ikke være før starten.",
          toField + " must not be before " + fromField));
    } else if (to.isAfter(from.plusYears(MAX_YEARS))) {
      out.add(new Violation(toField, "Et tilskudd gjelder høyst " + MAX_YEARS + " år om gangen.",
          toField + " must be at most " + MAX_YEARS + " years after " + fromField));
    }
  }
}
