package no.alarm.likemann.forms;

import java.util.List;

/** Domain rules beyond what a form can state by itself (conditional fields, register look-ups, dates). */
public interface FormRules {

  void check(String formId, FormInput input, List<Violation> violations);
}
