package no.alarm.likemann.erasure;

import java.util.List;
import java.util.Locale;

import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;

import org.springframework.stereotype.Component;

/** The erasure's start form: a reference as the referral has it (whether it is known, the request checks). */
@Component
public class ErasureFormRules implements FormRules {

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    if (!ErasePerson.Element.ERASURE_REQUESTED.equals(formId)) {
      return;
    }
    String reference = in.string(ErasePerson.Var.ERASURE_REFERENCE);
    if (reference != null && !reference.strip().toUpperCase(Locale.ROOT).matches(no.alarm.likemann.referral.ReferralRegistry.REFERENCE_PATTERN)) {
      out.add(new Violation(ErasePerson.Var.ERASURE_REFERENCE,
          "Skriv referansen slik den står på henvisningen, for eksempel HEN-2026-00000.",
          "erasureReference must be a referral reference such as HEN-2026-00000"));
    }
  }
}
